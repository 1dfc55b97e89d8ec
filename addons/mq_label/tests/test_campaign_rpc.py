# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException


@tagged("post_install", "-at_install")
class TestCampaignRpc(HttpCase):
    """What the closing freezes is written by the closing only.

    The label manager calls Odoo's API as the web client does: a running
    campaign cannot be written "closed" with figures of their choosing,
    and the buttons still work.
    """

    def setUp(self):
        super().setUp()
        self.env.company.mq_label_date = "2040-03-01"
        self.manager = new_test_user(
            self.env,
            login="mq_rpc_manager",
            password="mq_rpc_manager",
            groups="mq_label.group_mq_label_manager",
        )
        self.campaign = self.env["mq.survey.campaign"].create(
            {
                "name": "Survey 2041",
                "year": 2041,
                "date_start": "2040-07-01",
                "date_end": "2041-06-30",
                "date_close": "2042-12-31",
            }
        )
        self.campaign.action_create_survey()
        self.campaign.action_start()
        self.authenticate("mq_rpc_manager", "mq_rpc_manager")

    def _call(self, method, *args):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/mq.survey.campaign/{method}",
            {"model": "mq.survey.campaign", "method": method, "args": list(args), "kwargs": {}},
        )

    def test_label_manager_cannot_forge_a_closing(self):
        forged = (
            {"state": "closed", "closed_on": "2041-12-31 12:00:00"},
            {"closed_recommendation_rate": 100.0, "closed_respondent_count": 40},
            {"closed_drivers": [{"step_id": 1, "recommendation_gap": 90.0}]},
            {"state": "draft"},
        )
        for vals in forged:
            with self.subTest(vals=vals), self.assertRaises(JsonRpcException):
                self._call("write", [self.campaign.id], vals)
        self.campaign.invalidate_recordset()
        self.assertEqual(self.campaign.state, "running")
        self.assertFalse(self.campaign.closed_on)
        self.assertEqual(self.campaign.closed_recommendation_rate, 0.0)
        self.assertFalse(self.campaign.closed_drivers)
        # Editable fields stay editable, and the buttons close the campaign.
        self._call("write", [self.campaign.id], {"name": "Enquête 2041"})
        self._call("action_close", [self.campaign.id])
        self.campaign.invalidate_recordset()
        self.assertEqual((self.campaign.name, self.campaign.state), ("Enquête 2041", "closed"))
        self.assertTrue(self.campaign.closed_on)

    def test_label_manager_cannot_create_a_closed_campaign(self):
        with self.assertRaises(JsonRpcException):
            self._call(
                "create",
                {
                    "name": "Survey 2043",
                    "year": 2043,
                    "date_start": "2042-07-01",
                    "date_end": "2043-06-30",
                    "date_close": "2044-12-31",
                    "state": "closed",
                    "closed_on": "2044-12-31 12:00:00",
                    "closed_recommendation_rate": 100.0,
                },
            )
        self.assertFalse(
            self.env["mq.survey.campaign"].search([("year", "=", 2043)])
        )
