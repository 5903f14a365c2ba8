# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from .const import LINK_TO_SELECTION, RANK_FIELDS


class ContactCreateContactsWizard(models.TransientModel):
    """Create the contacts of selected customers, vendors or bank accounts."""

    _name = "contact.create.contacts.wizard"
    _description = "Create Contacts from Customers / Vendors / Bank Accounts"

    link_to = fields.Selection(
        LINK_TO_SELECTION, string="Create contacts of", required=True
    )
    partner_ids = fields.Many2many("res.partner", string="Customers / Vendors")
    bank_account_ids = fields.Many2many("res.partner.bank", string="Bank Accounts")

    @api.model
    def default_get(self, fields_list):
        res = super().default_get(fields_list)
        context = self.env.context
        active_ids = context.get("active_ids") or []
        if context.get("active_model") == "res.partner.bank":
            res.update(
                link_to="bank_account",
                bank_account_ids=[fields.Command.set(active_ids)],
            )
        elif context.get("active_model") == "res.partner":
            link_to = (
                "vendor"
                if context.get("res_partner_search_mode") == "supplier"
                else "customer"
            )
            res.update(
                link_to=res.get("link_to") or link_to,
                partner_ids=[fields.Command.set(active_ids)],
            )
        return res

    def _records(self):
        """The selected records, or all the records of that kind without contact."""
        if self.link_to == "bank_account":
            return self.bank_account_ids or self.env["res.partner.bank"].search(
                [("bank_id", "!=", False), ("contact_id", "=", False)]
            )
        return self.partner_ids or self.env["res.partner"].search(
            [
                (RANK_FIELDS[self.link_to], ">", 0),
                ("is_contact", "=", False),
                ("parent_id", "=", False),
            ]
        )

    def action_create_contacts(self):
        self.ensure_one()
        records = self._records()
        if self.link_to == "bank_account":
            contacts = records.create_contacts()
        else:
            contacts = records.create_contacts(link_to=self.link_to)
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Created Contacts"),
            "res_model": "res.partner",
            "view_mode": "list,form",
            "domain": [("id", "in", contacts.ids)],
            "target": "current",
        }
