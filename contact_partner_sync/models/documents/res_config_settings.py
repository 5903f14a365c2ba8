# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

SETTINGS_TEMPLATE_DOMAIN = "[('company_id', 'in', (False, company_id))]"


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    interaction_sale_quotation_template_id = fields.Many2one(
        related="company_id.interaction_sale_quotation_template_id",
        readonly=False,
        domain=SETTINGS_TEMPLATE_DOMAIN,
    )
    interaction_sale_order_template_id = fields.Many2one(
        related="company_id.interaction_sale_order_template_id",
        readonly=False,
        domain=SETTINGS_TEMPLATE_DOMAIN,
    )
    interaction_purchase_rfq_template_id = fields.Many2one(
        related="company_id.interaction_purchase_rfq_template_id",
        readonly=False,
        domain=SETTINGS_TEMPLATE_DOMAIN,
    )
    interaction_purchase_order_template_id = fields.Many2one(
        related="company_id.interaction_purchase_order_template_id",
        readonly=False,
        domain=SETTINGS_TEMPLATE_DOMAIN,
    )
    interaction_purchase_agreement_template_id = fields.Many2one(
        related="company_id.interaction_purchase_agreement_template_id",
        readonly=False,
        domain=SETTINGS_TEMPLATE_DOMAIN,
    )
    interaction_customer_invoice_template_id = fields.Many2one(
        related="company_id.interaction_customer_invoice_template_id",
        readonly=False,
        domain=SETTINGS_TEMPLATE_DOMAIN,
    )
    interaction_email_template_id = fields.Many2one(
        related="company_id.interaction_email_template_id",
        readonly=False,
        domain=SETTINGS_TEMPLATE_DOMAIN,
    )
