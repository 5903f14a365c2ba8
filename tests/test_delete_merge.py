# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import ContactSyncCase


@tagged("post_install", "-at_install")
class TestDelete(ContactSyncCase):
    """Deleting is one-directional: only links go with the deleted record."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contact = cls.make_contact("Deleted Contact")
        cls.person = cls.Partner.create(
            {"name": "Its Person", "parent_id": cls.contact.id}
        )
        cls.partner = cls.contact.create_customer()
        cls.contact.create_vendor()
        cls.account = cls.contact.create_bank_account(
            "BE68539007547034", bic="DELEBEBB"
        )
        cls.bank = cls.account.bank_id

    def test_delete_contact_keeps_everything_else(self):
        links = self.contact.business_relation_ids
        self.assertEqual(len(links), 3)
        self.contact.unlink()
        self.assertFalse(links.exists())
        self.assertTrue(self.partner.exists())
        self.assertTrue(self.account.exists() and self.account.active)
        self.assertTrue(self.bank.exists())
        self.assertTrue(self.person.exists())
        self.assertEqual(self.person.parent_id, self.partner, "under the customer")
        self.assertFalse(self.partner.linked_contact_id)
        self.assertFalse(self.account.contact_id)
        self.assertEqual(
            (self.partner.customer_rank, self.partner.supplier_rank), (1, 1)
        )

    def test_delete_customer_keeps_contact(self):
        self.partner.unlink()
        self.assertTrue(self.contact.exists())
        self.assertEqual(self.contact.contact_business_relation, "bank_account")
        self.assertEqual(
            self.contact.business_relation_ids.bank_account_id, self.account
        )

    def test_delete_bank_account_keeps_contact_and_bank(self):
        self.account.unlink()  # Odoo archives bank accounts: the link goes anyway
        self.assertTrue(self.bank.exists())
        self.assertFalse(self.account.contact_id)
        self.assertEqual(self.contact.contact_business_relation, "multiple")
        self.assertEqual(
            sorted(self.contact.business_relation_ids.mapped("link_to")),
            ["customer", "vendor"],
        )
        self.partner.unlink()
        self.assertEqual(self.contact.contact_business_relation, "none")

    def test_business_relation_in_use_cannot_be_deleted(self):
        used = self.env["business.relation"].create({"code": "USED", "name": "Used"})
        self.Link.create(
            {"contact_id": self.contact.id, "business_relation_id": used.id}
        )
        with self.assertRaisesRegex(
            UserError, r"\[USED\] Used is used by the contact Deleted Contact"
        ):
            used.unlink()
        self.assertTrue(used.exists())
        unused = self.env["business.relation"].create(
            {"code": "UNUSED", "name": "Unused"}
        )
        unused.unlink()
        self.assertFalse(unused.exists())


@tagged("post_install", "-at_install")
class TestMerge(ContactSyncCase):
    """Merging partners (base.partner.merge) leaves valid, non-duplicated links."""

    def merge(self, partners, dst):
        wizard = self.env["base.partner.merge.automatic.wizard"].create(
            {
                "partner_ids": [(6, 0, partners.ids)],
                "dst_partner_id": dst.id,
                "state": "selection",
            }
        )
        wizard.action_merge()

    def assertValidLinks(self):
        links = self.Link.search([])
        kinds = [(link.contact_id.id, link.link_to) for link in links if link.link_to]
        self.assertEqual(len(kinds), len(set(kinds)), "one link per contact and kind")
        partners = [
            (link.partner_id.id, link.link_to) for link in links if link.partner_id
        ]
        self.assertEqual(
            len(partners), len(set(partners)), "one link per partner and kind"
        )
        for link in links:
            self.assertTrue(link.contact_id.is_contact)
            self.assertFalse(link.partner_id.is_contact)

    def test_merge_linked_into_unlinked_customer(self):
        contact = self.make_contact("Merge Contact")
        linked = contact.create_customer()
        unlinked = self.make_customer("Duplicate Customer")
        self.merge(linked | unlinked, unlinked)
        self.assertFalse(linked.exists())
        self.assertEqual(unlinked.linked_contact_id, contact)
        self.assertEqual(contact.business_relation_ids.partner_id, unlinked)
        self.assertEqual(contact.contact_business_relation, "customer")
        self.assertValidLinks()

    def test_merge_two_linked_customers(self):
        first, second = (
            self.make_contact("First Contact"),
            self.make_contact("Second Contact"),
        )
        kept, merged = first.create_customer(), second.create_customer()
        second.link_vendor(merged)
        second_no = second.contact_no
        self.merge(kept | merged, kept)
        self.assertEqual(kept.linked_contact_id, first)
        self.assertEqual(first.business_relation_ids.partner_id, kept)
        # the second contact is merged into the first: its vendor link with it
        self.assertFalse(second.exists(), "no look-alike left behind")
        kinds = sorted(first.business_relation_ids.mapped("link_to"))
        self.assertEqual(kinds, ["customer", "vendor"])
        self.assertEqual(first.contact_business_relation, "multiple")
        notes = [str(body) for body in first.message_ids.mapped("body")]
        self.assertTrue(
            any(second_no in body and "were merged" in body for body in notes),
            "the kept contact's chatter says so",
        )
        self.assertValidLinks()

    def test_merge_wizard_says_what_each_partner_is(self):
        contact = self.make_contact("Role Contact")
        customer = contact.create_customer()
        contact.link_vendor(customer)
        plain = self.make_customer("Role Plain")
        self.assertEqual(contact.contact_sync_role, f"Contact {contact.contact_no}")
        self.assertEqual(
            customer.contact_sync_role, f"Customer / Vendor of {contact.contact_no}"
        )
        self.assertFalse(plain.contact_sync_role)
        view = self.env.ref("base.base_partner_merge_automatic_wizard_form")
        arch = self.env["base.partner.merge.automatic.wizard"].get_view(view.id)["arch"]
        self.assertIn('name="contact_sync_role"', arch)

    def test_merge_customer_without_contact_keeps_the_other_contact(self):
        contact = self.make_contact("Only Contact")
        linked = contact.create_customer()
        plain = self.make_customer("Plain Customer")
        self.merge(linked | plain, plain)
        self.assertTrue(contact.exists())
        self.assertEqual(plain.linked_contact_id, contact)
        self.assertValidLinks()

    def test_merge_customer_and_vendor_of_one_contact(self):
        contact = self.make_contact("Both Contact")
        customer = contact.create_customer()
        vendor = self.make_vendor("Separate Vendor")
        contact.link_vendor(vendor, master="contact")
        self.assertNotEqual(customer, vendor)
        self.merge(customer | vendor, customer)
        self.assertEqual(contact.contact_business_relation, "multiple")
        self.assertEqual(contact.business_relation_ids.partner_id, customer)
        self.assertValidLinks()

    def test_merge_two_contacts(self):
        kept, merged = (
            self.make_contact("Kept Contact"),
            self.make_contact("Merged Contact"),
        )
        kept.create_customer()
        lost_customer = merged.create_customer()
        vendor = merged.create_vendor()
        self.assertEqual(vendor, lost_customer)
        self.merge(kept | merged, kept)
        self.assertFalse(merged.exists())
        self.assertEqual(
            sorted(kept.business_relation_ids.mapped("link_to")), ["customer", "vendor"]
        )
        self.assertEqual(kept.contact_business_relation, "multiple")
        self.assertTrue(lost_customer.exists())
        self.assertValidLinks()

    def test_merge_contact_with_customer_refused(self):
        contact = self.make_contact("A Contact")
        customer = self.make_customer("A Customer")
        with self.assertRaisesRegex(UserError, "A Contact"):
            self.merge(contact | customer, customer)
        self.assertTrue(contact.exists() and customer.exists())

    def test_merge_holders_of_bank_accounts(self):
        """Customers' accounts are their own data: no contact is made for them, and
        Odoo's merge of their duplicate accounts leaves no link behind."""
        kept, merged = (
            self.make_customer("Kept Holder"),
            self.make_customer("Merged Holder"),
        )
        bank = self.env["res.bank"].create({"name": "Merge Bank"})
        Account = self.env["res.partner.bank"]
        accounts = Account.create(
            [
                {
                    "acc_number": "BE68539007547034",
                    "partner_id": p.id,
                    "bank_id": bank.id,
                }
                for p in (kept, merged)
            ]
        )
        self.assertFalse(accounts.contact_id, "codes set, yet no contact")
        self.merge(kept | merged, kept)
        self.assertFalse(self.Link.search([("bank_account_id", "in", accounts.ids)]))
        self.assertValidLinks()
