# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models, tools
from odoo.tools import is_html_empty
from odoo.exceptions import UserError


class MqComplaint(models.Model):
    """A client's complaint, answered by a dedicated contact within a deadline."""

    _name = "mq.complaint"
    _description = "Client Complaint"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"

    name = fields.Char(required=True, tracking=True)
    partner_id = fields.Many2one(
        "res.partner", string="Client", required=True, tracking=True, index=True
    )
    project_id = fields.Many2one(
        "project.project", string="House Project", tracking=True, index=True
    )
    category_id = fields.Many2one(
        "mq.complaint.category", required=True, tracking=True
    )
    description = fields.Html(required=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    user_id = fields.Many2one(
        "res.users",
        string="Dedicated Contact",
        compute="_compute_user_id",
        store=True,
        readonly=False,
        tracking=True,
    )
    date = fields.Date(
        string="Filed On",
        required=True,
        default=fields.Date.context_today,
    )
    # Set when the complaint is filed, from its category's delay: editing the
    # category's delay later never moves the deadline promised to the client.
    date_deadline = fields.Date(string="Deadline", readonly=True, copy=False)
    state = fields.Selection(
        [
            ("new", "New"),
            ("in_progress", "In Progress"),
            ("answered", "Answered"),
            ("closed", "Closed"),
        ],
        default="new",
        required=True,
        tracking=True,
        group_expand=True,
    )
    answer = fields.Html()
    date_answered = fields.Date(string="Answered On", readonly=True, copy=False)
    satisfaction = fields.Selection(
        [
            ("satisfied", "Satisfied"),
            ("neutral", "Neither satisfied nor dissatisfied"),
            ("dissatisfied", "Dissatisfied"),
        ],
        string="Satisfaction with the Handling",
        tracking=True,
        copy=False,
        help="The client's satisfaction with how the complaint was handled, "
        "asked at closing.",
    )
    is_late = fields.Boolean(
        string="Late",
        compute="_compute_is_late",
        search="_search_is_late",
        help="Not answered by its deadline.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        # Portal clients have no create right (they file through client_portal's
        # form, which checks the house); the server sets the deadline, for
        # those complaints too.
        Category = self.env["mq.complaint.category"].sudo()
        for vals in vals_list:
            category = Category.browse(
                vals.get("category_id") or self.env.context.get("default_category_id")
            )
            filed = fields.Date.to_date(vals.get("date")) or fields.Date.context_today(self)
            vals["date_deadline"] = (
                filed + timedelta(days=category.delay_days) if category else False
            )
        return super().create(vals_list)

    @api.depends("category_id", "project_id")
    def _compute_user_id(self):
        for complaint in self:
            complaint.user_id = (
                complaint.category_id.user_id or complaint.project_id.user_id
            )

    @api.depends("date_deadline", "date_answered")
    def _compute_is_late(self):
        today = fields.Date.context_today(self)
        for complaint in self:
            answered_on = complaint.date_answered or today
            complaint.is_late = bool(
                complaint.date_deadline and answered_on > complaint.date_deadline
            )

    def _search_is_late(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on late complaints."))
        today = fields.Date.context_today(self)
        # A date compared with another column is not expressible in a domain:
        # late answered complaints are a SQL subquery, no id list in Python.
        self.flush_model(["date_deadline", "date_answered"])
        late = [
            (
                "id",
                "in",
                tools.SQL(
                    """(SELECT id FROM mq_complaint
                         WHERE date_deadline IS NOT NULL
                           AND COALESCE(date_answered, %s) > date_deadline)""",
                    today,
                ),
            )
        ]
        positive = (operator == "=") == value
        return late if positive else [("id", "not in", late[0][2])]

    @api.onchange("project_id")
    def _onchange_project_id(self):
        if self.project_id.partner_id:
            self.partner_id = self.project_id.partner_id

    def action_start(self):
        self.filtered(lambda c: c.state == "new").state = "in_progress"
        return True

    def action_answer(self):
        for complaint in self:
            if complaint.state not in ("new", "in_progress"):
                raise UserError(
                    self.env._(
                        "Complaint %(name)s is already answered.", name=complaint.name
                    )
                )
            if not is_html_empty(complaint.answer):
                continue
            raise UserError(
                self.env._(
                    "Write the answer to complaint %(name)s before marking it "
                    "answered.",
                    name=complaint.name,
                )
            )
        self.write(
            {"state": "answered", "date_answered": fields.Date.context_today(self)}
        )
        return True

    def action_close(self):
        for complaint in self:
            if complaint.state != "answered":
                raise UserError(
                    self.env._(
                        "Complaint %(name)s must be answered before it is closed.",
                        name=complaint.name,
                    )
                )
            if not complaint.satisfaction:
                raise UserError(
                    self.env._(
                        "Record the client's satisfaction with the handling of "
                        "complaint %(name)s before closing it.",
                        name=complaint.name,
                    )
                )
        self.state = "closed"
        return True

    def action_reopen(self):
        self.write({"state": "in_progress", "date_answered": False})
        return True
