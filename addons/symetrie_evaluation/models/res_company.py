# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import pytz

from odoo import api, fields, models
from odoo.exceptions import ValidationError

# Weights of the scorecard's components: (field, default).
WEIGHT_FIELDS = [
    ("symetrie_weight_on_time", 25.0),
    ("symetrie_weight_acceptance", 10.0),
    ("symetrie_weight_transparency", 15.0),
    ("symetrie_weight_rework", 15.0),
    ("symetrie_weight_tenant", 15.0),
    # Measured and shown from the start; it enters the score once the
    # landlord gives it a weight (existing scores do not move on upgrade).
    ("symetrie_weight_visits", 0.0),
    ("symetrie_weight_completeness", 40.0),
    ("symetrie_weight_work_acceptance", 30.0),
    ("symetrie_weight_axes", 20.0),
    ("symetrie_weight_payment", 30.0),
]
BAND_FIELDS = [
    ("symetrie_band_a", 85.0),
    ("symetrie_band_b", 70.0),
    ("symetrie_band_c", 55.0),
    ("symetrie_band_d", 40.0),
]


class ResCompany(models.Model):
    _inherit = "res.company"

    symetrie_weight_on_time = fields.Float(
        string="Weight of On-Time Rate", default=25.0
    )
    symetrie_weight_acceptance = fields.Float(
        string="Weight of Acceptance in Time", default=10.0
    )
    symetrie_weight_transparency = fields.Float(
        string="Weight of Transparency", default=15.0
    )
    symetrie_weight_rework = fields.Float(string="Weight of Work Right First Time", default=15.0)
    symetrie_weight_tenant = fields.Float(
        string="Weight of Tenant Satisfaction", default=15.0
    )
    symetrie_weight_visits = fields.Float(
        string="Weight of Visits Kept",
        default=0.0,
        help="Booked visits the tenant did not report as missed; the tenant's "
        "own absences are left out of the sample.",
    )
    symetrie_weight_completeness = fields.Float(
        string="Weight of Order Completeness", default=40.0
    )
    symetrie_weight_work_acceptance = fields.Float(
        string="Weight of Work Accepted in Time", default=30.0
    )
    symetrie_weight_axes = fields.Float(string="Weight of the Axes", default=20.0)
    symetrie_weight_payment = fields.Float(
        string="Weight of Bills Paid on Time", default=30.0
    )
    symetrie_band_a = fields.Float(string="Band A From", default=85.0)
    symetrie_band_b = fields.Float(string="Band B From", default=70.0)
    symetrie_band_c = fields.Float(string="Band C From", default=55.0)
    symetrie_band_d = fields.Float(string="Band D From", default=40.0)
    symetrie_min_sample = fields.Integer(
        string="Minimum Sample Size",
        default=5,
        help="A scorecard figure measured on fewer orders, bills, ratings or "
        "evaluations than this is shown as not enough data and left out of "
        "the score; a scorecard with fewer orders gets no score, no band and "
        "no incentive.",
    )

    @api.constrains(*[name for name, _default in WEIGHT_FIELDS])
    def _check_symetrie_weights(self):
        for company in self:
            if any(company[name] < 0 for name, _default in WEIGHT_FIELDS):
                raise ValidationError(self.env._("Scorecard weights cannot be negative."))

    @api.constrains(*[name for name, _default in BAND_FIELDS])
    def _check_symetrie_bands(self):
        for company in self:
            thresholds = [company[name] for name, _default in BAND_FIELDS]
            if thresholds != sorted(thresholds, reverse=True) or not all(
                0 <= value <= 100 for value in thresholds
            ):
                raise ValidationError(
                    self.env._(
                        "Band thresholds go from 0 to 100 and decrease from A to D."
                    )
                )

    @api.constrains("symetrie_min_sample")
    def _check_symetrie_min_sample(self):
        for company in self:
            if company.symetrie_min_sample < 1:
                raise ValidationError(
                    self.env._("The minimum sample size of a scorecard is at least 1.")
                )

    def _symetrie_tz(self):
        """The company's timezone (its partner's), where periods and days are cut."""
        self.ensure_one()
        return pytz.timezone(self.partner_id.tz or "UTC")

    def _symetrie_band(self, score):
        """The band (A to E) of a score out of 100."""
        self.ensure_one()
        for band, (name, _default) in zip("ABCD", BAND_FIELDS, strict=True):
            if score >= self[name]:
                return band
        return "E"
