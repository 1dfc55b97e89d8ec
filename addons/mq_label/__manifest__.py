# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Maisons de Qualité Label",
    "summary": "Run the builders' quality label on data: survey, "
    "recommendation rate, complaints and transparent quotes",
    "version": "18.0.1.2.0",
    "category": "Services/Project",
    "website": "https://github.com/symetrie-odoo/symetrie",
    "author": "Symétrie",
    "maintainers": ["symetrie"],
    "license": "LGPL-3",
    "application": True,
    "installable": True,
    "depends": ["project", "survey", "sale_management", "portal"],
    "data": [
        "security/mq_label_security.xml",
        "security/ir.model.access.csv",
        "data/mq_journey_step_data.xml",
        "data/survey_mq_template_data.xml",
        "data/ir_cron_data.xml",
        "data/mq_complaint_category_data.xml",
        "data/mq_annex_cost_category_data.xml",
        "data/mq_commitment_template_data.xml",
        "views/mq_journey_step_views.xml",
        "views/res_config_settings_views.xml",
        "views/project_project_views.xml",
        "views/mq_survey_campaign_views.xml",
        "views/mq_complaint_views.xml",
        "views/sale_order_views.xml",
        "views/mq_commitment_views.xml",
        "report/sale_order_report.xml",
        "report/mq_driver_report_views.xml",
        "report/mq_campaign_report.xml",
        "views/mq_label_menus.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "mq_label/static/tests/tours/*.js",
        ],
    },
    "demo": [
        "demo/res_company_demo.xml",
        "demo/res_users_demo.xml",
        "demo/mq_label_demo.xml",
    ],
}
