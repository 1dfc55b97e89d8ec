# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import psycopg2

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools.sql import create_unique_index

DIRECTIONS = [
    ("landlord_to_contractor", "Landlord rates contractor"),
    ("contractor_to_landlord", "Contractor rates landlord"),
    ("tenant_to_intervention", "Tenant rates intervention"),
]
# Technical fields the mail thread may still write on a locked evaluation.
TECHNICAL_FIELDS = {"message_main_attachment_id"}
# Fields only action_submit() writes.
SUBMISSION_FIELDS = {"state", "submitted_date", "submitted_by_id"}
# Fields only _symetrie_post_reply() writes, once, on a submitted evaluation.
REPLY_FIELDS = {"reply", "reply_date", "reply_by_id"}
# Fields a portal user never changes once the evaluation exists.
PORTAL_FROZEN_FIELDS = {"direction", "partner_id", "evaluator_partner_id", "company_id"}


class SymetrieEvaluation(models.Model):
    """Who rates whom, on the 11 axes: a draft, then locked once submitted."""

    _name = "symetrie.evaluation"
    _description = "Evaluation"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    direction = fields.Selection(
        DIRECTIONS, required=True, default="landlord_to_contractor", tracking=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Evaluated Partner",
        required=True,
        index=True,
        tracking=True,
        help="The contractor rated, or the landlord's company when the "
        "contractor rates the landlord.",
    )
    evaluator_partner_id = fields.Many2one(
        "res.partner",
        string="Evaluator",
        required=True,
        index=True,
        default=lambda self: self.env.user.partner_id,
        tracking=True,
    )
    department_id = fields.Many2one(
        "symetrie.landlord.department",
        string="Landlord Department",
        index=True,
        tracking=True,
        ondelete="restrict",
    )
    order_id = fields.Many2one(
        "purchase.order",
        string="Work Order",
        index=True,
        domain=[("symetrie_is_work_order", "=", True)],
        tracking=True,
    )
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    # The period evaluated (the month of the date unless given): scorecards
    # count an evaluation in the periods that contain it, whatever its date.
    date_from = fields.Date(
        string="Period From",
        compute="_compute_period",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
    )
    date_to = fields.Date(
        string="Period To",
        compute="_compute_period",
        store=True,
        readonly=False,
        precompute=True,
    )
    state = fields.Selection(
        [("draft", "Draft"), ("submitted", "Submitted")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    submitted_date = fields.Datetime(string="Submitted On", readonly=True, copy=False)
    submitted_by_id = fields.Many2one(
        "res.users", readonly=True, copy=False
    )
    line_ids = fields.One2many(
        "symetrie.evaluation.line", "evaluation_id", string="Scores", copy=True
    )
    overall_rating = fields.Integer(
        help="A single rating from 1 to 5, used when no axis is scored "
        "(e.g. the tenant's rating on the tracking link).",
    )
    comment = fields.Text(string="General Comment")
    score = fields.Float(
        compute="_compute_score",
        store=True,
        digits=(3, 2),
        aggregator="avg",
        help="Average of the scores given, weighted by the axes' weights, from 1 to 5.",
    )
    reply = fields.Text(
        string="Contractor's Reply",
        readonly=True,
        copy=False,
        help="The evaluated contractor's answer, posted once from its portal.",
    )
    reply_date = fields.Datetime(string="Replied On", readonly=True, copy=False)
    reply_by_id = fields.Many2one("res.users", string="Replied By", readonly=True, copy=False)

    @api.depends("direction", "partner_id", "date")
    def _compute_name(self):
        labels = dict(self._fields["direction"]._description_selection(self.env))
        for evaluation in self:
            evaluation.name = "%s - %s" % (
                labels.get(evaluation.direction, ""),
                evaluation.partner_id.display_name or "",
            )

    @api.depends("date")
    def _compute_period(self):
        for evaluation in self:
            if evaluation.date:
                evaluation.date_from, evaluation.date_to = self.env[
                    "symetrie.scorecard"
                ]._symetrie_period("month", evaluation.date)
            else:
                evaluation.date_from = evaluation.date_to = False

    @api.depends("line_ids.score", "line_ids.axis_id.weight", "overall_rating")
    def _compute_score(self):
        for evaluation in self:
            scored = evaluation.line_ids.filtered("score")
            weights = sum(scored.mapped("axis_id.weight"))
            if scored:
                # Every scored axis at weight 0: no score rather than a made-up one.
                evaluation.score = (
                    sum(line.score * line.axis_id.weight for line in scored) / weights
                    if weights
                    else 0.0
                )
            else:
                evaluation.score = evaluation.overall_rating or 0.0

    def init(self):
        # "Once per period": two submissions at the same time cannot both pass
        # the check above, the index decides.
        create_unique_index(
            self.env.cr,
            "symetrie_evaluation_once_per_period_uniq",
            self._table,
            [
                "direction",
                "partner_id",
                "evaluator_partner_id",
                "COALESCE(department_id, 0)",
                "COALESCE(order_id, 0)",
                "COALESCE(date_from, '1970-01-01'::date)",
                "COALESCE(date_to, '1970-01-01'::date)",
            ],
        )

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("overall_rating")
    def _check_overall_rating(self):
        for evaluation in self:
            if evaluation.overall_rating and not 1 <= evaluation.overall_rating <= 5:
                raise ValidationError(self.env._("A rating goes from 1 to 5."))

    @api.constrains("date_from", "date_to")
    def _check_period(self):
        for evaluation in self:
            if (
                evaluation.date_from
                and evaluation.date_to
                and evaluation.date_to < evaluation.date_from
            ):
                raise ValidationError(
                    self.env._("The period of an evaluation must end after it starts.")
                )

    @api.constrains("direction", "order_id", "department_id")
    def _check_direction_needs(self):
        for evaluation in self:
            if evaluation.direction == "tenant_to_intervention" and not evaluation.order_id:
                raise ValidationError(
                    self.env._("A tenant's evaluation is about one work order.")
                )
            if evaluation.department_id and evaluation.direction != "contractor_to_landlord":
                raise ValidationError(
                    self.env._(
                        "Only an evaluation of the landlord is about one of its departments."
                    )
                )

    @api.constrains(
        "direction",
        "partner_id",
        "evaluator_partner_id",
        "department_id",
        "order_id",
        "date_from",
        "date_to",
    )
    def _check_once_per_period(self):
        for evaluation in self:
            domain = [
                ("id", "!=", evaluation.id),
                ("direction", "=", evaluation.direction),
                ("partner_id", "=", evaluation.partner_id.id),
                ("evaluator_partner_id", "=", evaluation.evaluator_partner_id.id),
                ("department_id", "=", evaluation.department_id.id),
                ("order_id", "=", evaluation.order_id.id),
                ("date_from", "=", evaluation.date_from),
                ("date_to", "=", evaluation.date_to),
            ]
            if self.sudo().search_count(domain, limit=1):
                raise ValidationError(
                    self.env._(
                        "%(evaluator)s has already evaluated %(partner)s for this "
                        "period, department and order.",
                        # Names read as superuser: a portal user may not
                        # read the landlord's partner, the message must show.
                        evaluator=evaluation.sudo().evaluator_partner_id.display_name,
                        partner=evaluation.sudo().partner_id.display_name,
                    )
                )

    # ------------------------------------------------------------------
    # CRUD: portal users only rate the landlord, for their own company
    # ------------------------------------------------------------------
    @api.model
    def _default_axis_lines(self):
        axes = self.env["symetrie.evaluation.axis"].sudo().search([])
        return [Command.create({"axis_id": axis.id}) for axis in axes]

    @api.model_create_multi
    def create(self, vals_list):
        user = self.env.user
        for vals in vals_list:
            if not user._is_internal() and not self.env.su:
                contractor = user.partner_id.commercial_partner_id
                if vals.get("direction") != "contractor_to_landlord" or vals.get(
                    "evaluator_partner_id", contractor.id
                ) != contractor.id:
                    raise AccessError(
                        self.env._(
                            "On the portal, you may only evaluate the landlord, "
                            "for your own company."
                        )
                    )
                vals["evaluator_partner_id"] = contractor.id
            if vals.get("direction") == "contractor_to_landlord" and not vals.get(
                "partner_id"
            ):
                company = self.env["res.company"].browse(
                    vals.get("company_id") or self.env.company.id
                )
                vals["partner_id"] = company.sudo().partner_id.id
            order_id = vals.get("order_id") or self.env.context.get("default_order_id")
            if order_id:
                order = self.env["purchase.order"].sudo().browse(order_id)
                vals.setdefault("partner_id", order.partner_id.commercial_partner_id.id)
                if (
                    vals.get("direction") == "tenant_to_intervention"
                    and "evaluator_partner_id" not in vals
                ):
                    vals["evaluator_partner_id"] = order.symetrie_tenant_id.id
            if not vals.get("line_ids") and not vals.get("overall_rating"):
                vals["line_ids"] = self._default_axis_lines()
            self._symetrie_check_not_rated_yet(vals)
        try:
            with self.env.cr.savepoint():
                return super().create(vals_list)
        except psycopg2.errors.UniqueViolation as error:
            # The index of "once per period" (two submissions at once).
            raise ValidationError(self._symetrie_already_rated_message()) from error

    def write(self, vals):
        replying = self.env.context.get("symetrie_replying")
        if REPLY_FIELDS & set(vals) and not replying:
            raise UserError(self.env._("Only the evaluated contractor replies, once."))
        if replying and not set(vals) <= REPLY_FIELDS | TECHNICAL_FIELDS:
            raise UserError(self.env._("A submitted evaluation is never changed, by anyone."))
        if (
            set(vals) - TECHNICAL_FIELDS - (REPLY_FIELDS if replying else set())
            and self._symetrie_any_submitted()
        ):
            raise UserError(
                self.env._("A submitted evaluation is never changed, by anyone.")
            )
        if SUBMISSION_FIELDS & set(vals) and not self.env.context.get(
            "symetrie_submitting"
        ):
            raise UserError(self.env._("Use the Submit button to submit an evaluation."))
        if (
            PORTAL_FROZEN_FIELDS & set(vals)
            and not self.env.user._is_internal()
            and not self.env.su
        ):
            raise AccessError(
                self.env._("You may not change who evaluates whom on this evaluation.")
            )
        return super().write(vals)

    @api.model
    def _symetrie_check_not_rated_yet(self, vals):
        """Once per period, checked before writing; the unique index catches
        the submissions this check cannot see (two at the same time)."""
        key = {
            "direction": vals.get("direction") or "landlord_to_contractor",
            "partner_id": vals.get("partner_id") or False,
            "evaluator_partner_id": vals.get(
                "evaluator_partner_id", self.env.user.partner_id.id
            ),
            "department_id": vals.get("department_id") or False,
            "order_id": vals.get("order_id") or False,
            "date_from": vals.get("date_from") or False,
            "date_to": vals.get("date_to") or False,
        }
        if self.sudo().search_count([(name, "=", value) for name, value in key.items()], limit=1):
            Partner = self.env["res.partner"].sudo()
            raise ValidationError(
                self.env._(
                    "%(evaluator)s has already evaluated %(partner)s for this "
                    "period, department and order.",
                    evaluator=Partner.browse(key["evaluator_partner_id"]).display_name,
                    partner=Partner.browse(key["partner_id"]).display_name,
                )
            )

    def _symetrie_any_submitted(self):
        return any(state == "submitted" for state in self.sudo().mapped("state"))

    @api.ondelete(at_uninstall=False)
    def _unlink_except_submitted(self):
        if self._symetrie_any_submitted():
            raise UserError(
                self.env._("A submitted evaluation is never deleted, by anyone.")
            )

    # ------------------------------------------------------------------
    # Submission
    # ------------------------------------------------------------------
    def action_submit(self):
        """Lock the evaluation: every axis scored (or a rating given), then frozen."""
        for evaluation in self:
            if evaluation.state != "draft":
                raise UserError(
                    self.env._("%(name)s is already submitted.", name=evaluation.name)
                )
            unscored = evaluation.line_ids.filtered(lambda line: not line.score)
            if unscored or not (evaluation.line_ids or evaluation.overall_rating):
                raise UserError(
                    self.env._(
                        "Score every axis from 1 to 5 before submitting: %(axes)s.",
                        axes=", ".join(unscored.mapped("axis_id.name")) or "-",
                    )
                )
        self.with_context(symetrie_submitting=True).write(
            {
                "state": "submitted",
                "submitted_date": fields.Datetime.now(),
                "submitted_by_id": self.env.user.id,
            }
        )
        for evaluation in self:
            evaluation.sudo().message_post(
                body=self.env._(
                    "Evaluation submitted by %(user)s, score %(score)s / 5: it is now locked.",
                    user=self.env.user.name,
                    score="%.2f" % evaluation.score,
                ),
                author_id=self.env.user.partner_id.id,
                subtype_xmlid="mail.mt_note",
            )
        return True

    @api.model
    def _portal_rate_landlord(self, department, scores, comment=None, day=None):
        """A contractor's portal user rates the landlord for this quarter.

        The only way a portal user writes an evaluation (portal users have no
        create or write right on evaluations): the server sets the evaluator
        (the user's company), the evaluated partner (the landlord), the
        period, the date and the state. ``scores`` maps each active axis id to
        1..5; every axis must be scored. Once per period and department, also
        when two submissions arrive at once (a unique index decides).
        """
        user = self.env.user
        contractor = user.partner_id.commercial_partner_id
        if user._is_internal() or not contractor.symetrie_is_contractor:
            raise AccessError(self.env._("Only a contractor rates the landlord."))
        department = department.exists()
        axes = self.env["symetrie.evaluation.axis"].search([])
        missing = [axis.name for axis in axes if scores.get(axis.id) not in (1, 2, 3, 4, 5)]
        if missing:
            raise ValidationError(
                self.env._(
                    "Give every axis a score from 1 to 5: %(axes)s.", axes=", ".join(missing)
                )
            )
        day = day or fields.Date.context_today(self)
        date_from, date_to = self.env["symetrie.scorecard"]._symetrie_period("quarter", day)
        values = {
            "direction": "contractor_to_landlord",
            "company_id": self.env.company.id,
            "partner_id": self.env.company.partner_id.id,
            "evaluator_partner_id": contractor.id,
            "department_id": department.id or False,
            "date": day,
            "date_from": date_from,
            "date_to": date_to,
            "comment": (comment or "").strip()[:4000] or False,
            "line_ids": [
                Command.create({"axis_id": axis.id, "score": scores[axis.id]})
                for axis in axes
            ],
        }
        evaluation = self.sudo().create(values)
        evaluation.action_submit()
        return evaluation.sudo(False)

    def _symetrie_already_rated_message(self):
        return self.env._(
            "This evaluator has already rated this partner for this period, "
            "department and order."
        )

    def _symetrie_post_reply(self, text):
        """The evaluated contractor's one reply to a submitted evaluation.

        Called by the contractor's portal user (or the API behind the portal
        page): the record rules decide which evaluations it may read; the
        server sets who replied and when.
        """
        self.ensure_one()
        text = (text or "").strip()
        user = self.env.user
        # Reading the evaluation as the user applies its record rules.
        self.check_access("read")
        evaluation = self.sudo()
        if (
            evaluation.state != "submitted"
            or evaluation.partner_id != user.partner_id.commercial_partner_id
            or evaluation.direction == "contractor_to_landlord"
        ):
            raise AccessError(
                self.env._("Only the evaluated contractor replies to a submitted evaluation.")
            )
        if evaluation.reply:
            raise UserError(self.env._("This evaluation already has its reply."))
        if not text:
            raise ValidationError(self.env._("Write your reply before posting it."))
        evaluation.with_context(symetrie_replying=True).write(
            {"reply": text, "reply_date": fields.Datetime.now(), "reply_by_id": user.id}
        )
        evaluation.message_post(
            body=self.env._("%(user)s replied to this evaluation.", user=user.name),
            author_id=user.partner_id.id,
            subtype_xmlid="mail.mt_note",
        )
        return True

    @api.model
    def _symetrie_tenant_rating(self, order, rating, comment=None):
        """The tenant's rating on the tracking link, as a submitted evaluation."""
        order = order.sudo()
        if not order.symetrie_is_work_order or not order.symetrie_tenant_id:
            raise UserError(self.env._("Only the tenant of a work order can rate it."))
        Scorecard = self.env["symetrie.scorecard"]
        order_day = (
            Scorecard._symetrie_local_day(order.company_id, order.symetrie_sent_date)
            if order.symetrie_sent_date
            else Scorecard._symetrie_today(order.company_id)
        )
        evaluation = self.sudo().create(
            {
                "direction": "tenant_to_intervention",
                "order_id": order.id,
                "company_id": order.company_id.id,
                "partner_id": order.partner_id.commercial_partner_id.id,
                "evaluator_partner_id": order.symetrie_tenant_id.id,
                "overall_rating": rating,
                "comment": comment,
                # The rating counts in the period of the order it rates.
                "date_from": order_day,
                "date_to": order_day,
                "line_ids": [],
            }
        )
        evaluation.action_submit()
        return evaluation
