# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Contact Partner Sync",
    "summary": "Synchronize contacts with customers, vendors and bank accounts "
    "through business relations (Relationship Management)",
    "version": "1.3.0",
    "category": "Sales/CRM",
    "website": "https://github.com/contact-partner-sync/contact_partner_sync",
    "author": "contact_partner_sync contributors",
    "license": "LGPL-3",
    "application": False,
    "installable": True,
    "depends": [
        "base_import",
        "contacts",
        "account",
        "sale_management",
        "purchase",
        "purchase_requisition",
    ],
    "data": [
        "security/ir.model.access.csv",
        "security/contact_partner_sync_security.xml",
        "security/contact_interaction_security.xml",
        "data/business_relation_data.xml",
        "data/contact_interaction_template_data.xml",
        "data/contact_sync_job_data.xml",
        "data/contact_sync_field_data.xml",
        "views/contact_link_wizard_views.xml",
        "views/contact_create_partner_wizard_views.xml",
        "views/contact_create_contacts_wizard_views.xml",
        "views/business_relation_views.xml",
        "views/contact_business_relation_views.xml",
        "views/contact_partner_template_views.xml",
        "views/contact_interaction_template_views.xml",
        "views/contact_interaction_log_views.xml",
        "views/contact_sync_job_views.xml",
        "views/contact_sync_field_views.xml",
        "views/contact_sync_difference_views.xml",
        "views/res_partner_views.xml",
        "views/res_partner_bank_views.xml",
        "views/res_config_settings_views.xml",
        "views/purchase_requisition_views.xml",
        "views/base_partner_merge_views.xml",
        "views/menus.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "contact_partner_sync/static/src/**/*",
        ],
        "web.assets_tests": [
            "contact_partner_sync/static/tests/tours/*.js",
        ],
    },
    "demo": [
        "demo/contact_partner_sync_demo.xml",
    ],
}
