# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import Form, new_test_user, tagged

from odoo.addons.contact_partner_sync.contact_partner_sync.context_keys import SYNC_SKIP

from .common import ContactSyncCase


@tagged("post_install", "-at_install")
class TestSync(ContactSyncCase):
    """Two-way propagation of the synchronized fields, the contact being the hub."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contact = cls.make_contact("Hub Oy", city="Turku", phone="+358 2")
        cls.customer = cls.contact.create_customer()
        cls.vendor_partner = cls.make_vendor("Separate Vendor")
        cls.bank = cls.env["res.bank"].create({"name": "Hub Bank", "bic": "HUBBFIHH"})
        cls.account = cls.make_bank_account("FI2112345600000785", bank=cls.bank)
        # a second contact linked to another account of the same bank
        cls.other_contact = cls.make_contact("Other Oy")
        cls.other_account = cls.make_bank_account("FI5542345670000081", bank=cls.bank)
        cls.other_contact.link_bank_account(cls.other_account, master="bank_account")
        cls.contact.link_bank_account(cls.account)

    def test_contact_change_reaches_every_link(self):
        self.contact.write({"phone": "+358 40", "street": "Linnankatu 1"})
        self.assertEqual(
            (self.customer.phone, self.customer.street), ("+358 40", "Linnankatu 1")
        )
        self.assertEqual(
            (self.bank.phone, self.bank.street), ("+358 40", "Linnankatu 1")
        )
        # the bank reaches the other contact of its accounts
        self.assertEqual(
            (self.other_contact.phone, self.other_contact.street),
            ("+358 40", "Linnankatu 1"),
        )

    def test_customer_change_reaches_contact_and_other_links(self):
        self.customer.write(
            {"email": "sales@hub.example.com", "country_id": self.country_fi.id}
        )
        self.assertEqual(self.contact.email, "sales@hub.example.com")
        self.assertEqual(self.bank.email, "sales@hub.example.com")
        self.assertEqual(self.bank.country, self.country_fi)
        self.assertEqual(self.other_contact.country_id, self.country_fi)

    def test_customer_form_edit(self):
        with Form(self.customer) as form:
            form.city = "Tampere"
        self.assertEqual(self.contact.city, "Tampere")
        self.assertEqual(self.bank.city, "Tampere")

    def test_bank_change_reaches_all_contacts_and_their_links(self):
        self.bank.write({"name": "Renamed Bank", "zip": "20100"})
        self.assertEqual(
            (self.contact.name, self.contact.zip), ("Renamed Bank", "20100")
        )
        self.assertEqual(
            (self.other_contact.name, self.other_contact.zip), ("Renamed Bank", "20100")
        )
        self.assertEqual(
            (self.customer.name, self.customer.zip), ("Renamed Bank", "20100")
        )

    def test_vendor_fields_exclude_salesperson(self):
        self.contact.link_vendor(self.customer)
        self.vendor_partner.user_id = False
        contact = self.make_contact("Vendor Contact")
        contact.link_vendor(self.vendor_partner)
        salesperson = new_test_user(self.env, "sync_salesperson")
        contact.user_id = salesperson
        self.assertFalse(
            self.vendor_partner.user_id, "the purchaser stays each side's own"
        )
        self.contact.user_id = salesperson
        self.assertEqual(
            self.customer.user_id,
            salesperson,
            "the customer follows the contact's salesperson",
        )

    def test_bank_id_change_refreshes_contact(self):
        self.assertEqual(self.bank.name, "Hub Oy", "linked with the contact's data")
        new_bank = self.env["res.bank"].create(
            {"name": "New Bank", "city": "Vaasa", "phone": "+358 6"}
        )
        self.account.bank_id = new_bank
        self.assertEqual(
            (self.contact.name, self.contact.city, self.contact.phone),
            ("New Bank", "Vaasa", "+358 6"),
        )
        self.assertEqual(self.customer.city, "Vaasa")
        self.assertEqual(self.bank.name, "Hub Oy", "the old bank is left alone")
        self.assertEqual(self.other_contact.name, "Hub Oy")

    def test_only_changed_fields_are_propagated(self):
        # the customer's street differs (written without propagation):
        # a phone change keeps it
        self.customer.with_context(**{SYNC_SKIP: True}).street = "Own Street"
        self.other_contact.with_context(**{SYNC_SKIP: True}).street = "Other Street"
        self.contact.phone = "+358 50"
        self.assertEqual(
            (self.other_contact.phone, self.other_contact.street),
            ("+358 50", "Other Street"),
            "through the bank too, only the phone travels",
        )
        self.assertEqual(
            (self.customer.phone, self.customer.street), ("+358 50", "Own Street")
        )
        # a non synchronized field is not propagated
        self.contact.comment = "Contact notes"
        self.assertFalse(self.customer.comment)

    def test_echo_is_stopped(self):
        """Each record is written once per change, whatever the graph."""
        Partner, Bank = type(self.Partner), type(self.env["res.bank"])
        writes = []
        original_partner_write, original_bank_write = Partner.write, Bank.write

        def partner_write(records, vals):
            writes.extend(("res.partner", rid) for rid in records.ids)
            return original_partner_write(records, vals)

        def bank_write(records, vals):
            writes.extend(("res.bank", rid) for rid in records.ids)
            return original_bank_write(records, vals)

        self.patch(Partner, "write", partner_write)
        self.patch(Bank, "write", bank_write)
        self.contact.phone = "+358 60"
        expected = {
            ("res.partner", self.contact.id),
            ("res.partner", self.customer.id),
            ("res.bank", self.bank.id),
            ("res.partner", self.other_contact.id),
        }
        self.assertEqual(set(writes), expected)
        self.assertEqual(len(writes), len(expected), "no record is written twice")

    def test_archiving_is_not_propagated(self):
        self.contact.action_archive()
        self.assertTrue(self.customer.active)
        self.assertTrue(self.account.active)
        self.customer.action_archive()
        self.contact.action_unarchive()
        self.assertFalse(self.customer.active)

    def test_propagation_as_superuser(self):
        """A user may write a contact whose customer belongs to a company he cannot
        access: the propagation runs as superuser."""
        other_company = self.env["res.company"].create({"name": "Closed Company"})
        contact = self.make_contact("Shared Contact")
        customer = self.make_customer("Closed Customer", company_id=other_company.id)
        self.set_codes(other_company)
        contact.link_customer(customer)
        user = new_test_user(
            self.env,
            "sync_salesman",
            groups="sales_team.group_sale_salesman,base.group_partner_manager",
            company_id=self.company.id,
            company_ids=[(6, 0, self.company.ids)],
        )
        self.assertFalse(customer.with_user(user).has_access("read"))
        contact.with_user(user).phone = "+358 70"
        self.assertEqual(customer.phone, "+358 70")

    def test_batch_write_is_batched(self):
        """A batch write propagates in a constant number of queries."""
        contacts = self.Partner.create(
            [
                {"name": f"Batch {i}", "is_contact": True, "is_company": True}
                for i in range(20)
            ]
        )
        for contact in contacts:
            contact.create_customer()
        # as the web client gives them: browsed by ids
        customers = self.Partner.browse(contacts.business_relation_ids.partner_id.ids)
        self.count_queries(lambda: contacts[:1].write({"phone": "+1 0"}))  # warm up
        one = self.count_queries(lambda: contacts[:1].write({"phone": "+1 1"}))
        twenty = self.count_queries(lambda: contacts.write({"phone": "+1 20"}))
        self.assertEqual(customers.mapped("phone"), ["+1 20"] * 20)
        # a batch searches its links at once, a record alone reads them through
        # the ORM cache (for its whole prefetch set): one query more
        self.assertLessEqual(twenty, one, "no query per record")
        # and from the other side: one write per group of identical values
        self.count_queries(lambda: customers[:1].write({"city": "X"}))  # warm up
        one = self.count_queries(lambda: customers[:1].write({"city": "A"}))
        twenty = self.count_queries(lambda: customers.write({"city": "B"}))
        self.assertEqual(contacts.mapped("city"), ["B"] * 20)
        self.assertLessEqual(twenty, one)
