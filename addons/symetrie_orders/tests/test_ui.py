# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestOrdersUi(HttpCase):
    def setUp(self):
        super().setUp()
        # The users are French: the tour reads the French labels.
        self.env.ref("base.user_admin").lang = "fr_FR"

    def test_admin_opens_the_work_orders_app(self):
        self.start_tour("/odoo", "symetrie_orders_open_app", login="admin")
