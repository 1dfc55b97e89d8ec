# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged

from .common import use_french


@tagged("post_install", "-at_install")
class TestLabelUi(HttpCase):
    def setUp(self):
        super().setUp()
        # The users are French: the tour reads the French labels.
        use_french(self.env, "mq_label")
        self.env.ref("base.user_admin").lang = "fr_FR"

    def test_admin_opens_the_label_app(self):
        self.start_tour("/odoo", "mq_label_open_app", login="admin")
