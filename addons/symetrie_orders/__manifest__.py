# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Symétrie Work Orders",
    "summary": "Precise work orders to maintenance contractors, tracked step by step",
    "version": "18.0.1.0.0",
    "category": "Inventory/Purchase",
    "website": "https://github.com/symetrie-odoo/symetrie",
    "author": "Symétrie",
    "maintainers": ["symetrie"],
    "license": "LGPL-3",
    "application": True,
    "installable": True,
    "depends": ["purchase", "portal"],
    "data": [
        "security/symetrie_orders_security.xml",
        "security/ir.model.access.csv",
        "data/symetrie_trade_data.xml",
        "views/symetrie_trade_views.xml",
        "views/symetrie_orders_menus.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "symetrie_orders/static/tests/tours/*.js",
        ],
    },
    "demo": [
        "demo/res_lang_demo.xml",
        "demo/res_partner_demo.xml",
        "demo/res_users_demo.xml",
    ],
}
