# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from ..models.mq_survey_campaign import CAMPAIGN_ANSWERS

# Satisfaction levels go from 1 (not at all satisfied) to 4 (very satisfied):
# 3 and 4 are satisfied, 1 and 2 dissatisfied.
SATISFIED_FROM = 3
# The 95 % quantile of the normal law, for the Wilson intervals.
Z95 = 1.959964


class MqDriverReport(models.Model):
    """Per campaign and journey step: satisfaction and its link with recommendation.

    The gap is the recommendation rate of the clients satisfied with the step
    minus that of the dissatisfied ones: the larger it is, the more the step
    drives recommendation. Its 95 % interval combines the Wilson score
    intervals of the two rates (Newcombe's method, computed in SQL). A step
    with fewer respondents on either side than the company's minimum shows
    "not enough answers": no gap, and it is ranked after the others.

    A closed campaign's rows are those frozen at its closing
    (``closed_drivers``): late answers, a new minimum or a question moved to
    another step never rewrite them, and reading them costs the same whatever
    the number of answers.
    """

    _name = "mq.driver.report"
    _description = "Satisfaction Drivers Analysis"
    _auto = False
    _order = "campaign_id, sample_status, recommendation_gap desc, dissatisfied_share desc"

    campaign_id = fields.Many2one("mq.survey.campaign", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    year = fields.Integer(readonly=True, aggregator=None)
    step_id = fields.Many2one("mq.journey.step", string="Journey Step", readonly=True)
    answer_count = fields.Integer(string="Answers", readonly=True)
    satisfied_count = fields.Integer(string="Satisfied", readonly=True)
    dissatisfied_count = fields.Integer(string="Dissatisfied", readonly=True)
    min_answers = fields.Integer(string="Minimum per Side", readonly=True, aggregator=None)
    sample_status = fields.Selection(
        [("enough", "Ranked"), ("not_enough", "Not enough answers")],
        string="Sample",
        readonly=True,
    )
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
    gap_low = fields.Float(string="Gap, 95% Low", readonly=True, aggregator=None)
    gap_high = fields.Float(string="Gap, 95% High", readonly=True, aggregator=None)

    @property
    def _table_query(self):
        return f"""
            -- Only the campaigns not frozen: a read by id (which no filter
            -- on the campaign reaches) never aggregates a closed year again.
            WITH answers AS ({CAMPAIGN_ANSWERS} AND c.closed_drivers IS NULL),
            per_client AS (
                -- Each answered client's satisfaction per step, read from the
                -- campaign's answers (a filter on the campaign reaches here:
                -- no aggregate over every answer of every campaign first).
                SELECT c.id AS campaign_id, c.company_id, c.year,
                       q.mq_journey_step_id AS step_id,
                       avg(a.mq_satisfaction) >= {SATISFIED_FROM} AS satisfied,
                       avg(a.mq_satisfaction) AS level, r.recommends
                  FROM answers
                  JOIN mq_survey_campaign c ON c.id = answers.campaign_id
                  JOIN survey_user_input_line l
                    ON l.user_input_id = answers.user_input_id
                  JOIN survey_question q
                    ON q.id = l.question_id AND q.survey_id = c.survey_id
                   AND q.mq_journey_step_id IS NOT NULL
                  JOIN survey_question_answer a
                    ON a.id = l.suggested_answer_id AND a.mq_satisfaction > 0
                  -- The client's recommendation (only clients who answered it).
                  JOIN LATERAL (
                       SELECT bool_or(COALESCE(ra.mq_recommends, FALSE)) AS recommends,
                              count(*) AS lines
                         FROM survey_user_input_line rl
                         JOIN survey_question rq
                           ON rq.id = rl.question_id AND rq.mq_is_recommendation
                         JOIN survey_question_answer ra ON ra.id = rl.suggested_answer_id
                        WHERE rl.user_input_id = answers.user_input_id
                  ) r ON r.lines > 0
                 WHERE answers.answered
                 GROUP BY c.id, c.company_id, c.year, q.mq_journey_step_id,
                          answers.user_input_id, r.recommends
            ), per_step AS (
                SELECT campaign_id, company_id, year, step_id,
                       count(*) AS answer_count,
                       count(*) FILTER (WHERE satisfied) AS n1,
                       count(*) FILTER (WHERE NOT satisfied) AS n2,
                       count(*) FILTER (WHERE satisfied AND recommends) AS x1,
                       count(*) FILTER (WHERE NOT satisfied AND recommends) AS x2,
                       avg(level) AS satisfaction_avg
                  FROM per_client
                 GROUP BY campaign_id, company_id, year, step_id
            ), rates AS (
                SELECT per_step.*,
                       x1::float / NULLIF(n1, 0) AS p1,
                       x2::float / NULLIF(n2, 0) AS p2,
                       NULLIF(n1, 0)::float AS m1,
                       NULLIF(n2, 0)::float AS m2,
                       COALESCE(rc.mq_driver_min_answers, 1) AS min_answers
                  FROM per_step
                  JOIN res_company rc ON rc.id = per_step.company_id
            ), wilson AS (
                -- Wilson score interval of each rate: centre +- half width.
                SELECT rates.*,
                       (p1 + {Z95}^2 / (2 * m1)) / (1 + {Z95}^2 / m1) AS c1,
                       {Z95} * sqrt(p1 * (1 - p1) / m1 + {Z95}^2 / (4 * m1 * m1))
                           / (1 + {Z95}^2 / m1) AS h1,
                       (p2 + {Z95}^2 / (2 * m2)) / (1 + {Z95}^2 / m2) AS c2,
                       {Z95} * sqrt(p2 * (1 - p2) / m2 + {Z95}^2 / (4 * m2 * m2))
                           / (1 + {Z95}^2 / m2) AS h2
                  FROM rates
            )
            SELECT campaign_id * 100000 + step_id AS id,
                   campaign_id, company_id, year, step_id, answer_count,
                   n1 AS satisfied_count, n2 AS dissatisfied_count, min_answers,
                   CASE WHEN n1 >= min_answers AND n2 >= min_answers
                        THEN 'enough' ELSE 'not_enough' END AS sample_status,
                   satisfaction_avg,
                   100.0 * n2 / answer_count AS dissatisfied_share,
                   COALESCE(100.0 * p1, 0) AS recommendation_satisfied,
                   COALESCE(100.0 * p2, 0) AS recommendation_dissatisfied,
                   CASE WHEN n1 >= min_answers AND n2 >= min_answers
                        THEN 100.0 * (p1 - p2) ELSE 0 END AS recommendation_gap,
                   -- Newcombe: the difference's interval from the two Wilson ones.
                   CASE WHEN n1 >= min_answers AND n2 >= min_answers
                        THEN 100.0 * ((p1 - p2) - sqrt(
                            (p1 - (c1 - h1))^2 + ((c2 + h2) - p2)^2))
                        ELSE 0 END AS gap_low,
                   CASE WHEN n1 >= min_answers AND n2 >= min_answers
                        THEN 100.0 * ((p1 - p2) + sqrt(
                            ((c1 + h1) - p1)^2 + (p2 - (c2 - h2))^2))
                        ELSE 0 END AS gap_high
              FROM wilson
             UNION ALL
            SELECT c.id * 100000 + d.step_id AS id,
                   c.id AS campaign_id, c.company_id, c.year, d.step_id, d.answer_count,
                   d.satisfied_count, d.dissatisfied_count, d.min_answers,
                   d.sample_status, d.satisfaction_avg, d.dissatisfied_share,
                   d.recommendation_satisfied, d.recommendation_dissatisfied,
                   d.recommendation_gap, d.gap_low, d.gap_high
              FROM mq_survey_campaign c
             CROSS JOIN LATERAL jsonb_to_recordset(c.closed_drivers -> 'steps') AS d(
                   step_id integer, answer_count bigint, satisfied_count bigint,
                   dissatisfied_count bigint, min_answers integer, sample_status text,
                   satisfaction_avg numeric, dissatisfied_share numeric,
                   recommendation_satisfied double precision,
                   recommendation_dissatisfied double precision,
                   recommendation_gap double precision, gap_low double precision,
                   gap_high double precision)
             WHERE c.closed_drivers IS NOT NULL
        """
