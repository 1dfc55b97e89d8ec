# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields
from odoo.tests import TransactionCase, new_test_user


def use_french(env, *modules):
    """Activate French and load the French terms of ``modules``, so a test
    that reads French passes whatever languages the database has."""
    env["res.lang"]._activate_lang("fr_FR")
    env["ir.module.module"]._load_module_terms(list(modules), ["fr_FR"])


class MqLabelCase(TransactionCase):
    """A builder that obtained the label in 2040 (after the demo campaigns), and a campaign survey."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.company.mq_label_date = "2040-03-01"
        cls.label_manager = new_test_user(
            cls.env,
            login="mq_test_manager",
            groups="mq_label.group_mq_label_manager",
        )
        cls.company.mq_label_manager_id = cls.label_manager
        cls.q_recommend = cls.env.ref("mq_label.survey_mq_q_recommend")

    @classmethod
    def _campaign(cls, year, state="running", **vals):
        campaign = cls.env["mq.survey.campaign"].create(
            {
                "name": f"Survey {year}",
                "year": year,
                "date_start": f"{year - 1}-07-01",
                "date_end": f"{year}-06-30",
                "date_close": f"{year + 1}-12-31",
                **vals,
            }
        )
        campaign.action_create_survey()
        campaign.state = state
        return campaign

    @classmethod
    def _question(cls, survey, template_xmlid):
        """The campaign survey's copy of a template question."""
        title = cls.env.ref(template_xmlid).title
        return survey.question_ids.filtered(lambda q: q.title == title)

    @classmethod
    def _client(cls, campaign, handover=None):
        """A client whose house was handed over in the campaign's period."""
        client = cls.env["res.partner"].create({"name": "Client"})
        cls.env["project.project"].create(
            {
                "name": "Maison",
                "partner_id": client.id,
                "mq_handover_date": handover or campaign.date_start,
            }
        )
        return client

    @classmethod
    def _answer(
        cls,
        campaign,
        recommends=None,
        satisfaction=None,
        done=True,
        client=None,
        end=None,
        **values,
    ):
        """One client's answer: recommends (bool), satisfaction {step code: 1-4}.

        By default a new client handed over in the period, answering now.
        """
        survey = campaign.survey_id
        user_input = cls.env["survey.user_input"].create(
            {
                "survey_id": survey.id,
                "partner_id": (client or cls._client(campaign)).id,
                "state": "done" if done else "new",
                "end_datetime": (end or fields.Datetime.now()) if done else False,
                **values,
            }
        )
        lines = []
        if recommends is not None:
            question = survey.question_ids.filtered("mq_is_recommendation")
            answer = question.suggested_answer_ids.filtered(
                lambda a: a.mq_recommends == recommends
            )
            lines.append((question, answer))
        for code, level in (satisfaction or {}).items():
            question = survey.question_ids.filtered(
                lambda q, c=code: q.mq_journey_step_id.code == c
            )
            answer = question.suggested_answer_ids.filtered(
                lambda a, lv=level: a.mq_satisfaction == lv
            )
            lines.append((question, answer))
        cls.env["survey.user_input.line"].create(
            [
                {
                    "user_input_id": user_input.id,
                    "question_id": question.id,
                    "answer_type": "suggestion",
                    "suggested_answer_id": answer.id,
                }
                for question, answer in lines
            ]
        )
        return user_input
