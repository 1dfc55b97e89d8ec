# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Symétrie Client Portal",
    "summary": "Portal pages for contractors, tenants and builders' clients",
    "version": "18.0.1.2.0",
    "category": "Website",
    "website": "https://github.com/symetrie-odoo/symetrie",
    "author": "Symétrie",
    "maintainers": ["symetrie"],
    "license": "LGPL-3",
    "application": False,
    "installable": True,
    "depends": ["portal", "symetrie_orders", "symetrie_evaluation", "mq_label"],
    "data": [
        "security/client_portal_security.xml",
        "data/res_company_data.xml",
        "views/res_config_settings_views.xml",
        "views/res_partner_views.xml",
        "views/contractor_portal_templates.xml",
        "views/tenant_tracking_templates.xml",
        "views/visit_slots_templates.xml",
        "views/intervention_report_templates.xml",
        "views/landlord_rating_templates.xml",
        "views/evaluation_reply_templates.xml",
        "views/house_portal_templates.xml",
        "views/complaint_portal_templates.xml",
        "views/project_project_views.xml",
        "views/client_portal_menus.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "client_portal/static/tests/tours/*.js",
        ],
    },
    "demo": [
        "demo/res_users_demo.xml",
        "demo/house_portal_demo.xml",
    ],
}
