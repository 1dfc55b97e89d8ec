# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from html import unescape

from odoo.tests import tagged

from .common import PortalCase


@tagged("post_install", "-at_install")
class TestWorkOrderList(PortalCase):
    """Each line of the contractor's list: step, urgency, trade and deadline,
    as Odoo's field widgets show them, in the user's language and time zone."""

    def test_lines_in_the_users_language_and_time_zone(self):
        order = self.order_a.sudo()
        order.write({"symetrie_urgency": "emergency", "symetrie_deadline": "2030-01-15 08:00:00"})
        french = self.env(context={"lang": "fr_FR"})["purchase.order"]
        steps = dict(french._fields["symetrie_step"]._description_selection(french.env))
        urgencies = dict(french._fields["symetrie_urgency"]._description_selection(french.env))
        trade = order.symetrie_trade_id.with_context(lang="fr_FR").display_name
        self._as(self.portal_a)
        html = unescape(self.url_open("/my/work-orders?filterby=all").text)
        line = html[html.index(order.name):]
        line = line[: line.index("</a>")]
        self.assertIn(steps["sent"], line)
        self.assertIn(urgencies["emergency"], line)
        self.assertIn(trade, line)
        # 08:00 UTC in winter is 09:00 in Paris, in the French date format.
        self.assertIn("15/01/2030 09:00", line)
        self.assertNotIn(self.order_b.name, html, "another contractor's order")
