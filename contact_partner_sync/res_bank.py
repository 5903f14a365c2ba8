# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

from .contact_sync import sync_skipped


class ResBank(models.Model):
    """A bank carries the contact data of its accounts: its changes reach the contacts
    of all its linked accounts."""

    _inherit = "res.bank"

    def write(self, vals):
        res = super().write(vals)
        bank_fnames = set(
            self.env["res.partner"]._contact_sync_field_map("bank_account").values()
        )
        if not sync_skipped(self) and vals.keys() & bank_fnames:
            Sync = self.env["contact.partner.sync"]
            Sync._propagate(
                Sync._bank_contact_values(dict.fromkeys(self.ids, vals.keys()), set()),
                {(bank._name, bank.id) for bank in self},
            )
        return res
