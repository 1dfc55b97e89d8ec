# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
from datetime import date, timedelta

from odoo.tests import tagged

from .common_house import PNG, HouseCase

_logger = logging.getLogger(__name__)


@tagged("post_install", "-at_install")
class TestHousePageQueries(HouseCase):
    """The house page costs the same SQL queries however long the house's
    history: more milestones, news, commitments and complaints add none."""

    def _page_queries(self):
        self.env.flush_all()
        self.env.invalidate_all()
        url = f"/my/house/{self.house_a.id}"
        self.url_open(url)  # warm the routing map and the template cache
        before = self.cr.sql_log_count
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        return self.cr.sql_log_count - before

    def _grow_history(self, size):
        Milestone = self.env["project.milestone"]
        for index in range(size):
            Milestone.create(
                {
                    "project_id": self.house_a.id,
                    "name": f"Étape {index}",
                    "deadline": date.today() + timedelta(days=index),
                    "is_reached": index % 2 == 0,
                }
            )
            self._post_update(self.house_a, f"Nouvelle {index}", f"photo{index}.png", PNG)
            self.env["mq.commitment"].create(
                {"project_id": self.house_a.id, "name": f"Engagement {index}", "party": "builder"}
            )
            self._complaint(self.client_a, self.house_a, f"Réclamation {index}")
            self._attachment(self.house_a, f"Document {index}.pdf", b"%PDF-1.4")
        self.house_a.client_portal_document_ids = self.env["ir.attachment"].search(
            [("res_model", "=", "project.project"), ("res_id", "=", self.house_a.id),
             ("name", "like", "Document %")]
        )

    def test_house_page_queries_do_not_grow_with_history(self):
        self._as(self.portal_a)
        small = self._page_queries()
        self._grow_history(20)
        large = self._page_queries()
        _logger.info("house page: %s queries (short history), %s (20 of each)", small, large)
        self.assertGreater(small, 0, "the requests' queries are counted")
        self.assertEqual(large, small, f"{small} queries with a short history, {large} with a long one")
