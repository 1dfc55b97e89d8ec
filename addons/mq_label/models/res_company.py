# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    mq_label_date = fields.Date(
        string="Label Obtained On",
        help="Date the builder first obtained the Maisons de Qualité label.",
    )
    mq_threshold_first_year = fields.Float(
        string="Threshold, First Year (%)",
        default=70.0,
        help="The recommendation rate must be over this value in the label's first year.",
    )
    mq_threshold_next_years = fields.Float(
        string="Threshold, Following Years (%)",
        default=75.0,
        help="The recommendation rate must be over this value from the second year.",
    )
    mq_driver_min_answers = fields.Integer(
        string="Minimum Answers per Side",
        default=5,
        help="A journey step is ranked among the drivers only when at least this "
        "many respondents are satisfied with it, and as many dissatisfied.",
    )
    mq_label_manager_id = fields.Many2one(
        "res.users",
        string="Label Manager",
        help="Receives the warnings of campaigns running below the threshold.",
    )

    @api.constrains("mq_driver_min_answers")
    def _check_mq_driver_min_answers(self):
        for company in self:
            if company.mq_driver_min_answers < 1:
                raise ValidationError(
                    self.env._("The minimum number of answers per side is at least 1.")
                )

    def _mq_label_threshold(self, year):
        """Recommendation threshold of a campaign year (the rate must be over it)."""
        self.ensure_one()
        # Until the label is recorded, or in the year it was obtained, the
        # first-year threshold applies.
        label_year = self.mq_label_date.year if self.mq_label_date else year
        if year <= label_year:
            return self.mq_threshold_first_year
        return self.mq_threshold_next_years
