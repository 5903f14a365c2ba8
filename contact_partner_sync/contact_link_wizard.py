# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError


class ContactLinkWizard(models.TransientModel):
    """Link a contact with an existing customer, vendor or bank account."""

    _name = "contact.link.wizard"
    _inherit = "contact.wizard.mixin"
    _description = "Link Contact with Existing"

    link_to = fields.Selection(string="Link with")
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer / Vendor",
        domain="[('is_contact', '=', False), ('parent_id', '=', False),"
        " ('linked_contact_id', 'in', [False, contact_id])]",
    )
    bank_account_id = fields.Many2one(
        "res.partner.bank",
        domain="[('contact_id', '=', False), ('bank_id', '!=', False)]",
    )
    master = fields.Selection(
        [("contact", "Contact"), ("linked", "Customer / Vendor / Bank Account")],
        string="Keep the data of",
        required=True,
        default="contact",
        help="Whose synchronized fields (name, address, phone...) win when linking.",
    )

    def action_link(self):
        self.ensure_one()
        record = (
            self.bank_account_id if self.link_to == "bank_account" else self.partner_id
        )
        if not record:
            raise UserError(
                self.env._(
                    "Choose the %(kind)s to link with the contact %(contact)s.",
                    kind=self.env["contact.business.relation"]._link_to_label(
                        self.link_to
                    ),
                    contact=self.contact_id.display_name,
                )
            )
        master = "contact" if self.master == "contact" else self.link_to
        method = {
            "customer": self.contact_id.link_customer,
            "vendor": self.contact_id.link_vendor,
            "bank_account": self.contact_id.link_bank_account,
        }[self.link_to]
        method(record, master=master)
        return {"type": "ir.actions.act_window_close"}
