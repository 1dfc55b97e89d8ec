# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

# Satisfaction levels go from 1 (not at all satisfied) to 4 (very satisfied):
# 3 and 4 are satisfied, 1 and 2 dissatisfied.
SATISFIED_FROM = 3


class MqDriverReport(models.Model):
    """Per campaign and journey step: satisfaction and its link with recommendation.

    The gap is the recommendation rate of the clients satisfied with the step
    minus that of the dissatisfied ones: the larger it is, the more the step
    drives recommendation. It is 0 while one of the two groups is empty.
    """

    _name = "mq.driver.report"
    _description = "Satisfaction Drivers Analysis"
    _auto = False
    _order = "campaign_id, recommendation_gap desc, dissatisfied_share desc"

    campaign_id = fields.Many2one("mq.survey.campaign", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    year = fields.Integer(readonly=True, aggregator=None)
    step_id = fields.Many2one("mq.journey.step", string="Journey Step", readonly=True)
    answer_count = fields.Integer(string="Answers", readonly=True)
    satisfaction_avg = fields.Float(
        string="Average Satisfaction (1-4)", readonly=True, aggregator="avg"
    )
    dissatisfied_share = fields.Float(
        string="Dissatisfied (%)", readonly=True, aggregator="avg"
    )
    recommendation_satisfied = fields.Float(
        string="Recommendation if Satisfied (%)", readonly=True, aggregator="avg"
    )
    recommendation_dissatisfied = fields.Float(
        string="Recommendation if Dissatisfied (%)", readonly=True, aggregator="avg"
    )
    recommendation_gap = fields.Float(
        string="Recommendation Gap (points)", readonly=True, aggregator="avg"
    )

    @property
    def _table_query(self):
        return f"""
            WITH recommendation AS (
                SELECT l.user_input_id, bool_or(a.mq_recommends) AS recommends
                  FROM survey_user_input_line l
                  JOIN survey_question q
                    ON q.id = l.question_id AND q.mq_is_recommendation
                  JOIN survey_question_answer a ON a.id = l.suggested_answer_id
                 GROUP BY l.user_input_id
            ), satisfaction AS (
                SELECT l.user_input_id, q.mq_journey_step_id AS step_id,
                       avg(a.mq_satisfaction) AS level
                  FROM survey_user_input_line l
                  JOIN survey_question q
                    ON q.id = l.question_id AND q.mq_journey_step_id IS NOT NULL
                  JOIN survey_question_answer a
                    ON a.id = l.suggested_answer_id AND a.mq_satisfaction > 0
                 GROUP BY l.user_input_id, q.mq_journey_step_id
            ), per_client AS (
                SELECT c.id AS campaign_id, c.company_id, c.year, s.step_id,
                       s.level >= {SATISFIED_FROM} AS satisfied,
                       s.level, r.recommends
                  FROM satisfaction s
                  JOIN survey_user_input ui
                    ON ui.id = s.user_input_id AND ui.state = 'done'
                  JOIN mq_survey_campaign c ON c.survey_id = ui.survey_id
                  JOIN recommendation r ON r.user_input_id = s.user_input_id
            ), per_step AS (
                SELECT campaign_id, company_id, year, step_id,
                       count(*) AS answer_count,
                       avg(level) AS satisfaction_avg,
                       100.0 * count(*) FILTER (WHERE NOT satisfied) / count(*)
                           AS dissatisfied_share,
                       100.0 * count(*) FILTER (WHERE satisfied AND recommends)
                           / NULLIF(count(*) FILTER (WHERE satisfied), 0)
                           AS recommendation_satisfied,
                       100.0 * count(*) FILTER (WHERE NOT satisfied AND recommends)
                           / NULLIF(count(*) FILTER (WHERE NOT satisfied), 0)
                           AS recommendation_dissatisfied
                  FROM per_client
                 GROUP BY campaign_id, company_id, year, step_id
            )
            SELECT campaign_id * 100000 + step_id AS id,
                   campaign_id, company_id, year, step_id, answer_count,
                   satisfaction_avg, dissatisfied_share,
                   COALESCE(recommendation_satisfied, 0) AS recommendation_satisfied,
                   COALESCE(recommendation_dissatisfied, 0)
                       AS recommendation_dissatisfied,
                   COALESCE(recommendation_satisfied - recommendation_dissatisfied, 0)
                       AS recommendation_gap
              FROM per_step
        """
