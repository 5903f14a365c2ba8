# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import ContactSyncCase


@tagged("post_install", "-at_install")
class TestModels(ContactSyncCase):
    """Contacts, business relations, links and their rules."""

    def test_contact_numbers(self):
        first, second = self.Partner.create(
            [{"name": "A", "is_contact": True}, {"name": "B", "is_contact": True}]
        )
        self.assertRegex(first.contact_no, r"^CT\d{6}$")
        self.assertEqual(int(second.contact_no[2:]), int(first.contact_no[2:]) + 1)
        self.assertFalse(self.Partner.create({"name": "Not a contact"}).contact_no)
        # becoming a contact later gives a number; a copy gets its own
        partner = self.Partner.create({"name": "Later"})
        partner.is_contact = True
        self.assertRegex(partner.contact_no, r"^CT\d{6}$")
        self.assertNotEqual(first.copy().contact_no, first.contact_no)

    def test_contact_form(self):
        with Form(self.Partner) as form:
            form.name = "Form Contact"
            form.is_contact = True
        contact = form.record
        self.assertTrue(contact.is_contact)
        self.assertRegex(contact.contact_no, r"^CT\d{6}$")
        self.assertEqual(contact.contact_business_relation, "none")

    def test_person_of_company_contact_is_contact(self):
        company_contact = self.make_contact("Company Contact")
        with Form(self.Partner) as form:
            form.name = "Person"
            form.parent_id = company_contact
        person = form.record
        self.assertTrue(person.is_contact)
        self.assertRegex(person.contact_no, r"^CT\d{6}$")
        # persons of a customer are not contacts
        customer = self.make_customer("Customer")
        self.assertFalse(
            self.Partner.create({"name": "P", "parent_id": customer.id}).is_contact
        )

    def test_contact_business_relation(self):
        prospect = self.env["business.relation"].create(
            {"code": "PROSP", "name": "Prospect"}
        )
        contact = self.make_contact("Contact")
        self.assertEqual(contact.contact_business_relation, "none")
        self.Link.create(
            {"contact_id": contact.id, "business_relation_id": prospect.id}
        )
        self.assertEqual(contact.contact_business_relation, "other")
        contact.link_customer(self.make_customer("Customer"))
        self.assertEqual(contact.contact_business_relation, "customer")
        contact.link_bank_account(self.make_bank_account("BE68539007547034"))
        self.assertEqual(contact.contact_business_relation, "multiple")
        # stored, hence searchable
        self.assertEqual(
            self.Partner.search(
                [
                    ("contact_business_relation", "=", "multiple"),
                    ("id", "=", contact.id),
                ]
            ),
            contact,
        )
        self.assertEqual(prospect.contact_count, 1)

    def test_business_relation_code_unique(self):
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self.env["business.relation"].create({"code": "CUST", "name": "Again"})
            self.env.flush_all()

    def test_company_codes_must_differ(self):
        with self.assertRaisesRegex(ValidationError, self.company.name):
            self.company.vendor_business_relation_id = self.relation_customer

    def test_link_rules(self):
        contact = self.make_contact("Contact")
        customer = self.make_customer("Customer")
        link = contact.link_customer(customer)
        self.assertEqual(customer.linked_contact_id, contact)
        self.assertEqual(
            self.Partner.search([("linked_contact_id", "=", contact.id)]), customer
        )
        # one link per contact and kind, one per partner and kind
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self.Link.create(
                {
                    "contact_id": contact.id,
                    "business_relation_id": self.relation_vendor.id,
                    "link_to": "customer",
                    "partner_id": self.make_customer("Other").id,
                }
            )
        # a link needs its target; a non contact cannot have links
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self.Link.create(
                {
                    "contact_id": contact.id,
                    "business_relation_id": self.relation_vendor.id,
                    "link_to": "vendor",
                }
            )
        self.assertEqual(
            customer.name, "Contact", "the contact's data won when linking"
        )
        with self.assertRaisesRegex(ValidationError, "Contact is not a contact"):
            self.Link.create(
                {
                    "contact_id": customer.id,
                    "business_relation_id": self.relation_vendor.id,
                    "link_to": "vendor",
                    "partner_id": self.make_vendor("Vendor").id,
                }
            )
        # a customer and vendor has one contact
        with self.assertRaisesRegex(
            ValidationError, "already linked to the contact Contact"
        ):
            self.Link.create(
                {
                    "contact_id": self.make_contact("Second").id,
                    "business_relation_id": self.relation_vendor.id,
                    "link_to": "vendor",
                    "partner_id": customer.id,
                }
            )
        self.assertEqual(link.display_name, "Contact (CUST) - Contact")

    def test_bank_account_contact_field(self):
        contact = self.make_contact("Bank Contact")
        account = self.make_bank_account("FI2112345600000785")
        self.assertFalse(account.contact_id)
        contact.link_bank_account(account)
        self.assertEqual(account.contact_id, contact)
        self.assertEqual(
            self.env["res.partner.bank"].search([("contact_id", "=", contact.id)]),
            account,
        )

    def test_classify_contact_in_form(self):
        """A plain business relation (e.g. Prospect) is added on the contact form."""
        prospect = self.env["business.relation"].create(
            {"code": "PRSP", "name": "Prospect"}
        )
        contact = self.make_contact("Prospect Oy")
        with Form(contact) as form:
            with form.business_relation_ids.new() as line:
                line.business_relation_id = prospect
        self.assertEqual(contact.business_relation_ids.business_relation_id, prospect)
        self.assertEqual(contact.contact_business_relation, "other")

    def test_contact_flag_follows_links(self):
        contact = self.make_contact("Flag Contact")
        customer = self.make_customer("Flag Customer")
        contact.link_customer(customer, master="customer")
        with self.assertRaisesRegex(ValidationError, "cannot become a contact"):
            customer.is_contact = True
        with self.assertRaisesRegex(ValidationError, "remains a contact"):
            contact.is_contact = False
