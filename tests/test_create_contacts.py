# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from unittest.mock import patch

from odoo.exceptions import UserError
from odoo.tests import Form, new_test_user, tagged

from odoo.addons.contact_partner_sync.contact_partner_sync.context_keys import (
    FROM_CONTACT,
)

from .common import ContactSyncCase


@tagged("post_install", "-at_install")
class TestAutomaticContacts(ContactSyncCase):
    """Contacts are created with customers, vendors and bank accounts."""

    def test_new_customer_gets_contact(self):
        customer = self.Partner.create(
            {
                "name": "Auto Customer",
                "is_company": True,
                "customer_rank": 1,
                "city": "Ghent",
                "phone": "+32 9",
            }
        )
        contact = customer.linked_contact_id
        self.assertTrue(contact.is_contact)
        self.assertTrue(contact.is_company)
        self.assertEqual(
            (contact.name, contact.city, contact.phone),
            ("Auto Customer", "Ghent", "+32 9"),
        )
        self.assertRegex(contact.contact_no, r"^CT\d{6}$")
        self.assertEqual(contact.contact_business_relation, "customer")
        self.assertEqual(
            contact.business_relation_ids.business_relation_id, self.relation_customer
        )

    def test_customer_created_from_customers_menu(self):
        """The Customers menu creates partners with customer_rank 1 (search mode)."""
        with Form(
            self.Partner.with_context(res_partner_search_mode="customer")
        ) as form:
            form.name = "Menu Customer"
        self.assertEqual(form.record.linked_contact_id.name, "Menu Customer")

    def test_individual_customer_gets_person_contact(self):
        customer = self.Partner.create({"name": "Jane Doe", "customer_rank": 1})
        self.assertFalse(customer.linked_contact_id.is_company)

    def test_new_vendor_and_customer_vendor(self):
        vendor = self.Partner.create(
            {"name": "Auto Vendor", "is_company": True, "supplier_rank": 1}
        )
        self.assertEqual(vendor.linked_contact_id.contact_business_relation, "vendor")
        both = self.Partner.create(
            {"name": "Both", "is_company": True, "supplier_rank": 1, "customer_rank": 1}
        )
        self.assertEqual(both.linked_contact_id.contact_business_relation, "multiple")
        self.assertEqual(len(both.linked_business_relation_ids), 2)

    def test_batch_create_in_one_go(self):
        Partner = type(self.Partner)
        with patch.object(
            Partner,
            "_contact_sync_make_contacts",
            autospec=True,
            side_effect=Partner._contact_sync_make_contacts,
        ) as make:
            customers = self.Partner.create(
                [
                    {"name": f"Batch {i}", "is_company": True, "customer_rank": 1}
                    for i in range(20)
                ]
            )
        self.assertEqual(make.call_count, 1)
        contacts = customers.linked_contact_id
        self.assertEqual(len(contacts), 20)
        self.assertEqual(contacts.mapped("name"), customers.mapped("name"))
        self.assertEqual(len(set(contacts.mapped("contact_no"))), 20)

    def test_batch_create_queries_do_not_grow_per_record(self):
        def create(n):
            return lambda: self.Partner.create(
                [
                    {"name": f"Q{n}-{i}", "is_company": True, "customer_rank": 1}
                    for i in range(n)
                ]
            )

        self.count_queries(create(2))  # warm up
        one, twenty = self.count_queries(create(1)), self.count_queries(create(20))
        # only the contact numbers (one nextval each) and the partners' own inserts grow
        self.assertLessEqual(twenty - one, 19 * 4)

    def test_not_created_when_code_unset(self):
        self.company.customer_business_relation_id = False
        customer = self.Partner.create(
            {"name": "No Code", "customer_rank": 1, "supplier_rank": 1}
        )
        self.assertEqual(customer.linked_contact_id.contact_business_relation, "vendor")
        self.company.vendor_business_relation_id = False
        self.assertFalse(
            self.Partner.create(
                {"name": "No Codes", "supplier_rank": 1}
            ).linked_contact_id
        )

    def test_not_created_for_excluded_partners(self):
        contact = self.Partner.create(
            {"name": "A Contact", "is_contact": True, "customer_rank": 1}
        )
        self.assertFalse(contact.linked_contact_id)
        self.assertEqual(contact.contact_business_relation, "none")
        parent = self.make_customer("Parent")
        child = self.Partner.create(
            {
                "name": "Delivery",
                "type": "delivery",
                "parent_id": parent.id,
                "customer_rank": 1,
            }
        )
        self.assertFalse(child.linked_contact_id)
        from_contact = self.Partner.with_context(**{FROM_CONTACT: True}).create(
            {"name": "F", "customer_rank": 1}
        )
        self.assertFalse(from_contact.linked_contact_id)
        user = new_test_user(self.env, "rank_user")
        user.partner_id._increase_rank("customer_rank")
        self.assertFalse(user.partner_id.linked_contact_id)
        company = self.env["res.company"].create({"name": "Ranked Company"})
        company.partner_id._increase_rank("supplier_rank")
        self.assertFalse(company.partner_id.linked_contact_id)

    def test_becomes_customer_later(self):
        partner = self.Partner.create({"name": "Later Customer", "is_company": True})
        self.assertFalse(partner.linked_contact_id)
        partner._increase_rank("customer_rank")
        contact = partner.linked_contact_id
        self.assertEqual(contact.contact_business_relation, "customer")
        partner._increase_rank("customer_rank")
        self.assertEqual(partner.linked_contact_id, contact)
        self.assertEqual(len(partner.linked_business_relation_ids), 1)
        # becoming a vendor adds a vendor link to the same contact
        partner._increase_rank("supplier_rank")
        self.assertEqual(partner.linked_contact_id, contact)
        self.assertEqual(contact.contact_business_relation, "multiple")

    def test_existing_customer_rank_increase_is_not_from_zero(self):
        customer = self.make_customer("Old Customer")
        customer._increase_rank("customer_rank")
        self.assertFalse(customer.linked_contact_id)

    def test_new_bank_account_gets_contact(self):
        bank = self.env["res.bank"].create(
            {"name": "KBC", "city": "Brussels", "country": self.country_be.id}
        )
        account = self.env["res.partner.bank"].create(
            {
                "acc_number": "BE68539007547034",
                "partner_id": self.company.partner_id.id,
                "bank_id": bank.id,
            }
        )
        contact = account.contact_id
        self.assertEqual(
            (contact.name, contact.city, contact.country_id),
            ("KBC", "Brussels", self.country_be),
        )
        self.assertTrue(contact.is_company)
        self.assertEqual(contact.contact_business_relation, "bank_account")

    def test_bank_account_without_bank_is_skipped(self):
        account = self.env["res.partner.bank"].create(
            {"acc_number": "BE71096123456769", "partner_id": self.company.partner_id.id}
        )
        self.assertTrue(account.exists())
        self.assertFalse(account.contact_id)


