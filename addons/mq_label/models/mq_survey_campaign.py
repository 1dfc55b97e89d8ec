# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

# The answers a campaign counts: not survey test entries, from a client whose
# house was handed over in the campaign's period; "answered" when completed
# before the end of the closing date, in the company's timezone.
CAMPAIGN_ANSWERS = """
    SELECT c.id AS campaign_id, ui.id AS user_input_id,
           ui.state = 'done' AND ui.end_datetime IS NOT NULL
           AND ui.end_datetime < (
               (c.date_close + 1)::timestamp AT TIME ZONE COALESCE(cp.tz, 'UTC')
           ) AT TIME ZONE 'UTC' AS answered
      FROM mq_survey_campaign c
      JOIN res_company rc ON rc.id = c.company_id
      JOIN res_partner cp ON cp.id = rc.partner_id
      JOIN survey_user_input ui
        ON ui.survey_id = c.survey_id AND ui.test_entry IS NOT TRUE
     WHERE EXISTS (
            SELECT 1 FROM project_project pp
             WHERE pp.partner_id = ui.partner_id
               AND pp.mq_handover_date BETWEEN c.date_start AND c.date_end
               AND (pp.company_id = c.company_id OR pp.company_id IS NULL)
           )
"""
# The stored figures of a closed campaign, and the live figure each freezes.
FROZEN_FIGURES = {
    "invited_count": "closed_invited_count",
    "answered_count": "closed_answered_count",
    "respondent_count": "closed_respondent_count",
    "recommend_count": "closed_recommend_count",
    "response_rate": "closed_response_rate",
    "recommendation_rate": "closed_recommendation_rate",
    "threshold": "closed_threshold",
    "margin": "closed_margin",
}
# Written by the buttons only (as the system): a running campaign cannot be
# written "closed" with figures of one's choosing through the API.
SERVER_OWNED = {"state", "closed_on", "closed_drivers", *FROZEN_FIGURES.values()}
# The driver report's columns a closing freezes, per journey step.
FROZEN_DRIVER_COLUMNS = (
    "answer_count",
    "satisfied_count",
    "dissatisfied_count",
    "min_answers",
    "sample_status",
    "satisfaction_avg",
    "dissatisfied_share",
    "recommendation_satisfied",
    "recommendation_dissatisfied",
    "recommendation_gap",
    "gap_low",
    "gap_high",
)


