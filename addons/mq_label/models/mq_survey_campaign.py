# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


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
        tracking=True,
    )
    survey_id = fields.Many2one("survey.survey", ondelete="restrict")
    user_id = fields.Many2one(
        "res.users",
        string="Label Manager",
        default=lambda self: self.env.company.mq_label_manager_id or self.env.user,
        tracking=True,
    )
    invited_count = fields.Integer(string="Invited", compute="_compute_figures")
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
        """Invited, answered, recommending respondents per survey.

        Aggregated in SQL so the figures of any number of answers take the
        same few queries.
        """
        surveys = self.survey_id
        Input = self.env["survey.user_input"]
        Line = self.env["survey.user_input.line"]
        invited = dict(
            Input._read_group([("survey_id", "in", surveys.ids)], ["survey_id"], ["__count"])
        )
        answered = dict(
            Input._read_group(
                [("survey_id", "in", surveys.ids), ("state", "=", "done")],
                ["survey_id"],
                ["__count"],
            )
        )
        rec_domain = [
            ("survey_id", "in", surveys.ids),
            ("user_input_id.state", "=", "done"),
            ("question_id.mq_is_recommendation", "=", True),
            ("suggested_answer_id", "!=", False),
        ]
        rec_answered = dict(
            Line._read_group(rec_domain, ["survey_id"], ["user_input_id:count_distinct"])
        )
        recommending = dict(
            Line._read_group(
                rec_domain + [("suggested_answer_id.mq_recommends", "=", True)],
                ["survey_id"],
                ["user_input_id:count_distinct"],
            )
        )
        return invited, answered, rec_answered, recommending

    @api.depends("survey_id", "state", "year", "company_id")
    def _compute_figures(self):
        invited, answered, rec_answered, recommending = self._answer_counts()
        for campaign in self:
            survey = campaign.survey_id
            campaign.invited_count = invited.get(survey, 0)
            campaign.answered_count = answered.get(survey, 0)
            campaign.recommend_count = recommending.get(survey, 0)
            campaign.response_rate = (
                100.0 * campaign.answered_count / campaign.invited_count
                if campaign.invited_count
                else 0.0
            )
            respondents = rec_answered.get(survey, 0)
            campaign.recommendation_rate = (
                100.0 * campaign.recommend_count / respondents if respondents else 0.0
            )
            campaign.threshold = campaign.company_id._mq_label_threshold(campaign.year)
            campaign.margin = campaign.recommendation_rate - campaign.threshold
            campaign.status = campaign._status(respondents)

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
        self.state = "running"
        return True

    def action_close(self):
        self.state = "closed"
        return True

    def action_reset_draft(self):
        self.state = "draft"
        return True

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
