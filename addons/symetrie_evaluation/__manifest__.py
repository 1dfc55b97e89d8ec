# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Symétrie Evaluation",
    "summary": "Symmetric scorecards on the 11 axes of the symétrie des attentions",
    "version": "18.0.1.1.0",
    "category": "Inventory/Purchase",
    "website": "https://github.com/symetrie-odoo/symetrie",
    "author": "Symétrie",
    "maintainers": ["symetrie"],
    "license": "LGPL-3",
    "application": False,
    "installable": True,
    "depends": ["symetrie_orders", "rating"],
    "data": [
        "security/symetrie_evaluation_security.xml",
        "security/ir.model.access.csv",
        "data/symetrie_evaluation_axis_data.xml",
        "data/symetrie_landlord_department_data.xml",
        "data/ir_cron_data.xml",
        "views/symetrie_evaluation_axis_views.xml",
        "views/symetrie_landlord_department_views.xml",
        "views/symetrie_evaluation_views.xml",
        "views/symetrie_scorecard_views.xml",
        "views/symetrie_incentive_views.xml",
        "views/res_config_settings_views.xml",
        "views/symetrie_evaluation_menus.xml",
    ],
    "demo": [
        "demo/res_users_demo.xml",
        "demo/symetrie_evaluation_demo.xml",
    ],
}
