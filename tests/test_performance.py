# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Query counts of the hot paths: the synchronization costs a constant number of
queries, whatever the number of records (see README, "Performance").

Each count is asserted for 2 and for 10 records. Where they differ, the difference is
Odoo's own cost of creating a partner (one query per new partner for the default of
``display_invoice_template_pdf_report_id`` in ``account``), asserted on a plain create
in the same test. The records are browsed by ids, as the web client gives them, and
the ormcaches are warm (``@warmup``)."""

from odoo.tests import tagged, warmup

from odoo.addons.contact_partner_sync.contact_partner_sync.compat import (
    PREFETCH_MAX,
    SINCE_19,
)
from odoo.addons.contact_partner_sync.contact_partner_sync.readers import (
    read_values_multi,
)

from .common import ContactSyncCase

# Odoo's own costs differ by series (the addon's do not): 19.0 writes a partner's
# comment in 4 queries (18.0: 3) and makes no query per new partner
NON_SYNCED_WRITE = 4 if SINCE_19 else 3
# (n, plain create of n partners, create of n customers with their contacts)
AUTO_CREATE = ((2, 7, 15), (10, 4, 15)) if SINCE_19 else ((2, 7, 18), (10, 15, 34))
# (n, create_contacts() of n customers)
CREATE_CONTACTS = ((2, 18), (10, 18)) if SINCE_19 else ((2, 17), (10, 25))
UNLINK_CONTACTS = 29 if SINCE_19 else 28
BANK_CHANGE = 16 if SINCE_19 else 16


@tagged("post_install", "-at_install")
class TestPerformance(ContactSyncCase):
    SIZES = (2, 10)

    def fresh(self, records):
        """``records`` as a client gives them: browsed by ids, with a cold cache."""
        self.env.flush_all()
        self.env.invalidate_all()
        return records.browse(records.ids)

    def linked_customers(self, n, tag="Perf"):
        """n customers, each with its (automatically created) contact."""
        return self.Partner.create(
            [
                {"name": f"{tag} {i}", "is_company": True, "customer_rank": 1}
                for i in range(n)
            ]
        )

    def plain_partners(self, n, tag="Plain"):
        """n customers without contact."""
        with self.codes_unset():
            return self.Partner.create(
                [
                    {"name": f"{tag} {i}", "is_company": True, "customer_rank": 1}
                    for i in range(n)
                ]
            )

    # ------------------------------------------------------------------ writes
    @warmup
    def test_batch_write_plain(self):
        """The baseline of the synchronized writes below: plain partners (8
        queries). A synchronized write costs 5 or 6 more, whatever the number of
        records: the links, the lock of the contacts (see contact.partner.sync), and
        reading the counterparts (their rows, children, users) for their own
        write."""
        for n in self.SIZES:
            plain = self.fresh(self.plain_partners(n))
            with self.assertQueryCount(8):
                plain.write({"phone": f"+1 554 {n}"})
            self.assertEqual(plain.mapped("phone"), [f"+1 554 {n}"] * n)

    @warmup
    def test_batch_write_from_contacts(self):
        """contact -> customer: the same count for 2 and 10 contacts."""
        for n in self.SIZES:
            customers = self.linked_customers(n)
            contacts = self.fresh(customers.linked_contact_id)
            with self.assertQueryCount(14):
                contacts.write({"phone": f"+1 555 {n}"})
            self.assertEqual(customers.mapped("phone"), [f"+1 555 {n}"] * n)

    @warmup
    def test_batch_write_from_customers(self):
        """customer -> contact: the same count for 2 and 10 customers."""
        for n in self.SIZES:
            customers = self.fresh(self.linked_customers(n))
            with self.assertQueryCount(13):
                customers.write({"city": f"City {n}"})
            self.assertEqual(
                customers.linked_contact_id.mapped("city"), [f"City {n}"] * n
            )

    def test_batch_write_over_prefetch_max(self):
        """Over PREFETCH_MAX records (1000) the propagation reads and writes by
        chunks of records that prefetch themselves, as the ORM iterates a large
        recordset: every counterpart gets the value, the values read keep the order
        of the records, and the queries are the plain write's for the 2N records
        written plus a constant, as for 2 or 10 records."""
        n = PREFETCH_MAX + 50
        plain = self.plain_partners(n)
        customers = self.linked_customers(n)
        values = read_values_multi(
            self.fresh(customers), {"name": "name", "contact": "linked_contact_id"}
        )
        self.assertEqual(
            list(values.items()),
            [
                (customer.id, {"name": customer.name, "contact": contact.id})
                for customer, contact in zip(
                    customers, customers.linked_contact_id, strict=True
                )
            ],
        )
        plain, both = self.fresh(plain), self.fresh(plain | self.plain_partners(n))
        counts = []
        for records, vals in (
            (plain, {"city": "Plain big"}),
            (both, {"city": "Plain big, twice"}),
            (self.fresh(customers), {"city": "City big"}),
            (self.fresh(customers.linked_contact_id), {"phone": "+1 558 1050"}),
        ):
            self.env.invalidate_all()
            start = self.cr.sql_log_count
            records.write(vals)
            self.env.flush_all()
            counts.append(self.cr.sql_log_count - start)
        self.assertEqual(customers.linked_contact_id.mapped("city"), ["City big"] * n)
        self.assertEqual(customers.mapped("phone"), ["+1 558 1050"] * n)
        plain_count, twice_count, from_customers, from_contacts = counts
        # the 2N rows written cost what a plain write of 2N rows costs, plus the
        # constant of test_batch_write_from_customers / _from_contacts (5 or 6),
        # plus one read: the two sets of N rows are read by chunks of their own,
        # 2 x 2 chunks, where one set of 2N rows is read in 3
        self.assertGreater(twice_count, plain_count)
        self.assertLessEqual(from_customers, twice_count + 7)
        self.assertLessEqual(from_contacts, twice_count + 7)

    @warmup
    def test_one_by_one_write_from_contacts(self):
        """Writing the contacts of a recordset one at a time costs no query per
        record: what the propagation reads is prefetched for all of them, and the
        first write locks the contacts of all of them."""
        for n in self.SIZES:
            customers = self.linked_customers(n)
            contacts = self.fresh(customers.linked_contact_id)
            with self.assertQueryCount(15):
                for contact in contacts:
                    contact.write({"phone": f"+1 556 {n}"})
            self.assertEqual(customers.mapped("phone"), [f"+1 556 {n}"] * n)

    @warmup
    def test_one_by_one_write_from_customers(self):
        """The same from the customers: their contacts and the links of these are
        read once for all of them. An address field costs Odoo one query per
        write() (snailmail's check of the letters of the partner), paid for the
        contact's write too: one query per record more than plain partners,
        within the budget of 2."""
        for n, plain_count, count in ((2, 7, 16), (10, 15, 32)):
            plain = self.fresh(self.plain_partners(n))
            with self.assertQueryCount(plain_count):
                for partner in plain:
                    partner.write({"city": f"Plain one {n}"})
            customers = self.fresh(self.linked_customers(n))
            with self.assertQueryCount(count):
                for customer in customers:
                    customer.write({"city": f"City one {n}"})
            self.assertEqual(
                customers.linked_contact_id.mapped("city"), [f"City one {n}"] * n
            )

    @warmup
    def test_non_synced_write_costs_as_plain(self):
        """A field that is not synchronized: the same queries as on plain
        partners."""
        for n in self.SIZES:
            plain = self.fresh(self.plain_partners(n))
            with self.assertQueryCount(NON_SYNCED_WRITE):
                plain.write({"comment": "<p>plain</p>"})
            contacts = self.fresh(self.linked_customers(n).linked_contact_id)
            with self.assertQueryCount(NON_SYNCED_WRITE):
                contacts.write({"comment": "<p>contact</p>"})
            customers = self.fresh(contacts.business_relation_ids.partner_id)
            with self.assertQueryCount(NON_SYNCED_WRITE):
                customers.write({"comment": "<p>customer</p>"})

    # ------------------------------------------------------------------ creation
    @warmup
    def test_auto_create_on_batch_create(self):
        """Creating n customers with their contacts costs what a plain create of 2n
        partners costs (18.0: Odoo's own query per new partner), plus a constant: on
        18.0 7 + (2n - 2) + 9 (one of them the touch of the new links' sides, see
        contact.business.relation, one the check that no number drawn is in use);
        19.0 makes no query per partner."""
        for n, plain_count, count in AUTO_CREATE:
            with self.codes_unset(), self.assertQueryCount(plain_count):
                self.Partner.create(
                    [{"name": f"P{i}", "customer_rank": 1} for i in range(n)]
                )
            self.env.invalidate_all()
            with self.assertQueryCount(count):
                customers = self.Partner.create(
                    [{"name": f"C{i}", "customer_rank": 1} for i in range(n)]
                )
            self.assertEqual(len(customers.linked_contact_id), n)

    @warmup
    def test_create_contacts(self):
        """create_contacts() of n existing customers costs what a plain create of n
        partners costs (18.0: 7 + n - 2, see above), plus a constant: 10."""
        for n, count in CREATE_CONTACTS:
            partners = self.fresh(self.plain_partners(n))
            with self.assertQueryCount(count):
                contacts = partners.create_contacts()
            self.assertEqual(len(contacts), n)
            self.assertEqual(partners.linked_contact_id, contacts)

    # ------------------------------------------------------------------ banks
    @warmup
    def test_bank_change(self):
        """A change of a bank reaches the contact of its n accounts (one contact per
        bank) in a constant number of queries."""
        for n in self.SIZES:
            bank = self.env["res.bank"].create({"name": f"Perf Bank {n}"})
            accounts = self.env["res.partner.bank"].create(
                [
                    {
                        "acc_number": f"PERF{n}X{i}",
                        "partner_id": self.company.partner_id.id,
                        "bank_id": bank.id,
                    }
                    for i in range(n)
                ]
            )
            bank = self.fresh(bank)
            # the one contact of the bank reads its n links as one list
            with self.assertQueryCount(BANK_CHANGE):
                bank.write({"phone": f"+1 557 {n}"})
            self.assertEqual(accounts.contact_id.mapped("phone"), [f"+1 557 {n}"])

    # ------------------------------------------------------------------ unlink
    @warmup
    def test_unlink_contacts(self):
        """Deleting contacts removes their links (touching their customers, see
        docs/RELIABILITY.md) and notes it on their customers in a constant number
        of queries."""
        for n in self.SIZES:
            customers = self.linked_customers(n)
            contacts = self.fresh(customers.linked_contact_id)
            with self.assertQueryCount(UNLINK_CONTACTS):
                contacts.unlink()
            self.assertFalse(customers.linked_contact_id)
