# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    contact_sequence_id = fields.Many2one(
        related="company_id.contact_sequence_id", readonly=False
    )
    customer_business_relation_id = fields.Many2one(
        related="company_id.customer_business_relation_id", readonly=False
    )
    vendor_business_relation_id = fields.Many2one(
        related="company_id.vendor_business_relation_id", readonly=False
    )
    bank_account_business_relation_id = fields.Many2one(
        related="company_id.bank_account_business_relation_id", readonly=False
    )
    # "default_*" names are reserved by res.config.settings (field defaults)
    contact_default_customer_template_id = fields.Many2one(
        related="company_id.default_customer_template_id", readonly=False
    )
    contact_default_vendor_template_id = fields.Many2one(
        related="company_id.default_vendor_template_id", readonly=False
    )
