# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

from ...context_keys import INVOICE_SENDING


class AccountMove(models.Model):
    _name = "account.move"
    _inherit = ["account.move", "contact.interaction.mixin"]
    # customer invoices are logged when sent, not when printed
    _contact_interaction_log_prints = False

    def _message_post_after_hook(self, message, msg_vals):
        res = super()._message_post_after_hook(message, msg_vals)
        if self.env.context.get(INVOICE_SENDING):
            self._contact_interaction_log("email", {self.id: message})
        return res

    # ------------------------------------------------------------------ interactions
    def _contact_interaction_event(self):
        self.ensure_one()
        return "customer_invoice" if self.is_sale_document() else False
