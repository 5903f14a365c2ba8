# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every refusal of the design: a clear error naming the records, and nothing written.

The refusals of the public API are checked without any savepoint: the database (and
the cache, flushed) is compared before and after the call, so a refusal that comes after
a first write would show. Refusals made by constraints are checked the way Odoo runs
them (the request's savepoint is rolled back).
"""

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.contact_partner_sync.contact_partner_sync.invariants import (
    SyncInvariants,
)

from .common import CODE_FIELDS, ContactSyncCase

STATE_FIELDS = [
    "name",
    "phone",
    "email",
    "city",
    "vat",
    "is_contact",
    "is_company",
    "company_id",
    "customer_rank",
    "supplier_rank",
    "parent_id",
]


@tagged("post_install", "-at_install")
class TestRefusals(ContactSyncCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_b = cls.env["res.company"].create({"name": "Refusing Company"})
        cls.contact = cls.make_contact("Refusing Contact", phone="+358 1")
        cls.customer = cls.contact.create_customer()
        cls.account = cls.contact.create_bank_account("FI2112345600000785")
        cls.free_contact = cls.make_contact("Free Contact", city="Oulu")
        cls.free_customer = cls.make_customer("Free Customer", city="Vaasa")
        cls.customer_b = cls.make_customer("Customer Of B", company_id=cls.company_b.id)
        cls.contact_a = cls.make_contact("Contact Of A", company_id=cls.company.id)
        cls.customer_a = cls.contact_a.create_customer()
        cls.account_a = cls.contact_a.create_bank_account("NL91ABNA0417164300")
        cls.person = cls.make_contact("Lonely Person", is_company=False)
        cls.vendor_template = cls.env["contact.partner.template"].create(
            {"name": "Vendor Template", "link_to": "vendor"}
        )
        cls.account_no_bank = cls.make_bank_account("FI5542345670000081")
        cls.account_no_bank.bank_id = False

    def state(self):
        """Everything a refusal must leave alone."""
        env = self.env
        env.flush_all()
        env.invalidate_all()
        Partner = env["res.partner"].with_context(active_test=False)
        return {
            "links": env["contact.business.relation"].search_read(
                [], ["contact_id", "link_to", "partner_id", "bank_account_id"]
            ),
            "partners": Partner.search_read([], STATE_FIELDS),
            "accounts": env["res.partner.bank"]
            .with_context(active_test=False)
            .search_read([], ["acc_number", "partner_id", "bank_id", "active"]),
            "banks": env["res.bank"].search_read([], ["name", "bic", "phone"]),
            "relations": env["business.relation"].search_read([], ["code"]),
            "companies": env["res.company"].search_read([], list(CODE_FIELDS)),
        }

    def assertRefused(self, call, *names, error=UserError):
        """``call()`` raises ``error`` naming ``names``, without writing anything."""
        before = self.state()
        try:
            call()
        except error as exc:
            message = str(exc.args[0])
        else:
            self.fail(f"{call} was not refused")
        for name in names:
            self.assertIn(name, message)
        self.assertEqual(self.state(), before, f"{message}: something was written")
        return message

    def test_link_refusals(self):
        contact, customer = self.free_contact, self.free_customer
        self.assertRefused(
            lambda: self.contact.link_customer(customer),
            "Refusing Contact",
            "is already linked",
        )
        self.assertRefused(
            lambda: contact.link_customer(self.customer),
            "Refusing Contact",
            "is already linked",
        )
        self.assertRefused(
            lambda: contact.link_customer(self.contact_a),
            "Contact Of A",
            "is a contact",
        )
        self.assertRefused(
            lambda: contact.link_vendor(self.company.partner_id),
            self.company.partner_id.name,
        )
        self.assertRefused(
            lambda: self.contact_a.link_vendor(self.customer_b),
            "Contact Of A",
            "Customer Of B",
            "Refusing Company",
            error=ValidationError,
        )
        self.assertRefused(
            lambda: contact.link_customer(customer, master="vendor"),
            "Unknown master vendor",
        )
        self.assertRefused(
            lambda: customer.link_customer(customer), "Free Customer", "not a contact"
        )
        self.assertRefused(
            lambda: contact.link_bank_account(self.account_no_bank),
            self.account_no_bank.acc_number,
            "has no bank",
        )
        self.assertRefused(
            lambda: contact.link_bank_account(self.account),
            "Refusing Contact",
        )
        self.assertRefused(
            lambda: self.person.link_bank_account(self.account),
            "Lonely Person",
            "only company contacts",
        )
        with self.codes_unset():
            self.assertRefused(
                lambda: contact.link_customer(customer),
                "Settings > Relationship Management",
                self.company.name,
            )

    def test_create_from_contact_refusals(self):
        self.assertRefused(
            self.contact.create_customer, "Refusing Contact", "is already linked"
        )
        self.assertRefused(
            lambda: self.free_contact.create_customer(self.vendor_template),
            "Vendor Template",
            "Free Contact",
        )
        self.assertRefused(
            self.free_customer.create_vendor, "Free Customer", "not a contact"
        )
        self.assertRefused(
            lambda: self.free_contact.create_bank_account(""),
            "Free Contact",
            "account number",
        )
        self.assertRefused(
            lambda: self.free_contact.create_bank_account(self.account.acc_number),
            self.account.acc_number,
        )
        with self.codes_unset():
            for method in ("create_customer", "create_vendor"):
                self.assertRefused(
                    getattr(self.free_contact, method),
                    "Settings > Relationship Management",
                )
            self.assertRefused(
                lambda: self.free_contact.create_bank_account("BE68539007547034"),
                "Settings > Relationship Management",
            )
        # a contact standing for a bank gets another account there: no refusal
        second = self.contact.create_bank_account("BE68539007547034")
        self.assertEqual(second.bank_id, self.account.bank_id)

    def test_batch_refusal_creates_no_contact_at_all(self):
        """``create_contacts`` refuses the whole batch when one partner's company
        has no code: the partners before it get no contact either."""
        first = self.make_customer("First Of Batch")
        last = self.make_customer("Last Of Batch", company_id=self.company_b.id)
        self.assertRefused(
            (first | last).create_contacts,
            "Refusing Company",
            "Settings > Relationship Management",
        )
        self.assertRefused(
            (self.account_no_bank | self.make_other_account()).create_contacts,
            "Refusing Company",
        )
        self.assertRefused(
            self.make_contact("No Customer").action_create_contact,
            "No Customer",
            "neither a customer nor a vendor",
        )

    def make_other_account(self):
        with self.codes_unset():
            return self.env["res.partner.bank"].create(
                {
                    "acc_number": "DE89370400440532013000",
                    "partner_id": self.company_b.partner_id.id,
                    "bank_id": self.env["res.bank"].create({"name": "B Bank"}).id,
                }
            )

    def test_merge_and_delete_refusals(self):
        wizard = self.env["base.partner.merge.automatic.wizard"].create(
            {
                "partner_ids": [(6, 0, (self.free_contact | self.free_customer).ids)],
                "dst_partner_id": self.free_customer.id,
                "state": "selection",
            }
        )
        self.assertRefused(wizard.action_merge, "Free Contact", "Free Customer")
        self.assertRefused(
            self.relation_customer.unlink, "[CUST] Customer is used by the contact"
        )

    def test_constraint_refusals(self):
        """Refused by constraints, rolled back with the request's savepoint."""
        checker = SyncInvariants(self.env)
        before = self.state()
        cases = [
            (lambda: self.customer.write({"is_contact": True}), "Refusing Contact"),
            (
                lambda: self.contact.write({"is_contact": False}),
                "Refusing Contact",
            ),
            (
                lambda: self.company.write(
                    {"vendor_business_relation_id": self.relation_customer.id}
                ),
                self.company.name,
            ),
            (
                lambda: self.customer_a.write({"company_id": self.company_b.id}),
                "Refusing Company",
            ),
            (
                lambda: self.contact_a.write({"company_id": self.company_b.id}),
                "Refusing Company",
            ),
            (
                lambda: self.account_a.write({"partner_id": self.customer_b.id}),
                "Refusing Company",
            ),
        ]
        for call, name in cases:
            with self.assertRaises(ValidationError) as caught:
                call()
            self.assertIn(name, str(caught.exception))
        self.assertEqual(self.state(), before)
        checker.assert_ok(self)


@tagged("post_install", "-at_install")
class TestImport(ContactSyncCase):
    """CSV imports (``load``) create the contacts of customers, or fail cleanly."""

    def load(self, model, fields, rows):
        result = self.env[model].load(fields, rows)
        errors = [m for m in result["messages"] if m["type"] == "error"]
        return result["ids"], errors

    def test_import_customers_creates_their_contacts(self):
        ids, errors = self.load(
            "res.partner",
            ["name", "customer_rank", "supplier_rank", "email", "phone", "is_company"],
            [
                ["Imported Oy", "1", "0", "info@imported.example.com", "+358 1", "1"],
                ["Imported AB", "0", "1", "", "+46 1", "1"],
                ["Imported Both", "1", "1", "", "", "1"],
            ],
        )
        self.assertFalse(errors)
        partners = self.Partner.browse(ids)
        self.assertEqual(len(partners.linked_contact_id), 3)
        for partner in partners:
            contact = partner.linked_contact_id
            self.assertEqual(
                (contact.name, contact.email, contact.phone),
                (partner.name, partner.email, partner.phone),
            )
            self.assertTrue(contact.contact_no.startswith("CT"))
        self.assertEqual(
            partners.mapped("linked_contact_id.contact_business_relation"),
            ["customer", "vendor", "multiple"],
        )
        SyncInvariants(self.env).assert_ok(self)

    def test_failed_import_leaves_nothing(self):
        checker = SyncInvariants(self.env)
        before = checker.snapshot()
        count = self.Partner.with_context(active_test=False).search_count([])
        ids, errors = self.load(
            "res.partner",
            ["name", "customer_rank", "country_id"],
            [
                ["Good Import", "1", "Finland"],
                ["Bad Import", "1", "Atlantis"],
            ],
        )
        self.assertFalse(ids)
        self.assertEqual(len(errors), 1)
        self.assertIn("Atlantis", errors[0]["message"])
        self.assertEqual(
            self.Partner.with_context(active_test=False).search_count([]), count
        )
        self.assertFalse(self.Partner.search([("name", "like", "Import")]))
        checker.assert_ok(self, before)

    def test_import_updates_propagate(self):
        contact = self.make_contact("Updated By Import")
        customer = contact.create_customer()
        self.env["ir.model.data"].create(
            {
                "name": "imported_customer",
                "module": "__import__",
                "model": "res.partner",
                "res_id": customer.id,
            }
        )
        ids, errors = self.load(
            "res.partner",
            ["id", "phone", "city"],
            [["__import__.imported_customer", "+358 40", "Lahti"]],
        )
        self.assertFalse(errors)
        self.assertEqual(ids, customer.ids)
        self.assertEqual((contact.phone, contact.city), ("+358 40", "Lahti"))
        SyncInvariants(self.env).assert_ok(self)

    def test_import_contacts_and_bank_accounts(self):
        ids, errors = self.load(
            "res.partner",
            ["name", "is_contact", "is_company"],
            [["Imported Contact", "1", "1"]],
        )
        self.assertFalse(errors)
        contact = self.Partner.browse(ids)
        self.assertTrue(contact.contact_no)
        self.assertEqual(contact.contact_business_relation, "none")
        bank = self.env["res.bank"].create({"name": "Import Bank", "city": "Pori"})
        ids, errors = self.load(
            "res.partner.bank",
            ["acc_number", "partner_id/.id", "bank_id/.id"],
            [
                ["FI2112345600000785", str(self.company.partner_id.id), str(bank.id)],
                ["FI5542345670000081", str(self.company.partner_id.id), ""],
            ],
        )
        self.assertFalse(errors)
        with_bank, without_bank = self.env["res.partner.bank"].browse(ids)
        self.assertEqual(
            (with_bank.contact_id.name, with_bank.contact_id.city),
            ("Import Bank", "Pori"),
        )
        self.assertFalse(without_bank.contact_id)
        SyncInvariants(self.env).assert_ok(self)
