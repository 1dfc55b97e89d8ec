# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, tagged

OUR_ADDONS = {"symetrie_orders", "symetrie_evaluation", "mq_label", "client_portal"}


@tagged("post_install", "-at_install")
class TestCoexistence(TransactionCase):
    def test_no_required_field_of_ours_on_odoo_models(self):
        """A stored required field becomes a NOT NULL column. On Odoo's own
        tables (res_company, purchase_order...), records created while only
        the modules loaded before ours are in the registry (Odoo's at_install
        tests, an upgrade, another module's data) cannot fill it, and their
        insert fails: sale's TestSaleFlow did on res_company."""
        offenders = []
        for model_name, model in self.env.registry.items():
            if model._original_module in OUR_ADDONS or model._abstract or not model._auto:
                continue
            for field in model._fields.values():
                if field._module in OUR_ADDONS and field.store and field.required:
                    offenders.append(f"{model_name}.{field.name}")
        self.assertEqual(offenders, [])
