# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, tagged

CSV = """Reference,Building,Street,Zip,City,Floor,Door,Access,Tenant
TIL-IMP-1,Résidence Import,3 rue de l'Import,69008,Lyon,1,A,Digicode 1111,Alice Import
TIL-IMP-2,Résidence Import,3 rue de l'Import,69008,Lyon,2,B,Clés chez la gardienne,Bob Import
"""


@tagged("post_install", "-at_install")
class TestHousingImport(TransactionCase):
    def test_dwellings_import_from_csv_with_odoo_standard_import(self):
        Partner = self.env["res.partner"]
        Partner.create([{"name": "Alice Import"}, {"name": "Bob Import"}])
        self.env["symetrie.building"].create({"name": "Résidence Import"})
        wizard = self.env["base_import.import"].create(
            {
                "res_model": "symetrie.dwelling",
                "file": CSV.encode(),
                "file_name": "logements.csv",
                "file_type": "text/csv",
            }
        )
        options = {"has_headers": True, "quoting": '"', "separator": ","}
        result = wizard.execute_import(
            [
                "name",
                "building_id",
                "street",
                "zip",
                "city",
                "floor",
                "door",
                "access_instructions",
                "tenant_id",
            ],
            [],
            options,
        )
        self.assertFalse(result["messages"], result["messages"])
        dwellings = self.env["symetrie.dwelling"].browse(result["ids"])
        self.assertEqual(dwellings.mapped("name"), ["TIL-IMP-1", "TIL-IMP-2"])
        self.assertEqual(dwellings[0].tenant_id.name, "Alice Import")
        self.assertEqual(dwellings[1].access_instructions, "Clés chez la gardienne")
        self.assertEqual(dwellings.building_id.name, "Résidence Import")
