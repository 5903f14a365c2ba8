# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What Odoo does around the synchronization keeps it whole (cases found by the random
use of test_random_use, kept as plain tests)."""

from odoo.tests import tagged

from odoo.addons.contact_partner_sync.contact_partner_sync.invariants import (
    SyncInvariants,
)

from .common import ContactSyncCase


@tagged("post_install", "-at_install")
class TestOdooSideEffects(ContactSyncCase):
    def setUp(self):
        super().setUp()
        self.checker = SyncInvariants(self.env)

    def test_first_person_gives_its_address_to_a_linked_company(self):
        """Odoo gives a company without address the address of its first person
        (past write()): the company's customer and bank get it too."""
        customer = self.make_customer("Addressless Oy")
        customer.create_contacts()
        contact = customer.linked_contact_id
        self.Partner.create(
            {"name": "First Person", "parent_id": contact.id, "city": "Helsinki"}
        )
        self.assertEqual((contact.city, customer.city), ("Helsinki", "Helsinki"))
        self.Partner.create(
            {"name": "Customer's Person", "parent_id": customer.id, "city": "Turku"}
        )
        self.assertEqual(contact.city, "Helsinki", "the company has an address now")
        self.checker.assert_ok(self)

    def test_address_of_a_new_first_person_of_a_customer(self):
        contact = self.make_contact("Contact Without Address")
        customer = contact.create_customer()
        self.Partner.create(
            {"name": "Accountant", "parent_id": customer.id, "zip": "20100"}
        )
        self.assertEqual((customer.zip, contact.zip), ("20100", "20100"))
        self.checker.assert_ok(self)

    def test_deleting_the_holder_of_a_customers_bank_account(self):
        """A customer's account is its own data, never linked: Odoo deletes it with
        its holder (in SQL), and no contact is touched."""
        holder = self.make_customer("Holder NV")
        account = self.make_bank_account("BE68539007547034", partner_id=holder.id)
        self.assertFalse(account.contact_id)
        before = self.checker.snapshot()
        holder.unlink()
        self.assertFalse(account.exists())
        self.checker.assert_ok(
            self,
            before,
            deleted={"res.partner": holder.ids, "res.partner.bank": account.ids},
        )

    def test_commercial_fields_reach_a_linked_person(self):
        """A person contact holding its own links is adopted by a company contact:
        the VAT Odoo copies from the company reaches the person's customer, also when
        the company got it from its own customer."""
        company_contact = self.make_contact("Parent Oy")
        company_customer = company_contact.create_customer()
        person = self.make_contact("Individual", is_company=False)
        person_customer = person.create_customer()
        person.parent_id = company_contact
        company_customer.vat = "FI12345671"
        self.assertEqual(company_contact.vat, "FI12345671")
        self.assertEqual(person.vat, "FI12345671")
        self.assertEqual(person_customer.vat, "FI12345671")
        self.checker.assert_ok(self)

    def merge(self, partners, dst):
        self.env["base.partner.merge.automatic.wizard"].create(
            {
                "partner_ids": [(6, 0, partners.ids)],
                "dst_partner_id": dst.id,
                "state": "selection",
            }
        ).action_merge()

    def test_merged_contact_values_reach_its_new_links(self):
        """Odoo's merge does not carry the (computed) salesperson: the customer that
        moves to the kept contact takes the kept contact's, not the merged one's."""
        salesman = self.env.ref("base.user_admin")
        kept = self.make_contact("Kept Contact")
        merged = self.make_contact("Merged Contact", user_id=salesman.id)
        customer = merged.create_customer()
        self.assertEqual(customer.user_id, salesman)
        self.merge(kept | merged, kept)
        self.assertEqual(customer.linked_contact_id, kept)
        self.assertFalse(kept.user_id)
        self.assertFalse(customer.user_id, "the merged contact's salesperson is gone")
        self.assertEqual(customer.name, "Kept Contact")
        self.checker.assert_ok(self)

    def test_merged_customer_values_follow_the_contact(self):
        salesman = self.env.ref("base.user_admin")
        contact = self.make_contact("Hub Contact", user_id=salesman.id)
        linked = contact.create_customer()
        duplicate = self.make_customer("Duplicate Customer")
        self.merge(linked | duplicate, duplicate)
        self.assertEqual(duplicate.linked_contact_id, contact)
        self.assertEqual(duplicate.user_id, salesman)
        self.checker.assert_ok(self)
