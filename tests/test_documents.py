# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common_documents import ContactDocumentsCase


@tagged("post_install", "-at_install")
class TestContactDocuments(ContactDocumentsCase):
    """Quotations and RFQs made from contacts, and their confirmation."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.term_30 = cls.env.ref("account.account_payment_term_30days")
        cls.term_15 = cls.env.ref("account.account_payment_term_15days")
        Template = cls.env["contact.partner.template"]
        cls.customer_template = Template.create(
            {
                "name": "Domestic Customers",
                "link_to": "customer",
                "property_payment_term_id": cls.term_30.id,
            }
        )
        cls.vendor_template = Template.create(
            {
                "name": "Domestic Vendors",
                "link_to": "vendor",
                "property_supplier_payment_term_id": cls.term_15.id,
            }
        )
        cls.company.write(
            {
                "default_customer_template_id": cls.customer_template.id,
                "default_vendor_template_id": cls.vendor_template.id,
            }
        )
        cls.person = cls.Partner.create(
            {
                "name": "Anna Virtanen",
                "parent_id": cls.contact.id,
                "email": "anna@prospect.example",
            }
        )

    def last_note(self, order):
        """The note about the contact's customer / vendor posted on confirmation."""
        return order.message_ids.filtered(
            lambda m: (
                m.subtype_id == self.env.ref("mail.mt_note")
                and "the contact" in (m.body or "")
            )
        )[:1]

    # ------------------------------------------------------------------ sales
    def test_quotation_for_contact_without_customer(self):
        order = self.new_quotation(self.contact)
        self.assertEqual(order.partner_id, self.contact)
        self.assertEqual(order.state, "draft")
        self.assertFalse(self.contact.business_relation_ids)

        order.action_confirm()

        customer = order.partner_id
        self.assertEqual(order.state, "sale")
        self.assertNotEqual(customer, self.contact)
        self.assertFalse(customer.is_contact)
        self.assertEqual(
            (customer.name, customer.city, customer.email),
            ("Prospect Oy", "Turku", "office@prospect.example"),
        )
        self.assertTrue(customer.customer_rank)
        self.assertTrue(customer.is_company)
        self.assertEqual(customer.linked_contact_id, self.contact)
        self.assertEqual(self.contact.contact_business_relation, "customer")
        # the default customer template gave the invoicing details, the order too
        self.assertEqual(customer.property_payment_term_id, self.term_30)
        self.assertEqual(order.payment_term_id, self.term_30)
        self.assertEqual(order.partner_invoice_id, customer)
        note = self.last_note(order)
        self.assertIn("Prospect Oy", note.body)
        self.assertIn("Domestic Customers", note.body)
        self.assertIn("created from the contact", note.body)

    def test_quotation_for_linked_contact_goes_to_customer(self):
        customer = self.make_customer("Prospect Oy (customer)")
        self.contact.link_customer(customer)
        order = self.new_quotation(self.contact)
        self.assertEqual(order.partner_id, customer)
        partners = self.Partner.search_count([])
        order.action_confirm()
        self.assertEqual(order.partner_id, customer)
        self.assertEqual(self.Partner.search_count([]), partners)
        self.assertFalse(self.last_note(order))

    def test_quotation_moved_to_customer_linked_meanwhile(self):
        order = self.new_quotation(self.contact)
        customer = self.make_customer("Existing Customer Oy")
        self.contact.link_customer(customer)
        order.action_confirm()
        self.assertEqual(order.partner_id, customer)
        # the existing customer keeps its own invoicing details: no template applied
        self.assertFalse(customer.property_payment_term_id)
        note = self.last_note(order)
        self.assertIn("Moved from the contact", note.body)
        self.assertNotIn("Domestic Customers", note.body)

    def test_person_contact_quotation_uses_company_customer(self):
        self.assertTrue(self.person.is_contact)
        order = self.new_quotation(self.person)
        self.assertEqual(order.partner_id, self.person)
        order.action_confirm()
        customer = self.contact.contact_customer_id
        self.assertEqual((customer.name, customer.is_company), ("Prospect Oy", True))
        # the order stays the person's, its accounting is the company's customer's
        self.assertEqual(order.partner_id, self.person)
        self.assertEqual(self.person.parent_id, customer)
        self.assertEqual(order.partner_invoice_id.commercial_partner_id, customer)
        self.assertEqual(order.payment_term_id, self.term_30, "the customer's terms")
        # the next quotation of the person is the customer's at once
        second = self.sale_order_for(self.person)
        self.assertEqual(second.partner_id, self.person)
        second.action_confirm()
        self.assertEqual(second.partner_id, self.person)

    def test_two_quotations_of_one_contact_confirmed_together(self):
        orders = self.new_quotation(self.contact) | self.new_quotation(
            self.person, qty=5
        )
        orders.action_confirm()
        customer = self.contact.contact_customer_id
        self.assertEqual(orders.partner_id, customer | self.person)
        self.assertEqual(orders.partner_id.commercial_partner_id, customer)
        self.assertEqual(len(self.contact.business_relation_ids), 1)

    def test_confirm_without_customer_code(self):
        order = self.new_quotation(self.contact)
        self.set_codes(self.company, customer=False)
        with self.assertRaisesRegex(
            UserError,
            f"{order.name} cannot be confirmed for the contact Prospect Oy: "
            "No business relation code .* Relationship Management",
        ):
            order.action_confirm()
        self.assertEqual((order.partner_id, order.state), (self.contact, "draft"))

    def test_new_quotation_only_from_contact(self):
        customer = self.make_customer("Plain Customer")
        with self.assertRaisesRegex(UserError, "Plain Customer is not a contact"):
            customer.action_contact_new_quotation()

    # ------------------------------------------------------------------ purchases
    def test_rfq_for_contact_without_vendor(self):
        order = self.new_rfq(self.contact)
        self.assertEqual(order.partner_id, self.contact)
        order.button_confirm()
        vendor = order.partner_id
        self.assertEqual(order.state, "purchase")
        self.assertNotEqual(vendor, self.contact)
        self.assertTrue(vendor.supplier_rank)
        self.assertEqual(vendor.linked_contact_id, self.contact)
        self.assertEqual(vendor.property_supplier_payment_term_id, self.term_15)
        self.assertEqual(order.payment_term_id, self.term_15)
        note = self.last_note(order)
        self.assertIn("Domestic Vendors", note.body)
        self.assertIn("vendor", note.body)

    def test_rfq_for_linked_contact_goes_to_vendor(self):
        vendor = self.make_vendor("Prospect Oy (vendor)")
        self.contact.link_vendor(vendor)
        self.assertEqual(self.person.parent_id, vendor, "its persons go under it")
        self.assertEqual(self.new_rfq(self.contact).partner_id, vendor)
        order = self.purchase_order_for(self.person)
        order.button_confirm()
        self.assertEqual(order.partner_id, self.person)
        self.assertEqual(order.partner_id.commercial_partner_id, vendor)

    def test_customer_then_vendor_is_one_partner(self):
        sale = self.new_quotation(self.contact)
        sale.action_confirm()
        purchase = self.new_rfq(self.contact)
        purchase.button_confirm()
        self.assertEqual(purchase.partner_id, sale.partner_id)
        self.assertEqual(self.contact.contact_business_relation, "multiple")

    # ------------------------------------------------------------------ smart buttons
    def test_smart_buttons(self):
        quotation = self.new_quotation(self.contact)
        person_quotation = self.new_quotation(self.person)
        rfq = self.new_rfq(self.contact)
        quotation.action_confirm()  # moved to the new customer
        customer = quotation.partner_id
        customer_order = self.sale_order_for(customer)
        other = self.sale_order_for(self.make_customer("Somebody Else"))
        self.env.invalidate_all()
        self.assertEqual(self.contact.contact_sale_order_count, 3)
        self.assertEqual(self.contact.contact_purchase_order_count, 1)
        action = self.contact.action_view_contact_sale_orders()
        orders = self.env["sale.order"].search(action["domain"])
        self.assertEqual(orders, quotation | person_quotation | customer_order)
        self.assertNotIn(other, orders)
        self.assertEqual(action["context"]["default_partner_id"], customer.id)
        action = self.contact.action_view_contact_purchase_orders()
        self.assertEqual(self.env["purchase.order"].search(action["domain"]), rfq)
        # the person now lives under the customer: Odoo's own count is its
        self.assertEqual(self.person.parent_id, customer)
        self.assertEqual(self.person.sale_order_count, 1)

    def test_new_contact_form(self):
        with Form(self.env["res.partner"]) as partner_form:
            partner_form.name = "Fresh Lead Oy"
            partner_form.is_contact = True
            self.assertEqual(partner_form.contact_sale_order_count, 0)
        contact = partner_form.record
        self.assertEqual(
            (contact.contact_sale_order_count, contact.interaction_log_count), (0, 0)
        )
        order = self.new_quotation(contact)
        self.assertEqual(order.partner_id, contact)
        contact.invalidate_recordset()
        self.assertEqual(contact.contact_sale_order_count, 1)

    def test_invoice_posted_on_a_contact_lands_on_its_customer(self):
        customer = self.contact.create_customer()
        form = Form(
            self.env["account.move"].with_context(default_move_type="out_invoice")
        )
        form.partner_id = self.contact
        with form.invoice_line_ids.new() as line:
            line.product_id = self.product
            line.quantity = 2
        invoice = form.save()
        invoice.action_post()
        self.assertEqual(invoice.state, "posted")
        self.assertEqual(invoice.partner_id, customer)
        receivable = invoice.line_ids.filtered(
            lambda line: line.account_id.account_type == "asset_receivable"
        )
        self.assertEqual(receivable.partner_id, customer, "the receivable is its")
        self.assertEqual(self.contact.customer_rank, 0, "the contact stays a contact")
        self.assertIn(
            "Moved from the contact", " ".join(invoice.message_ids.mapped("body"))
        )

    def test_payment_of_a_contact_lands_on_its_customer_or_vendor(self):
        customer = self.contact.create_customer()
        Payment = self.env["account.payment"]
        form = Form(
            Payment.with_context(
                default_payment_type="inbound", default_partner_type="customer"
            )
        )
        form.partner_id = self.contact
        form.amount = 100
        payment = form.save()
        payment.action_post()
        self.assertEqual(payment.partner_id, customer)
        self.assertEqual(self.contact.customer_rank, 0, "the contact stays a contact")
        self.assertIn(
            "Moved from the contact", " ".join(payment.message_ids.mapped("body"))
        )
        # a vendor payment of a contact without vendor: the vendor is created
        outbound = Payment.create(
            {
                "payment_type": "outbound",
                "partner_type": "supplier",
                "partner_id": self.contact.id,
                "amount": 50,
            }
        )
        outbound.action_post()
        vendor = self.contact.contact_vendor_id
        self.assertTrue(vendor)
        self.assertEqual(outbound.partner_id, vendor)

    def test_payment_wizard_of_a_contact_invoice_pays_the_customer(self):
        customer = self.contact.create_customer()
        invoice = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.contact.id,
                "invoice_line_ids": [
                    Command.create({"product_id": self.product.id, "quantity": 1})
                ],
            }
        )
        invoice.action_post()
        wizard = self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoice.ids
        )
        payment = Form(wizard).save()._create_payments()
        self.assertEqual(payment.partner_id, customer)
        self.assertIn(invoice.payment_state, ("paid", "in_payment"))

    def test_bill_of_a_contact_without_vendor_creates_it(self):
        self.assertFalse(self.contact.contact_vendor_id)
        form = Form(
            self.env["account.move"].with_context(default_move_type="in_invoice")
        )
        form.partner_id = self.contact
        form.invoice_date = "2026-11-01"
        with form.invoice_line_ids.new() as line:
            line.product_id = self.product
            line.quantity = 1
        bill = form.save()
        bill.action_post()
        vendor = self.contact.contact_vendor_id
        self.assertTrue(vendor, "the vendor is created from the contact")
        self.assertEqual(bill.partner_id, vendor)
        self.assertTrue(vendor.supplier_rank)
        self.assertIn(
            "was created from the contact", " ".join(bill.message_ids.mapped("body"))
        )
