# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import Command, api, models

from .symetrie_scorecard_kpi import FIGURES


class SymetrieScorecardScore(models.AbstractModel):
    """How a scorecard's figures join into a score and a band.

    Each figure is out of 100 and keeps its sample size; a figure under the
    company's minimum sample is left out, and a scorecard with fewer orders
    than the minimum gets no score and no band (see the readme, USAGE).
    """

    _name = "symetrie.scorecard.score"
    _description = "Scorecard Score Computation"

    # ------------------------------------------------------------------
    # Scores
    # ------------------------------------------------------------------
    @api.model
    def _symetrie_rate(self, part, whole):
        return 100.0 * part / whole if whole else 0.0

    @api.model
    def _symetrie_weighted_axes(self, rows, axes):
        """Weighted average of the axes (1 to 5); None when every weight is 0."""
        total = weight_sum = 0.0
        for row in rows:
            weight = axes[row["axis_id"]].weight
            total += weight * row["average"]
            weight_sum += weight
        return total / weight_sum if weight_sum else None

    @api.model
    def _symetrie_score(self, figures):
        """Weighted score out of 100 of the figures with enough data, or None."""
        total = weight_sum = 0.0
        for figure in figures:
            if not figure["enough_data"] or not figure["weight"]:
                continue
            total += figure["weight"] * figure["value"]
            weight_sum += figure["weight"]
        return total / weight_sum if weight_sum else None

    @api.model
    def _symetrie_card_values(
        self,
        company,
        role,
        kpis,
        tenant,
        axis_rows,
        axes,
        payment=None,
        billed=0.0,
        visits=None,
    ):
        """The values of one scorecard, from the aggregates of the period.

        Each figure is out of 100 and keeps its sample size, the minimum and
        the weight used; a figure under the minimum is left out of the score.
        """
        minimum = company.symetrie_min_sample
        axes_score = self._symetrie_weighted_axes(axis_rows, axes) if axis_rows else None
        evaluation_count = max((r["evaluation_count"] for r in axis_rows), default=0)
        values = {
            "axes_score": axes_score or 0.0,
            "evaluation_count": evaluation_count,
            "min_sample": minimum,
            "axis_line_ids": [
                Command.create(
                    {
                        "axis_id": row["axis_id"],
                        "average": row["average"],
                        "score_count": row["score_count"],
                    }
                )
                for row in axis_rows
            ],
        }
        k = kpis or defaultdict(int)
        rate = self._symetrie_rate
        values.update(
            {
                "order_count": k["order_count"],
                "due_count": k["due_count"],
                "done_count": k["done_count"],
                "on_time_rate": rate(k["on_time_count"], k["due_count"]),
                "accept_hours": k["accept_hours"] or 0.0,
                "accepted_in_time_rate": rate(
                    k["accepted_in_time_count"], k["accept_due_count"]
                ),
                "transparency_rate": rate(k["transparent_count"], k["done_count"]),
                "rework_rate": rate(k["rework_count"], k["done_count"]),
                "completeness_rate": rate(k["complete_count"], k["order_count"]),
                "work_accept_hours": k["work_accept_hours"] or 0.0,
                "work_accepted_in_time_rate": rate(
                    k["work_accepted_in_time_count"], k["work_accept_due_count"]
                ),
                "billed_amount": billed or 0.0,
            }
        )
        # (value out of 100, sample size) of each figure.
        measured = {
            "axes": (
                (axes_score - 1) * 25.0 if axes_score is not None else 0.0,
                evaluation_count if axes_score is not None else 0,
            )
        }
        if role == "contractor":
            average, count = tenant or (0.0, 0)
            values["tenant_satisfaction"] = average or 0.0
            values["tenant_rating_count"] = count
            measured.update(
                {
                    "on_time": (values["on_time_rate"], k["due_count"]),
                    "acceptance": (values["accepted_in_time_rate"], k["accept_due_count"]),
                    "transparency": (values["transparency_rate"], k["done_count"]),
                    "rework": (100.0 - values["rework_rate"], k["done_count"]),
                    "tenant": ((average - 1) * 25.0 if count else 0.0, count),
                }
            )
            # A visit the tenant missed is neither kept nor missed by the
            # contractor: it leaves the sample.
            v = visits or defaultdict(int)
            expected = max(v["visit_count"] - v["tenant_absent_count"], 0)
            kept = max(expected - v["no_show_count"], 0)
            values.update(
                {
                    "visit_count": v["visit_count"],
                    "no_show_count": v["no_show_count"],
                    "tenant_absent_count": v["tenant_absent_count"],
                }
            )
            measured["visits"] = (rate(kept, expected), expected)
        else:
            payment = payment or {}
            bills_due = payment.get("bills_due", 0)
            on_time_share = rate(payment.get("bills_on_time", 0), bills_due)
            values.update(
                {
                    "bills_due_count": bills_due,
                    "bills_paid_count": payment.get("bills_paid", 0),
                    "days_to_pay": payment.get("avg_days_to_pay", 0.0),
                    "paid_late_rate": 100.0 - on_time_share if bills_due else 0.0,
                    "held_amount": payment.get("total_held", 0.0),
                }
            )
            measured.update(
                {
                    "payment": (on_time_share, bills_due),
                    "completeness": (values["completeness_rate"], k["order_count"]),
                    "work_acceptance": (
                        values["work_accepted_in_time_rate"],
                        k["work_accept_due_count"],
                    ),
                }
            )
        figures = [
            {
                "code": code,
                # Measured on nothing, a figure is 0, never a flattering 100.
                "value": measured[code][0] if measured[code][1] else 0.0,
                "sample_size": measured[code][1],
                "minimum": minimum,
                "weight": company[weight_field],
                "enough_data": measured[code][1] >= minimum,
            }
            for code, figure_role, weight_field in FIGURES
            if figure_role in (role, False)
        ]
        score = self._symetrie_score(figures)
        enough = score is not None and k["order_count"] >= minimum
        values["figure_ids"] = [Command.create(figure) for figure in figures]
        values["enough_data"] = enough
        values["score"] = score if enough else 0.0
        values["band"] = company._symetrie_band(score) if enough else False
        return values
