# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Interaction Template Setup: the template logged for each kind of document event."""

from odoo import api, fields, models

# event -> res.company field holding its interaction template
INTERACTION_EVENT_FIELDS = {
    "sale_quotation": "interaction_sale_quotation_template_id",
    "sale_order": "interaction_sale_order_template_id",
    "purchase_rfq": "interaction_purchase_rfq_template_id",
    "purchase_order": "interaction_purchase_order_template_id",
    "purchase_agreement": "interaction_purchase_agreement_template_id",
    "customer_invoice": "interaction_customer_invoice_template_id",
    "email": "interaction_email_template_id",
}
# event -> installed template (data/contact_interaction_template_data.xml)
INTERACTION_EVENT_TEMPLATES = {
    "sale_quotation": "contact_partner_sync.interaction_template_sales_quote",
    "sale_order": "contact_partner_sync.interaction_template_sales_order",
    "purchase_rfq": "contact_partner_sync.interaction_template_purchase_quote",
    "purchase_order": "contact_partner_sync.interaction_template_purchase_order",
    "purchase_agreement": "contact_partner_sync.interaction_template_purchase_blanket",
    "customer_invoice": "contact_partner_sync.interaction_template_sales_invoice",
    "email": "contact_partner_sync.interaction_template_email",
}
TEMPLATE_DOMAIN = "[('company_id', 'in', (False, id))]"


class ResCompany(models.Model):
    _inherit = "res.company"

    interaction_sale_quotation_template_id = fields.Many2one(
        "contact.interaction.template", string="Sales Quotes", domain=TEMPLATE_DOMAIN
    )
    interaction_sale_order_template_id = fields.Many2one(
        "contact.interaction.template", string="Sales Orders", domain=TEMPLATE_DOMAIN
    )
    interaction_purchase_rfq_template_id = fields.Many2one(
        "contact.interaction.template",
        string="Purchase Quotes (RFQ)",
        domain=TEMPLATE_DOMAIN,
    )
    interaction_purchase_order_template_id = fields.Many2one(
        "contact.interaction.template", string="Purchase Orders", domain=TEMPLATE_DOMAIN
    )
    interaction_purchase_agreement_template_id = fields.Many2one(
        "contact.interaction.template",
        string="Purchase Blanket Orders",
        domain=TEMPLATE_DOMAIN,
    )
    interaction_customer_invoice_template_id = fields.Many2one(
        "contact.interaction.template", string="Sales Invoices", domain=TEMPLATE_DOMAIN
    )
    interaction_email_template_id = fields.Many2one(
        "contact.interaction.template", string="E-mails", domain=TEMPLATE_DOMAIN
    )

    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        companies._contact_interaction_set_templates()
        return companies

    @api.model
    def _contact_interaction_init_templates(self):
        """Give the installed interaction templates to every company (installation)."""
        self.sudo().with_context(active_test=False).search(
            []
        )._contact_interaction_set_templates()

    def _contact_interaction_set_templates(self):
        """Set the installed template of each event on the companies of self where none
        is chosen yet."""
        for event, xmlid in INTERACTION_EVENT_TEMPLATES.items():
            template = self.env.ref(xmlid, raise_if_not_found=False)
            fname = INTERACTION_EVENT_FIELDS[event]
            companies = self.sudo().filtered(lambda c, fname=fname: not c[fname])
            if template and companies:
                companies.write({fname: template.id})
