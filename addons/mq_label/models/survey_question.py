# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class SurveyQuestion(models.Model):
    _inherit = "survey.question"

    mq_is_recommendation = fields.Boolean(
        string="Recommendation Question",
        help="The answers to this question give the label's recommendation rate.",
    )
    mq_journey_step_id = fields.Many2one(
        "mq.journey.step",
        string="Journey Step",
        help="The answers to this question measure the satisfaction on this step.",
    )


class SurveyQuestionAnswer(models.Model):
    _inherit = "survey.question.answer"

    mq_recommends = fields.Boolean(
        string="Recommends the Builder",
        help="Choosing this answer counts as a recommendation.",
    )
    mq_satisfaction = fields.Integer(
        string="Satisfaction Level",
        help="From 1 (not at all satisfied) to 4 (very satisfied); 0 when the "
        "answer says nothing about satisfaction.",
    )
