# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class PurchaseOrder(models.Model):
    _name = "purchase.order"
    _inherit = ["purchase.order", "contact.order.mixin", "contact.interaction.mixin"]

    def button_confirm(self):
        # an RFQ made for a contact becomes an order of the contact's vendor
        self.filtered(
            lambda order: (
                order.state in ("draft", "sent") and order.partner_id.is_contact
            )
        )._contact_move_to_linked_partner("vendor")
        drafts = self.filtered(lambda order: order.state in ("draft", "sent"))
        drafts._contact_of_other_face("vendor")._contact_move_to_other_face("vendor")
        return super().button_confirm()

    def _contact_write_linked_partner(self, partner, person=None):
        """Set the vendor (or keep ``person``, a person of it), with what the form's
        onchange takes from it (fiscal position, payment terms); the taxes follow a
        new fiscal position."""
        self.ensure_one()
        order = self.with_company(self.company_id)
        vals = {"partner_id": (person or partner).id}
        fiscal_position = (
            self.env["account.fiscal.position"]
            .with_company(self.company_id)
            ._get_fiscal_position(partner)
        )
        if fiscal_position != self.fiscal_position_id:
            vals["fiscal_position_id"] = fiscal_position.id
        payment_term = partner.with_company(
            self.company_id
        ).property_supplier_payment_term_id
        if payment_term:
            vals["payment_term_id"] = payment_term.id
        order.write(vals)
        if "fiscal_position_id" in vals:
            order.order_line.filtered(
                lambda line: not line.display_type
            )._compute_tax_id()

    # ------------------------------------------------------------------ interactions
    def _contact_interaction_event(self):
        self.ensure_one()
        return (
            "purchase_rfq"
            if self.state in ("draft", "sent", "cancel")
            else "purchase_order"
        )

    def _contact_interaction_document_name(self):
        self.ensure_one()
        if self.state in ("draft", "sent", "cancel"):
            return self.env._("Request for Quotation %s", self.name)
        return self.env._("Purchase Order %s", self.name)
