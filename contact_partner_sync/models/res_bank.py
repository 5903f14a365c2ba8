# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

from ..context_keys import sync_skipped


class ResBank(models.Model):
    """A bank carries the contact data of its accounts: its changes reach the contacts
    of all its linked accounts."""

    _inherit = "res.bank"

    def write(self, vals):
        res = super().write(vals)
        if not sync_skipped(self):
            Sync = self.env["contact.partner.sync"]
            sync_fields = Sync._sync_fields()
            fnames = vals.keys() & sync_fields.data_fnames.get(self._name, ())
            if fnames:
                Sync._synchronize(self, fnames, sync_fields)
        return res
