# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

from ...context_keys import INVOICE_SENDING


class AccountMove(models.Model):
    _name = "account.move"
    _inherit = ["account.move", "contact.order.mixin", "contact.interaction.mixin"]
    # customer invoices are logged when sent, not when printed
    _contact_interaction_log_prints = False

    def _post(self, soft=True):
        # accounting never lands on a contact: an invoice or credit note (bill or
        # refund) of a contact goes to its customer (vendor) when it is posted
        on_contacts = self.filtered(
            lambda move: move.state == "draft" and move.commercial_partner_id.is_contact
        )
        on_contacts.filtered(
            lambda move: move.is_sale_document(include_receipts=True)
        )._contact_move_to_linked_partner("customer")
        on_contacts.filtered(
            lambda move: move.is_purchase_document(include_receipts=True)
        )._contact_move_to_linked_partner("vendor")
        # a person living under the pair's other face: to the face of this kind
        drafts = self.filtered(lambda move: move.state == "draft")
        drafts.filtered(
            lambda move: move.is_sale_document(include_receipts=True)
        )._contact_of_other_face("customer")._contact_move_to_other_face("customer")
        drafts.filtered(
            lambda move: move.is_purchase_document(include_receipts=True)
        )._contact_of_other_face("vendor")._contact_move_to_other_face("vendor")
        return super()._post(soft=soft)

    def _message_post_after_hook(self, message, msg_vals):
        res = super()._message_post_after_hook(message, msg_vals)
        if self.env.context.get(INVOICE_SENDING):
            self._contact_interaction_log("email", {self.id: message})
        return res

    # ------------------------------------------------------------------ interactions
    def _contact_interaction_event(self):
        self.ensure_one()
        return "customer_invoice" if self.is_sale_document() else False
