# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from .res_partner_link import TEMPLATE_FIELDS


class ContactCreatePartnerWizard(models.TransientModel):
    """Create the customer, vendor or bank account of a contact."""

    _name = "contact.create.partner.wizard"
    _inherit = "contact.wizard.mixin"
    _description = "Create Customer / Vendor / Bank Account from Contact"

    link_to = fields.Selection(string="Create")
    template_id = fields.Many2one(
        "contact.partner.template",
        compute="_compute_template_id",
        store=True,
        readonly=False,
        domain="[('link_to', '=', link_to)]",
    )
    acc_number = fields.Char(string="Account Number")
    bic = fields.Char(
        string="Bank Identifier Code", help="An existing bank of this BIC is reused."
    )

    @api.depends("contact_id", "link_to")
    def _compute_template_id(self):
        for wizard in self:
            company = wizard.contact_id.company_id or self.env.company
            fname = TEMPLATE_FIELDS.get(wizard.link_to)
            wizard.template_id = company[fname] if fname else False

    def action_create(self):
        self.ensure_one()
        contact = self.contact_id
        if self.link_to == "bank_account":
            record = contact.create_bank_account(self.acc_number, bic=self.bic)
        elif self.link_to == "customer":
            record = contact.create_customer(template=self.template_id or None)
        else:
            record = contact.create_vendor(template=self.template_id or None)
        return {
            "type": "ir.actions.act_window",
            "res_model": record._name,
            "res_id": record.id,
            "view_mode": "form",
            "target": "current",
        }
