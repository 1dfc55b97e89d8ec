# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Symétrie Work Orders",
    "summary": "Precise work orders to maintenance contractors, tracked step by step",
    "version": "18.0.1.2.0",
    "category": "Inventory/Purchase",
    "website": "https://github.com/symetrie-odoo/symetrie",
    "author": "Symétrie",
    "maintainers": ["symetrie"],
    "license": "LGPL-3",
    "application": True,
    "installable": True,
    # l10n_fr_account: a French product; the demo landlord is on the French
    # chart of accounts (Odoo 18 keeps it there, l10n_fr holds the SIRET).
    "depends": ["purchase", "account", "portal", "mail", "l10n_fr_account"],
    "data": [
        "security/symetrie_orders_security.xml",
        "security/ir.model.access.csv",
        "data/symetrie_trade_data.xml",
        "data/product_data.xml",
        "data/mail_activity_type_data.xml",
        "data/mail_template_data.xml",
        "data/mail_template_visit_data.xml",
        "data/ir_cron_data.xml",
        "data/symetrie_ecb_rate_data.xml",
        "data/res_partner_data.xml",
        "views/symetrie_trade_views.xml",
        "views/symetrie_building_views.xml",
        "views/symetrie_dwelling_views.xml",
        "views/purchase_order_views.xml",
        "views/account_move_views.xml",
        "views/res_config_settings_views.xml",
        "views/res_config_settings_visit_views.xml",
        "wizards/symetrie_order_step_wizard_views.xml",
        "wizards/symetrie_bill_hold_wizard_views.xml",
        "views/symetrie_orders_menus.xml",
        "report/symetrie_order_reports.xml",
        "views/symetrie_extra_work_views.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "symetrie_orders/static/tests/tours/*.js",
        ],
    },
    "demo": [
        "demo/res_lang_demo.xml",
        "demo/res_company_demo.xml",
        "demo/res_partner_demo.xml",
        "demo/res_users_demo.xml",
        "demo/symetrie_housing_demo.xml",
        "demo/purchase_order_demo.xml",
    ],
}
