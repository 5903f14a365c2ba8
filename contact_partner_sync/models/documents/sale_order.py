# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class SaleOrder(models.Model):
    _name = "sale.order"
    _inherit = ["sale.order", "contact.order.mixin", "contact.interaction.mixin"]

    def action_confirm(self):
        # a quotation made for a contact becomes an order of the contact's customer
        self.filtered(
            lambda order: (
                order.state in ("draft", "sent") and order.partner_id.is_contact
            )
        )._contact_move_to_linked_partner("customer")
        drafts = self.filtered(lambda order: order.state in ("draft", "sent"))
        drafts._contact_of_other_face("customer")._contact_move_to_other_face(
            "customer"
        )
        return super().action_confirm()

    # ------------------------------------------------------------------ interactions
    def _contact_interaction_event(self):
        self.ensure_one()
        return "sale_order" if self.state == "sale" else "sale_quotation"