@tagged("post_install", "-at_install")
class TestCreateContacts(ContactSyncCase):
    """create_contacts() on customers, vendors and bank accounts, and its wizards."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customers = cls.make_customer("Customer 1") | cls.make_customer(
            "Customer 2"
        )
        cls.vendor = cls.make_vendor("Vendor 1")

    def test_create_contacts(self):
        linked = self.make_customer("Linked")
        contact = linked.create_contacts()
        self.assertEqual(
            contact.linked_business_relation_ids, self.Link
        )  # a contact, not linked itself
        self.assertEqual(linked.linked_contact_id, contact)
        records = self.customers | self.vendor | linked | contact
        contacts = records.create_contacts()
        self.assertEqual(len(contacts), 3, "linked partners and contacts are skipped")
        self.assertEqual(
            contacts.mapped("name"), ["Customer 1", "Customer 2", "Vendor 1"]
        )
        self.assertEqual(
            self.vendor.linked_contact_id.contact_business_relation, "vendor"
        )
        self.assertFalse(records.create_contacts())

    def test_create_contacts_as(self):
        contact = self.vendor.create_contacts(link_to="customer")
        self.assertEqual(contact.contact_business_relation, "customer")

    def test_create_contacts_code_unset(self):
        self.company.vendor_business_relation_id = False
        with self.assertRaisesRegex(UserError, "Settings > Relationship Management"):
            (self.customers | self.vendor).create_contacts()
        self.assertFalse((self.customers | self.vendor).linked_contact_id)

    def test_bank_accounts_create_contacts(self):
        bank = self.env["res.bank"].create({"name": "Danske", "bic": "DABAFIHH"})
        accounts = self.make_bank_account("FI1", bank=bank) | self.make_bank_account(
            "FI2", bank=bank
        )
        with self.codes_unset():
            no_bank = self.env["res.partner.bank"].create(
                {"acc_number": "FI3", "partner_id": self.company.partner_id.id}
            )
        contacts = (accounts | no_bank).create_contacts()
        self.assertEqual(len(contacts), 1, "one contact per bank")
        self.assertEqual(contacts.name, "Danske")
        self.assertEqual(accounts.contact_id, contacts)
        self.assertFalse(no_bank.contact_id)

    def test_wizard_from_customers_list(self):
        form = Form(
            self.env["contact.create.contacts.wizard"].with_context(
                active_model="res.partner",
                active_ids=self.customers.ids,
                res_partner_search_mode="customer",
            )
        )
        self.assertEqual(form.link_to, "customer")
        action = form.save().action_create_contacts()["params"]["next"]
        contacts = self.Partner.search(action["domain"])
        self.assertEqual(self.customers.linked_contact_id, contacts)

    def test_wizard_from_vendors_list(self):
        form = Form(
            self.env["contact.create.contacts.wizard"].with_context(
                active_model="res.partner",
                active_ids=self.vendor.ids,
                res_partner_search_mode="supplier",
            )
        )
        self.assertEqual(form.link_to, "vendor")
        form.save().action_create_contacts()
        self.assertEqual(
            self.vendor.linked_contact_id.contact_business_relation, "vendor"
        )

    def test_wizard_from_bank_accounts_list(self):
        account = self.make_bank_account("BE68539007547034")
        form = Form(
            self.env["contact.create.contacts.wizard"].with_context(
                active_model="res.partner.bank", active_ids=account.ids
            )
        )
        self.assertEqual(form.link_to, "bank_account")
        form.save().action_create_contacts()
        self.assertEqual(account.contact_id.name, "Test Bank")

    def test_wizard_actions_bound_to_lists(self):
        for model in ("res.partner", "res.partner.bank"):
            bindings = self.env["ir.actions.actions"].get_bindings(model)["action"]
            action = self.env.ref(
                "contact_partner_sync.contact_create_contacts_wizard_action_"
                + ("partner" if model == "res.partner" else "bank_account")
            )
            self.assertIn(action.id, [b["id"] for b in bindings])
