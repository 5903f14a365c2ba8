# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError
from odoo.tests import Form, new_test_user, tagged

from .common import ContactSyncCase


@tagged("post_install", "-at_install")
class TestLinkExisting(ContactSyncCase):
    """Link a contact with an existing customer, vendor or bank account."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contact = cls.make_contact(
            "Contact Oy", city="Helsinki", phone="+358 1", country_id=cls.country_fi.id
        )
        cls.customer = cls.make_customer(
            "Customer NV", city="Brussels", phone="+32 2", country_id=cls.country_be.id
        )

    def test_link_customer_contact_wins(self):
        link = self.contact.link_customer(self.customer)
        self.assertEqual(link._name, "contact.business.relation")
        self.assertEqual(
            (link.contact_id, link.partner_id, link.link_to, link.business_relation_id),
            (self.contact, self.customer, "customer", self.relation_customer),
        )
        self.assertEqual(
            (
                self.customer.name,
                self.customer.city,
                self.customer.phone,
                self.customer.country_id,
            ),
            ("Contact Oy", "Helsinki", "+358 1", self.country_fi),
        )
        self.assertEqual(self.customer.linked_contact_id, self.contact)
        self.assertEqual(self.contact.contact_business_relation, "customer")

    def test_link_customer_customer_wins(self):
        self.contact.link_customer(self.customer, master="customer")
        self.assertEqual(
            (
                self.contact.name,
                self.contact.city,
                self.contact.phone,
                self.contact.country_id,
            ),
            ("Customer NV", "Brussels", "+32 2", self.country_be),
        )
        self.assertEqual(self.customer.name, "Customer NV")

    def test_link_vendor_and_customer_same_partner(self):
        self.contact.link_customer(self.customer)
        link = self.contact.link_vendor(self.customer)
        self.assertEqual(link.link_to, "vendor")
        self.assertEqual(self.contact.contact_business_relation, "multiple")
        self.assertEqual(self.customer.linked_contact_id, self.contact)

    def test_link_vendor_wins_and_reaches_other_links(self):
        self.contact.link_customer(self.customer)
        vendor = self.make_vendor("Vendor AB", phone="+46 8")
        self.contact.link_vendor(vendor, master="vendor")
        self.assertEqual(
            (self.contact.name, self.contact.phone), ("Vendor AB", "+46 8")
        )
        # the contact is the hub: its customer follows
        self.assertEqual(
            (self.customer.name, self.customer.phone), ("Vendor AB", "+46 8")
        )

    def test_link_bank_account(self):
        bank = self.env["res.bank"].create(
            {"name": "Nordea", "city": "Espoo", "bic": "NDEAFIHH"}
        )
        account = self.make_bank_account("FI2112345600000785", bank=bank)
        link = self.contact.link_bank_account(account)
        self.assertEqual(
            (link.link_to, link.bank_account_id), ("bank_account", account)
        )
        self.assertEqual(
            (bank.name, bank.city, bank.country),
            ("Contact Oy", "Helsinki", self.country_fi),
        )
        self.assertEqual(account.contact_id, self.contact)

    def test_link_bank_account_bank_wins(self):
        bank = self.env["res.bank"].create(
            {"name": "Nordea", "city": "Espoo", "phone": "+358 9"}
        )
        self.contact.link_bank_account(
            self.make_bank_account("FI21", bank=bank), master="bank_account"
        )
        self.assertEqual(
            (self.contact.name, self.contact.city, self.contact.phone),
            ("Nordea", "Espoo", "+358 9"),
        )
        self.assertEqual(
            (self.contact.country_id, bank.country),
            (self.country_fi, self.country_fi),
            "the bank had no country: an empty value never replaces one, the "
            "contact's fills the bank's",
        )

    def test_person_contact_links_for_its_company(self):
        person = self.Partner.create({"name": "Person", "parent_id": self.contact.id})
        link = person.link_customer(self.customer)
        self.assertEqual(link.contact_id, self.contact)
        self.assertFalse(person.business_relation_ids)

    def test_link_accepts_ids(self):
        link = self.contact.link_customer(self.customer.id)
        self.assertEqual(link.partner_id, self.customer)

    def test_link_wizard(self):
        wizard = Form(
            self.env["contact.link.wizard"].with_context(
                active_model="res.partner", active_id=self.contact.id
            )
        )
        self.assertEqual(wizard.contact_id, self.contact)
        wizard.link_to = "customer"
        wizard.partner_id = self.customer
        wizard.master = "linked"
        wizard.save().action_link()
        self.assertEqual(self.customer.linked_contact_id, self.contact)
        self.assertEqual(self.contact.name, "Customer NV")

    def test_salesman_links(self):
        salesman = new_test_user(
            self.env, "salesman_link", groups="sales_team.group_sale_salesman"
        )
        link = self.contact.with_user(salesman).link_customer(self.customer)
        self.assertEqual(link.partner_id, self.customer)


@tagged("post_install", "-at_install")
class TestLinkRefusals(ContactSyncCase):
    """Every refusal is a UserError naming the records, and changes nothing."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contact = cls.make_contact("Refusing Contact", phone="+358 1")
        cls.customer = cls.make_customer("Refused Customer", phone="+32 2")

    def assertRefused(self, message, func, *args, **kwargs):
        links = self.Link.search([])
        values = (
            self.contact.read(["name", "phone"]),
            self.customer.read(["name", "phone"]),
        )
        with self.assertRaises(UserError) as caught:
            func(*args, **kwargs)
        self.assertIn(message, str(caught.exception))
        self.assertEqual(self.Link.search([]), links)
        self.assertEqual(
            (
                self.contact.read(["name", "phone"]),
                self.customer.read(["name", "phone"]),
            ),
            values,
        )
        return str(caught.exception)

    def test_contact_already_linked(self):
        other = self.make_customer("First Customer")
        self.contact.link_customer(other, master="customer")
        msg = self.assertRefused(
            "The contact First Customer is already linked",
            self.contact.link_customer,
            self.customer,
        )
        self.assertIn("Customer First Customer", msg)

    def test_partner_already_linked(self):
        holder = self.make_contact("Holder")
        holder.link_customer(self.customer, master="customer")
        holder.name = "Holder"  # reaches the customer too
        self.assertEqual(self.customer.name, "Holder")
        msg = self.assertRefused(
            "Holder is already linked to the contact Holder",
            self.contact.link_customer,
            self.customer,
        )
        self.assertIn("Holder", msg)
        # nor as vendor to another contact
        self.assertRefused(
            "Holder is already linked", self.contact.link_vendor, self.customer
        )

    def test_partner_is_contact(self):
        other = self.make_contact("Contact As Customer")
        self.assertRefused(
            "Contact As Customer is a contact", self.contact.link_customer, other
        )

    def test_self_is_not_contact(self):
        self.assertRefused(
            "Refused Customer is not a contact",
            self.customer.link_customer,
            self.make_customer("X"),
        )

    def test_company_mismatch(self):
        other_company = self.env["res.company"].create({"name": "Other Company"})
        self.contact.company_id = self.company
        self.customer.company_id = other_company
        msg = self.assertRefused(
            "Other Company", self.contact.link_customer, self.customer
        )
        self.assertIn(self.company.name, msg)

    def test_code_unset(self):
        self.company.customer_business_relation_id = False
        msg = self.assertRefused(
            "Relationship Management", self.contact.link_customer, self.customer
        )
        self.assertIn(self.company.name, msg)

    def test_not_linkable_partners(self):
        address = self.Partner.create(
            {
                "name": "Invoice Address",
                "type": "invoice",
                "parent_id": self.customer.id,
            }
        )
        self.assertRefused("Invoice Address", self.contact.link_customer, address)
        self.assertRefused(
            self.company.partner_id.name,
            self.contact.link_vendor,
            self.company.partner_id,
        )
        user = new_test_user(self.env, "linked_user")
        self.assertRefused(
            user.partner_id.name, self.contact.link_customer, user.partner_id
        )

    def test_bank_account_without_bank(self):
        with self.codes_unset():
            account = self.env["res.partner.bank"].create(
                {
                    "acc_number": "BE71096123456769",
                    "partner_id": self.company.partner_id.id,
                }
            )
        self.assertRefused("BE71096123456769", self.contact.link_bank_account, account)

    def test_bank_account_already_linked(self):
        account = self.make_bank_account("BE71096123456769")
        self.make_contact("Bank Holder").link_bank_account(account)
        msg = self.assertRefused("Bank Holder", self.contact.link_bank_account, account)
        self.assertIn("BE71096123456769", msg)

    def test_person_without_company_for_bank(self):
        person = self.make_contact("Lonely Person", is_company=False)
        self.assertRefused(
            "Lonely Person", person.link_bank_account, self.make_bank_account("BE71")
        )

    def test_unknown_master(self):
        self.assertRefused(
            "bank_account",
            self.contact.link_customer,
            self.customer,
            master="bank_account",
        )
