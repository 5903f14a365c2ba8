# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError
from odoo.tests import Form, new_test_user, tagged

from .common import ContactSyncCase


@tagged("post_install", "-at_install")
class TestCreateFromContact(ContactSyncCase):
    """Create customers, vendors and bank accounts from a contact."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesperson = new_test_user(
            cls.env, "contact_salesperson", groups="sales_team.group_sale_salesman"
        )
        cls.other_salesperson = new_test_user(
            cls.env, "template_salesperson", groups="sales_team.group_sale_salesman"
        )
        cls.contact = cls.make_contact(
            "Kontakti Oy",
            street="Mannerheimintie 1",
            city="Helsinki",
            zip="00100",
            country_id=cls.country_fi.id,
            phone="+358 9 123",
            email="info@kontakti.example.com",
            vat="FI12345671",
        )
        cls.payment_term = cls.env.ref("account.account_payment_term_30days")
        cls.tag = cls.env["res.partner.category"].create({"name": "Template Tag"})
        cls.template = cls.env["contact.partner.template"].create(
            {
                "name": "Finnish customers",
                "link_to": "customer",
                "contact_type": "company",
                "property_payment_term_id": cls.payment_term.id,
                "user_id": cls.other_salesperson.id,
                "category_id": [(6, 0, cls.tag.ids)],
            }
        )

    def test_create_customer(self):
        customer = self.contact.create_customer()
        self.assertEqual(customer._name, "res.partner")
        self.assertFalse(customer.is_contact)
        self.assertTrue(customer.is_company)
        self.assertEqual(customer.customer_rank, 1)
        self.assertEqual(
            (
                customer.name,
                customer.street,
                customer.city,
                customer.country_id,
                customer.email,
                customer.vat,
            ),
            (
                "Kontakti Oy",
                "Mannerheimintie 1",
                "Helsinki",
                self.country_fi,
                "info@kontakti.example.com",
                "FI12345671",
            ),
        )
        self.assertEqual(customer.linked_contact_id, self.contact)
        self.assertEqual(self.contact.contact_business_relation, "customer")
        self.assertEqual(
            self.contact.business_relation_ids.business_relation_id,
            self.relation_customer,
        )
        self.assertFalse(
            customer.linked_contact_id.linked_contact_id, "no contact is created for it"
        )
        self.assertEqual(self.Partner.search_count([("name", "=", "Kontakti Oy")]), 2)

    def test_template_fills_only_empty_fields(self):
        self.contact.user_id = self.salesperson
        customer = self.contact.create_customer(template=self.template)
        self.assertEqual(
            customer.user_id, self.salesperson, "the contact's salesperson is kept"
        )
        self.assertEqual(customer.property_payment_term_id, self.payment_term)
        self.assertEqual(customer.category_id, self.tag)
        self.assertFalse(self.contact.category_id, "tags are not synchronized")

    def test_template_salesperson_reaches_contact(self):
        customer = self.contact.create_customer(template=self.template)
        self.assertEqual(customer.user_id, self.other_salesperson)
        self.assertEqual(
            self.contact.user_id,
            self.other_salesperson,
            "salesperson is a synchronized field",
        )

    def test_default_template(self):
        self.company.default_customer_template_id = self.template
        customer = self.contact.create_customer()
        self.assertEqual(customer.property_payment_term_id, self.payment_term)

    def test_template_of_other_kind_or_type(self):
        person = self.make_contact("Person Contact", is_company=False)
        with self.assertRaisesRegex(UserError, "Finnish customers"):
            person.create_customer(template=self.template)
        with self.assertRaisesRegex(UserError, "Finnish customers"):
            self.contact.create_vendor(template=self.template)
        self.assertFalse(
            self.contact.business_relation_ids | person.business_relation_ids
        )

    def test_create_vendor_after_customer_is_one_partner(self):
        customer = self.contact.create_customer()
        vendor = self.contact.create_vendor()
        self.assertEqual(vendor, customer, "one Odoo partner is customer and vendor")
        self.assertEqual((vendor.customer_rank, vendor.supplier_rank), (1, 1))
        self.assertEqual(self.contact.contact_business_relation, "multiple")

    def test_person_contact_creates_for_its_company(self):
        person = self.Partner.create({"name": "Matti", "parent_id": self.contact.id})
        vendor = person.create_vendor()
        self.assertEqual(vendor.name, "Kontakti Oy")
        self.assertTrue(vendor.is_company)
        self.assertEqual(vendor.linked_contact_id, self.contact)

    def test_individual_customer_from_person_contact(self):
        person = self.make_contact("Liisa Virtanen", is_company=False)
        customer = person.create_customer()
        self.assertFalse(customer.is_company)
        self.assertEqual(customer.name, "Liisa Virtanen")

    def test_refusals(self):
        self.contact.create_customer()
        partners = self.Partner.search_count([])
        with self.assertRaisesRegex(
            UserError, "Kontakti Oy is already linked to the Customer Kontakti Oy"
        ):
            self.contact.create_customer()
        self.company.vendor_business_relation_id = False
        with self.assertRaisesRegex(UserError, "Settings > Relationship Management"):
            self.contact.create_vendor()
        with self.assertRaisesRegex(UserError, "is not a contact"):
            self.contact.business_relation_ids.partner_id.create_vendor()
        self.assertEqual(self.Partner.search_count([]), partners)
        self.assertEqual(self.contact.contact_business_relation, "customer")

    def test_create_bank_account(self):
        account = self.contact.create_bank_account(
            "FI21 1234 5600 0007 85", bic="KONTFIHH"
        )
        self.assertEqual(account._name, "res.partner.bank")
        self.assertEqual(account.partner_id, self.company.partner_id)
        self.assertEqual(account.contact_id, self.contact)
        bank = account.bank_id
        self.assertEqual(
            (
                bank.name,
                bank.street,
                bank.city,
                bank.country,
                bank.phone,
                bank.email,
                bank.bic,
            ),
            (
                "Kontakti Oy",
                "Mannerheimintie 1",
                "Helsinki",
                self.country_fi,
                "+358 9 123",
                "info@kontakti.example.com",
                "KONTFIHH",
            ),
        )
        self.assertEqual(self.contact.contact_business_relation, "bank_account")

    def test_create_bank_account_reuses_bank_by_bic(self):
        bank = self.env["res.bank"].create({"name": "Old Name", "bic": "REUSFIHH"})
        account = self.contact.create_bank_account("FI2112345600000785", bic="reusfihh")
        self.assertEqual(account.bank_id, bank)
        self.assertEqual(
            bank.name,
            "Kontakti Oy",
            "the bank takes the data of the contact it is created from",
        )

    def test_create_bank_account_refusals(self):
        banks = self.env["res.bank"].search_count([])
        person = self.make_contact("Yksityinen", is_company=False)
        with self.assertRaisesRegex(
            UserError, "Yksityinen is a person contact without company"
        ):
            person.create_bank_account("FI2112345600000785")
        with self.assertRaisesRegex(UserError, "Kontakti Oy"):
            self.contact.create_bank_account("")
        self.company.bank_account_business_relation_id = False
        with self.assertRaisesRegex(UserError, "Settings > Relationship Management"):
            self.contact.create_bank_account("FI2112345600000785")
        self.assertEqual(self.env["res.bank"].search_count([]), banks)
        self.assertFalse(self.contact.business_relation_ids)

    def test_wizard_create_customer(self):
        self.company.default_customer_template_id = self.template
        form = Form(
            self.env["contact.create.partner.wizard"].with_context(
                active_model="res.partner",
                active_id=self.contact.id,
                default_link_to="customer",
            )
        )
        self.assertEqual(form.template_id, self.template)
        action = form.save().action_create()["params"]["next"]
        customer = self.Partner.browse(action["res_id"])
        self.assertEqual(
            (action["res_model"], customer.linked_contact_id),
            ("res.partner", self.contact),
        )
        self.assertEqual(customer.property_payment_term_id, self.payment_term)

    def test_wizard_create_bank_account(self):
        form = Form(
            self.env["contact.create.partner.wizard"].with_context(
                active_model="res.partner",
                active_id=self.contact.id,
                default_link_to="bank_account",
            )
        )
        form.acc_number = "FI2112345600000785"
        form.bic = "WIZAFIHH"
        action = form.save().action_create()["params"]["next"]
        account = self.env["res.partner.bank"].browse(action["res_id"])
        self.assertEqual(
            (account.contact_id, account.bank_id.bic), (self.contact, "WIZAFIHH")
        )

    def test_default_template_skipped_where_it_does_not_fit(self):
        self.company.default_customer_template_id = (
            self.template
        )  # for company contacts
        person = self.make_contact("Pekka", is_company=False)
        customer = person.create_customer()
        self.assertNotEqual(customer.property_payment_term_id, self.payment_term)
        self.assertFalse(customer.category_id)
