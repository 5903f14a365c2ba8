# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import Form

from .common import ContactSyncCase


class ContactDocumentsCase(ContactSyncCase):
    """Contacts, a product, and the documents a user makes for them in the forms."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # documents post messages and follow their partners as in real use
        cls.env = cls.env(
            context={
                k: v for k, v in cls.env.context.items() if k != "tracking_disable"
            }
        )
        cls.company = cls.env.company
        cls.Partner = cls.env["res.partner"]
        cls.Log = cls.env["contact.interaction.log"]
        cls.env.user.partner_id.email = "sales.manager@yourcompany.example"
        cls.product = cls.env["product.product"].create(
            {
                "name": "Ergonomic Chair",
                "type": "consu",
                "list_price": 120.0,
                "standard_price": 70.0,
            }
        )
        cls.contact = cls.make_contact(
            "Prospect Oy", email="office@prospect.example", city="Turku"
        )

    def new_quotation(self, partner_action, qty=2):
        """A quotation made from the "New Quotation" action of a contact."""
        action = partner_action.action_contact_new_quotation()
        self.assertEqual(
            (action["res_model"], action["view_mode"]), ("sale.order", "form")
        )
        with Form(
            self.env["sale.order"].with_context(**action["context"])
        ) as order_form:
            with order_form.order_line.new() as line:
                line.product_id = self.product
                line.product_uom_qty = qty
        return order_form.record

    def new_rfq(self, partner_action, qty=3):
        """An RFQ made from the "New Request for Quotation" action of a contact."""
        action = partner_action.action_contact_new_rfq()
        self.assertEqual(
            (action["res_model"], action["view_mode"]), ("purchase.order", "form")
        )
        with Form(
            self.env["purchase.order"].with_context(**action["context"])
        ) as order_form:
            with order_form.order_line.new() as line:
                line.product_id = self.product
                line.product_qty = qty
        return order_form.record

    def sale_order_for(self, partner):
        with Form(self.env["sale.order"]) as order_form:
            order_form.partner_id = partner
            with order_form.order_line.new() as line:
                line.product_id = self.product
        return order_form.record

    def purchase_order_for(self, partner):
        with Form(self.env["purchase.order"]) as order_form:
            order_form.partner_id = partner
            with order_form.order_line.new() as line:
                line.product_id = self.product
        return order_form.record
