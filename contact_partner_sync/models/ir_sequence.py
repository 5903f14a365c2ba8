# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

from .res_company import SEQUENCE_CODE


class IrSequence(models.Model):
    _inherit = "ir.sequence"

    @api.depends("code")
    def _compute_display_name(self):
        """The Contact Nos. in the user's language (a sequence's stored name is in
        the language of the installation)."""
        super()._compute_display_name()
        for sequence in self:
            if sequence.code == SEQUENCE_CODE and not sequence.company_id:
                sequence.display_name = self.env._("Contact Nos.")
