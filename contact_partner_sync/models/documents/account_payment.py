# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

from ...link_kinds import kind_of_search_mode


class AccountPayment(models.Model):
    _name = "account.payment"
    _inherit = ["account.payment", "contact.order.mixin"]

    def action_post(self):
        # accounting never lands on a contact: a payment of a contact goes to its
        # customer (a vendor payment to its vendor) when it is confirmed, as its
        # invoices and bills do when they are posted
        on_contacts = self.filtered(
            lambda payment: (
                payment.state == "draft"
                and payment.partner_id.commercial_partner_id.is_contact
            )
        )
        for partner_type in set(on_contacts.mapped("partner_type")):
            on_contacts.filtered(
                lambda payment, partner_type=partner_type: (
                    payment.partner_type == partner_type
                )
            )._contact_move_to_linked_partner(kind_of_search_mode(partner_type).key)
        return super().action_post()
