# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from ..link_kinds import LINK_KINDS


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
    # contact_missing_<link_to>_count: one per link kind
    contact_missing_customer_count = fields.Integer(
        string="Customers without Contact", compute="_compute_contact_missing_counts"
    )
    contact_missing_vendor_count = fields.Integer(
        string="Vendors without Contact", compute="_compute_contact_missing_counts"
    )
    contact_missing_bank_account_count = fields.Integer(
        string="Bank Accounts without Contact",
        compute="_compute_contact_missing_counts",
    )

    @api.depends("company_id")
    def _compute_contact_missing_counts(self):
        Wizard = self.env["contact.create.contacts.wizard"]
        counts = {
            link_to: Wizard._missing_contact_count(link_to) for link_to in LINK_KINDS
        }
        for settings in self:
            for link_to, count in counts.items():
                settings[f"contact_missing_{link_to}_count"] = count
