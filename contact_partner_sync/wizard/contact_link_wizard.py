# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError

from ..link_kinds import LINK_KINDS
from ..notifications import notify_then


class ContactLinkWizard(models.TransientModel):
    """Link with Existing: a contact with an existing customer, vendor or bank
    account. Its fields holding the record are named as the link's."""

    _name = "contact.link.wizard"
    _inherit = "contact.wizard.mixin"
    _description = "Link Contact with Existing"

    link_to = fields.Selection(string="Link with")
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer / Vendor",
        domain="[('is_contact', '=', False), ('parent_id', '=', False),"
        " ('user_ids', '=', False), ('ref_company_ids', '=', False),"
        " ('linked_contact_id', 'in', [False, contact_id]),"
        " ('linked_business_relation_ids', 'not any', [('link_to', '=', link_to)])]",
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
        kind = LINK_KINDS[self.link_to]
        record = self[kind.link_field]
        kind_label = self.env["contact.business.relation"]._link_to_label(kind.key)
        if not record:
            raise UserError(
                self.env._(
                    "Choose the %(kind)s to link with the contact %(contact)s.",
                    kind=kind_label,
                    contact=self.contact_id.display_name,
                )
            )
        master = "contact" if self.master == "contact" else kind.key
        getattr(self.contact_id, kind.link_method)(record, master=master)
        return notify_then(
            self.env._(
                "The contact %(contact)s is now linked with the %(kind)s %(record)s.",
                contact=self.contact_id.commercial_partner_id.display_name,
                kind=kind_label.lower(),
                record=record.display_name,
            ),
            {"type": "ir.actions.act_window_close"},
        )
