# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""One face per place: what a user types on a new record meets no server error."""

from odoo.tests import Form, tagged

from .common import ContactSyncCase


@tagged("post_install", "-at_install")
class TestOneFace(ContactSyncCase):
    def test_same_vat_banner_on_a_record_not_saved_yet(self):
        customer = self.Partner.create(
            {
                "name": "Banner Oy",
                "is_company": True,
                "customer_rank": 1,
                "vat": "FI12345671",
            }
        )
        self.assertTrue(customer.linked_contact_id, "a linked pair shares the VAT")
        # a new customer (Sales > Customers) and a new contact
        for context in (
            {"res_partner_search_mode": "customer"},
            {"default_is_contact": True},
        ):
            with self.subTest(**context):
                form = Form(
                    self.Partner.with_context(default_is_company=True, **context)
                )
                form.name = "New Banner Oy"
                form.vat = "FI12345671"
                # Odoo's banner names a partner of that VAT: the pair is there
                self.assertIn(
                    form.same_vat_partner_id,
                    customer | customer.linked_contact_id,
                )

    def test_automatic_contact_is_a_plain_contact(self):
        # Sales > Customers and Purchase > Vendors: their context defaults make the
        # new partner a customer / vendor, never its automatic contact
        for context in (
            {"res_partner_search_mode": "customer", "default_customer_rank": 1},
            {"res_partner_search_mode": "supplier", "default_supplier_rank": 1},
            {"default_customer_rank": 1, "default_category_id": []},
        ):
            with self.subTest(**context):
                form = Form(self.Partner.with_context(**context))
                form.name = "Menu Customer Oy"
                partner = form.save()
                contact = partner.linked_contact_id
                self.assertTrue(contact.is_contact)
                self.assertEqual(
                    (contact.customer_rank, contact.supplier_rank),
                    (0, 0),
                    "the contact is not listed under Customers / Vendors",
                )
                self.assertTrue(partner.customer_rank or partner.supplier_rank)

    def test_document_partner_fields_offer_a_linked_pair_once(self):
        customer = self.Partner.create(
            {"name": "Twin Search Oy", "is_company": True, "customer_rank": 1}
        )
        contact = customer.linked_contact_id
        person = self.Partner.create(
            {"name": "Twin Search Person", "parent_id": contact.id}
        )
        lone = self.Partner.create({"name": "Twin Search Lone", "is_contact": True})
        Partner = self.Partner.with_context(res_partner_search_mode="customer")
        offered = Partner.browse(
            [pid for pid, _name in Partner.name_search("Twin Search")]
        )
        self.assertIn(customer, offered)
        self.assertNotIn(contact, offered, "the customer stands for its contact")
        self.assertNotIn(person, offered)
        self.assertIn(lone, offered, "a contact without customer is offered")
        # "Search More..." and the Customers list
        listed = Partner.web_search_read(
            [("name", "ilike", "Twin Search")], {"display_name": {}}
        )["records"]
        self.assertEqual(
            self.Partner.browse([row["id"] for row in listed]), customer | lone
        )
        # for a vendor bill, the contact without vendor is offered
        Vendors = self.Partner.with_context(res_partner_search_mode="supplier")
        offered = [pid for pid, _name in Vendors.name_search("Twin Search")]
        self.assertIn(contact.id, offered)
        # without the context (the Contacts app), everything is listed
        self.assertIn(contact, self.Partner.search([("name", "ilike", "Twin Search")]))