class MqSurveyCampaign(models.Model):
    """The yearly satisfaction survey of the clients whose house was handed over."""

    _name = "mq.survey.campaign"
    _description = "Label Survey Campaign"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "year desc, id desc"

    name = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    year = fields.Integer(
        required=True, default=lambda self: fields.Date.context_today(self).year
    )
    date_start = fields.Date(string="Handovers From", required=True)
    date_end = fields.Date(string="Handovers Until", required=True)
    date_close = fields.Date(
        string="Closing Date",
        required=True,
        help="Last day the clients can answer.",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("running", "Running"), ("closed", "Closed")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    closed_on = fields.Datetime(readonly=True, copy=False)
    # Frozen at closing: late answers, new thresholds or a new label date
    # never rewrite a closed year.
    closed_invited_count = fields.Integer(readonly=True, copy=False)
    closed_answered_count = fields.Integer(readonly=True, copy=False)
    closed_respondent_count = fields.Integer(readonly=True, copy=False)
    closed_recommend_count = fields.Integer(readonly=True, copy=False)
    closed_response_rate = fields.Float(readonly=True, copy=False)
    closed_recommendation_rate = fields.Float(readonly=True, copy=False)
    closed_threshold = fields.Float(readonly=True, copy=False)
    closed_margin = fields.Float(readonly=True, copy=False)
    # The drivers report of the closing day: {"steps": [one dict per journey
    # step: step_id and FROZEN_DRIVER_COLUMNS]}; the report reads it once set
    # (a dict, never empty: Odoo stores an empty list as NULL).
    closed_drivers = fields.Json(readonly=True, copy=False)
    survey_id = fields.Many2one("survey.survey", ondelete="restrict")
    user_id = fields.Many2one(
        "res.users",
        string="Label Manager",
        default=lambda self: self.env.company.mq_label_manager_id or self.env.user,
        tracking=True,
    )
    invited_count = fields.Integer(
        string="Invited",
        compute="_compute_figures",
        help="Clients whose house was handed over in the period and who were "
        "invited to the survey (test entries left out).",
    )
    respondent_count = fields.Integer(
        string="Respondents",
        compute="_compute_figures",
        help="Answers completed by the closing date that say whether the client "
        "would recommend the builder: the sample of the recommendation rate.",
    )
    answered_count = fields.Integer(string="Answered", compute="_compute_figures")
    recommend_count = fields.Integer(
        string="Would Recommend", compute="_compute_figures"
    )
    response_rate = fields.Float(string="Response Rate (%)", compute="_compute_figures")
    recommendation_rate = fields.Float(
        string="Recommendation Rate (%)", compute="_compute_figures"
    )
    threshold = fields.Float(string="Threshold (%)", compute="_compute_figures")
    margin = fields.Float(
        string="Margin (points)",
        compute="_compute_figures",
        help="Recommendation rate minus the threshold, in percentage points.",
    )
    status = fields.Selection(
        [
            ("none", "No Answer Yet"),
            ("above", "Above Threshold"),
            ("at_risk", "At Risk"),
            ("below", "Below Threshold"),
        ],
        compute="_compute_figures",
    )

    _sql_constraints = [
        (
            "year_company_unique",
            "unique(company_id, year)",
            "The company already has a campaign for this year.",
        ),
    ]

    @api.constrains("date_start", "date_end", "date_close")
    def _check_dates(self):
        for campaign in self:
            if campaign.date_start > campaign.date_end:
                raise ValidationError(
                    self.env._(
                        "Campaign %(name)s: the handover period ends before it starts.",
                        name=campaign.name,
                    )
                )
            if campaign.date_close < campaign.date_end:
                raise ValidationError(
                    self.env._(
                        "Campaign %(name)s: it cannot close before the end of "
                        "its handover period.",
                        name=campaign.name,
                    )
                )

    def _answer_counts(self):
        """Invited, answered, respondents and recommending per campaign.

        One SQL aggregate, whatever the number of answers.
        """
        # Campaigns not saved yet have no answers.
        ids = tuple(i for i in self.ids if isinstance(i, int))
        if not ids:
            return {}
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                WITH answers AS (%(answers)s AND c.id IN %(ids)s)
                SELECT answers.campaign_id,
                       count(*) AS invited,
                       count(*) FILTER (WHERE answered) AS answered,
                       count(r.recommends) FILTER (WHERE answered) AS respondents,
                       count(*) FILTER (WHERE answered AND r.recommends) AS recommending
                  FROM answers
                  -- Each answer's recommendation, read by its own lines (NULL
                  -- when it has none): never the lines of other campaigns.
                  CROSS JOIN LATERAL (
                       SELECT bool_or(COALESCE(a.mq_recommends, FALSE)) AS recommends
                         FROM survey_user_input_line l
                         JOIN survey_question q
                           ON q.id = l.question_id AND q.mq_is_recommendation
                         JOIN survey_question_answer a ON a.id = l.suggested_answer_id
                        WHERE l.user_input_id = answers.user_input_id
                  ) r
              GROUP BY answers.campaign_id
                """,
                answers=SQL(CAMPAIGN_ANSWERS),
                ids=ids,
            )
        )
        return {row["campaign_id"]: row for row in self.env.cr.dictfetchall()}

    def _live_figures(self, counts):
        """The figures of the answers so far, with today's threshold."""
        self.ensure_one()
        row = counts.get(self.id) or {}
        invited = row.get("invited", 0)
        answered = row.get("answered", 0)
        respondents = row.get("respondents", 0)
        recommending = row.get("recommending", 0)
        rate = 100.0 * recommending / respondents if respondents else 0.0
        threshold = self.company_id._mq_label_threshold(self.year)
        return {
            "invited_count": invited,
            "answered_count": answered,
            "respondent_count": respondents,
            "recommend_count": recommending,
            "response_rate": 100.0 * answered / invited if invited else 0.0,
            "recommendation_rate": rate,
            "threshold": threshold,
            "margin": rate - threshold,
        }

    @api.depends("survey_id", "state", "year", "company_id", "date_close")
    def _compute_figures(self):
        live = self.filtered(lambda c: c.state != "closed" or not c.closed_on)
        counts = live._answer_counts()
        for campaign in self:
            if campaign in live:
                figures = campaign._live_figures(counts)
            else:
                figures = {
                    name: campaign[frozen] for name, frozen in FROZEN_FIGURES.items()
                }
            campaign.update(figures)
            campaign.status = campaign._status(figures["respondent_count"])

    def _status(self, respondents):
        self.ensure_one()
        if not respondents:
            return "none"
        # The charter asks for a rate strictly over the threshold.
        if self.recommendation_rate > self.threshold:
            return "above"
        return "below" if self.state == "closed" else "at_risk"

    def _handed_over_partners(self):
        """Clients whose house was handed over in the campaign's period."""
        self.ensure_one()
        projects = self.env["project.project"].search(
            [
                ("company_id", "in", [self.company_id.id, False]),
                ("mq_handover_date", ">=", self.date_start),
                ("mq_handover_date", "<=", self.date_end),
                ("partner_id", "!=", False),
            ]
        )
        return projects.partner_id

    def action_create_survey(self):
        """Copy the label's survey template for this campaign."""
        template = self.env.ref("mq_label.survey_mq_template")
        for campaign in self:
            if campaign.survey_id:
                continue
            survey = template.copy()
            survey.title = campaign.name
            campaign.survey_id = survey
        return True

    def action_start(self):
        for campaign in self:
            if not campaign.survey_id:
                raise UserError(
                    self.env._(
                        "Campaign %(name)s has no survey yet: create it first.",
                        name=campaign.name,
                    )
                )
            if campaign.state == "closed":
                raise UserError(self.env._("A closed campaign's figures never change."))
        self.sudo().write({"state": "running"})
        return True

    def action_close(self):
        """Close the campaign and freeze its figures and the threshold used."""
        for campaign in self:
            if campaign.state != "running":
                raise UserError(
                    self.env._(
                        "Campaign %(name)s is not running: only a running campaign "
                        "is closed.",
                        name=campaign.name,
                    )
                )
        counts = self._answer_counts()
        drivers = self._live_drivers()
        for campaign in self:
            figures = campaign._live_figures(counts)
            campaign.sudo().write(
                {
                    "state": "closed",
                    "closed_on": fields.Datetime.now(),
                    "closed_drivers": {"steps": drivers[campaign.id]},
                    **{FROZEN_FIGURES[name]: value for name, value in figures.items()},
                }
            )
        return True

    def _live_drivers(self):
        """{campaign id: the drivers report's rows so far, as closed_drivers keeps them}."""
        self.env.flush_all()
        drivers = {campaign.id: [] for campaign in self}
        report = self.env["mq.driver.report"].sudo().search([("campaign_id", "in", self.ids)])
        for row in report:
            drivers[row.campaign_id.id].append(
                {"step_id": row.step_id.id, **{name: row[name] for name in FROZEN_DRIVER_COLUMNS}}
            )
        return drivers

    def _mq_freeze_drivers(self):
        """Freeze the drivers of campaigns closed before drivers were frozen.

        Run once by the upgrade, with the drivers of that day: the best the
        database still knows. Written in SQL, as the closed campaign's other
        frozen fields refuse any write.
        """
        closed = self.filtered(lambda c: c.state == "closed" and not c.closed_drivers)
        for campaign_id, rows in closed._live_drivers().items():
            self.env.cr.execute(
                SQL(
                    "UPDATE mq_survey_campaign SET closed_drivers = %s WHERE id = %s",
                    json.dumps({"steps": rows}),
                    campaign_id,
                )
            )
        closed.invalidate_recordset(["closed_drivers"])

    def action_reset_draft(self):
        if "closed" in self.mapped("state"):
            raise UserError(self.env._("A closed campaign's figures never change."))
        self.sudo().state = "draft"
        return True

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_server_owned(vals, allowed={"state": "draft"})
        return super().create(vals_list)

    def _check_server_owned(self, vals, allowed=None):
        """Refuse what only the buttons write, unless the server writes it."""
        if self.env.su:
            return
        allowed = allowed or {}
        if any(
            name in vals and (name not in allowed or vals[name] != allowed[name])
            for name in SERVER_OWNED
        ):
            raise UserError(
                self.env._(
                    "A campaign is started, closed or reset by its buttons only: its "
                    "state and its frozen figures cannot be written."
                )
            )

    def write(self, vals):
        self._check_server_owned(vals)
        frozen = set(FROZEN_FIGURES.values()) | {
            "closed_on",
            "closed_drivers",
            "survey_id",
            "year",
            "company_id",
            "date_start",
            "date_end",
            "date_close",
        }
        if frozen & set(vals) and any(
            campaign.state == "closed" and campaign.closed_on for campaign in self
        ):
            raise UserError(self.env._("A closed campaign's figures never change."))
        return super().write(vals)

    def action_invite(self):
        """Open Odoo's survey invitation on the clients handed over in the period.

        The same wizard, in "resend" mode, sends the reminders.
        """
        self.ensure_one()
        if not self.survey_id:
            raise UserError(
                self.env._(
                    "Campaign %(name)s has no survey yet: create it first.",
                    name=self.name,
                )
            )
        partners = self._handed_over_partners()
        if not partners:
            raise UserError(
                self.env._(
                    "No house project was handed over between %(start)s and %(end)s.",
                    start=self.date_start,
                    end=self.date_end,
                )
            )
        action = self.survey_id.action_send_survey()
        action["context"] = dict(
            action.get("context", {}),
            default_partner_ids=partners.ids,
            default_existing_mode="resend",
        )
        return action

    def action_open_answers(self):
        self.ensure_one()
        return self.survey_id.action_survey_user_input()

    def _mq_drivers(self):
        """The journey steps of this campaign, the strongest drivers first."""
        self.ensure_one()
        return self.env["mq.driver.report"].search([("campaign_id", "=", self.id)])

    def action_open_drivers(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "mq_label.mq_driver_report_action"
        )
        action["domain"] = [("campaign_id", "=", self.id)]
        return action

    def _mq_warn_below_threshold(self):
        """Warn the label manager of running campaigns not over the threshold.

        With the answers so far: there is still time to act before closing.
        """
        today = fields.Date.context_today(self)
        activity_type = self.env.ref("mail.mail_activity_data_warning")
        for campaign in self.filtered(
            lambda c: c.state == "running" and c.date_close >= today
        ):
            if campaign.status != "at_risk":
                continue
            already = campaign.activity_ids.filtered(
                lambda a, t=activity_type: a.activity_type_id == t
            )
            if already:
                continue
            user = campaign.user_id or self.env.user
            # Written in the manager's language: the cron runs as another user.
            env = campaign.with_context(lang=user.lang).env
            rate = "%.1f %%" % campaign.recommendation_rate
            threshold = "%.1f %%" % campaign.threshold
            campaign.activity_schedule(
                "mail.mail_activity_data_warning",
                date_deadline=today,
                summary=env._("Recommendation rate below the label threshold"),
                note=env._(
                    "With %(answered)s answers, the recommendation rate is "
                    "%(rate)s, not over the threshold of %(threshold)s.",
                    answered=campaign.answered_count,
                    rate=rate,
                    threshold=threshold,
                ),
                user_id=user.id,
            )
        return True

    @api.model
    def _cron_warn_below_threshold(self):
        self.search([("state", "=", "running")])._mq_warn_below_threshold()
