# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Concurrent transactions on linked records.

Real cursors (not the test cursor of a TransactionCase): the records are committed
first and deleted again at the end. PostgreSQL runs Odoo's transactions in REPEATABLE
READ: the second writer of the rows both transactions touch (the contact and its
customer, since a change of either is written to the other) gets a serialization
failure, which Odoo's request handling retries (``odoo.service.model.retrying``) on a
fresh snapshot. Either way the contact and the customer end up identical.

``TestLinkRaces``: a link made while another transaction propagates a change through
the contact. The propagation cannot see the new link, and the link copies the values
its own snapshot shows: unless both touch a common row, each commits its half and the
linked record keeps the contact's old values. Every operation that makes a link
touches both sides, so one of the two is refused and retried.

``TestLockOrder`` (in a test transaction): the statements that take the locks, in
the order they run.
"""

import re
from functools import partial
from unittest.mock import patch

from psycopg2.errors import SerializationFailure

from odoo.service.model import retrying
from odoo.sql_db import Cursor
from odoo.tests import tagged
from odoo.tools import SQL, mute_logger

from odoo.addons.contact_partner_sync.contact_partner_sync.invariants import (
    SyncInvariants,
)

from .common import CODE_FIELDS, CommittedCursorCase, ContactSyncCase


@tagged("post_install", "-at_install")
class TestConcurrentEdits(CommittedCursorCase):
    """Two transactions write the two sides of one link."""

    NAME = "Concurrent"
    CODES = ("customer",)

    def setUp(self):
        super().setUp()

        def make(env):
            contact = env["res.partner"].create(
                {"name": "Concurrent Oy", "is_contact": True, "is_company": True}
            )
            return {"contact": contact, "customer": contact.create_customer()}

        ids = self.committed(make)
        self.contact_id, self.customer_id = ids["contact"], ids["customer"]

    def assertConsistent(self, **expected):
        """The committed contact and customer carry ``expected`` both."""
        with self.registry.cursor() as cr:
            env = self.env_of(cr)
            contact = env["res.partner"].browse(self.contact_id)
            customer = env["res.partner"].browse(self.customer_id)
            self.assertEqual(customer.linked_contact_id, contact)
            for fname, value in expected.items():
                self.assertEqual(
                    (contact[fname], customer[fname]), (value, value), fname
                )

    def test_later_writer_is_refused_then_retried(self):
        """The second transaction took its snapshot before the first committed: its
        write is refused, Odoo's retry redoes it on the committed state."""
        with self.registry.cursor() as cr1, self.registry.cursor() as cr2:
            env1, env2 = self.env_of(cr1), self.env_of(cr2)
            customer2 = env2["res.partner"].browse(self.customer_id)
            self.assertEqual(customer2.phone, False)  # cr2's snapshot starts here

            env1["res.partner"].browse(self.contact_id).write({"phone": "+358 1"})
            cr1.commit()

            with self.assertRaises(SerializationFailure), mute_logger("odoo.sql_db"):
                customer2.write({"phone": "+358 2", "city": "Turku"})
                cr2.flush()
            cr2.rollback()

            tries = []

            def edit_customer():
                tries.append(len(tries) + 1)
                env2["res.partner"].browse(self.customer_id).write(
                    {"phone": "+358 2", "city": "Turku"}
                )

            # the same refusal inside Odoo's retry loop: the second try passes
            self.assertEqual(
                env2["res.partner"].browse(self.contact_id).phone, "+358 1"
            )
            cr1_contact = env1["res.partner"].browse(self.contact_id)
            cr1_contact.write({"city": "Espoo"})
            cr1.flush()
            self.assertEqual(
                env2["res.partner"].browse(self.customer_id).city, False
            )  # a new snapshot of cr2, taken before cr1 commits
            cr1.commit()
            with mute_logger("odoo.sql_db", "odoo.service.model"):
                retrying(edit_customer, env2)
            self.assertEqual(tries, [1, 2])
        self.assertConsistent(phone="+358 2", city="Turku")

    def test_simultaneous_writes_one_waits_then_retries(self):
        """Both transactions in flight: the customer's writer waits for the
        contact's writer (row lock), is refused when that one commits, and Odoo's
        retry writes on top of it."""

        def first(env):
            env["res.partner"].browse(self.contact_id).write(
                {"phone": "+358 1", "email": "first@example.com"}
            )  # the contact and its customer are locked by the first transaction

        def edit_customer(env):
            env["res.partner"].browse(self.customer_id).write({"phone": "+358 2"})

        tries, committed = self.concurrently(first, edit_customer)
        self.assertEqual(len(tries), 2, "refused once, then retried")
        self.assertLess(tries[0], committed, "the first try waited for cr1")
        self.assertConsistent(phone="+358 2", email="first@example.com")

    def test_conflicting_batch_writes_retried_to_success(self):
        """A batch write of customers meets a batch write of contacts in flight on
        one linked pair (the load test's batch writes): it waits, is refused when
        the contacts' writer commits, and Odoo's retry passes on top of it; every
        pair ends identical on both sides."""

        def make(env):
            contacts = env["res.partner"].create(
                [
                    {
                        "name": f"Concurrent Batch {i}",
                        "is_contact": True,
                        "is_company": True,
                    }
                    for i in range(3)
                ]
            )
            return {f"contact{i}": c for i, c in enumerate(contacts)} | {
                f"customer{i}": c.create_customer() for i, c in enumerate(contacts)
            }

        ids = self.committed(make)
        contacts = [ids["contact0"], ids["contact1"], self.contact_id]
        customers = [ids["customer1"], ids["customer2"], self.customer_id]

        def first(env):
            env["res.partner"].browse(contacts).write({"city": "Oulu"})

        def second(env):
            env["res.partner"].browse(customers).write({"phone": "+358 9"})

        tries, committed = self.concurrently(first, second)
        self.assertEqual(len(tries), 2, "refused once, then retried")
        self.assertLess(tries[0], committed, "the first try waited for the first")
        self.assertConsistent(phone="+358 9", city="Oulu")
        with self.registry.cursor() as cr:
            Partner = self.env_of(cr)["res.partner"]
            for i in range(3):
                contact = Partner.browse(ids[f"contact{i}"])
                customer = Partner.browse(ids[f"customer{i}"])
                self.assertEqual(
                    (customer.phone, customer.city), (contact.phone, contact.city)
                )
            self.assertEqual(Partner.browse(ids["contact0"]).phone, False)
            self.assertEqual(Partner.browse(ids["customer2"]).phone, "+358 9")
            self.assertEqual(Partner.browse(ids["customer2"]).city, False)


RACE = "Race"  # the names of every record the races commit (deleted at the end)


@tagged("post_install", "-at_install")
class TestLinkRaces(CommittedCursorCase):
    """Each link-making operation against a concurrent synchronized write that reaches
    the contact, in both orders: the snapshot of the link predates the write's commit
    (the link is refused, then retried), or the snapshot of the write predates the
    link's commit (the write is). Both sides are equal at the end, every time.

    The contact of a race already has links of the other kinds, so that its
    business relation ("multiple") does not change: without the touch of the link,
    nothing the link writes is a row the other transaction writes, and the links,
    bank changes and bank accounts' contacts below end with the two sides different
    in both orders. Creating a customer or vendor from a contact, the contact of an
    existing customer and a merge write a row of the other side anyway (the contact's
    business relation, the reused partner's rank, the customer's contact, the kept
    partner): they are raced too, so that this stays true."""

    NAME = RACE

    # ------------------------------------------------------------------ the records
    def cluster(self, *free):
        """A contact (phone +358 1) linked to a customer, a vendor and a bank account
        but the kinds ``free``; {name: id} of the contact and its linked records."""

        def make(env):
            Partner = env["res.partner"]
            contact = Partner.create(
                {
                    "name": f"{RACE} Oy",
                    "is_contact": True,
                    "is_company": True,
                    "phone": "+358 1",
                    "city": "Turku",
                }
            )
            records = {"contact": contact}
            if "customer" not in free:
                records["customer"] = contact.create_customer()
            if "vendor" not in free:
                # a vendor of its own (not the customer made a vendor too)
                vendor = self.unlinked_partner(env, "Vendor", "supplier_rank")
                contact.link_vendor(vendor)
                records["vendor"] = vendor
            if "bank_account" not in free:
                account = contact.create_bank_account(f"{RACE.upper()}0")
                records.update(account=account, bank=account.bank_id)
            return records

        return self.committed(make)

    @staticmethod
    def unlinked_partner(env, name, rank, **vals):
        """A customer / vendor without contact, as made before the codes were set."""
        company = env.company
        codes = {fname: company[fname] for fname in CODE_FIELDS}
        company.write(dict.fromkeys(CODE_FIELDS, False))
        partner = env["res.partner"].create(
            dict({"name": f"{RACE} {name}", "is_company": True, rank: 1}, **vals)
        )
        company.write({fname: record.id for fname, record in codes.items()})
        return partner

    @staticmethod
    def unlinked_account(env, number, bank=None, **bank_vals):
        company = env.company
        codes = {fname: company[fname] for fname in CODE_FIELDS}
        company.write(dict.fromkeys(CODE_FIELDS, False))
        bank = bank or env["res.bank"].create(
            dict({"name": f"{RACE} Bank"}, **bank_vals)
        )
        account = env["res.partner.bank"].create(
            {
                "acc_number": number,
                "partner_id": company.partner_id.id,
                "bank_id": bank.id,
            }
        )
        company.write({fname: record.id for fname, record in codes.items()})
        return account

    # ------------------------------------------------------------------ the races
    def assertSynchronized(self, contact_id, **expected):
        """The committed database holds every invariant (the contact and all its
        linked records are equal), and the contact has ``expected``."""
        with self.registry.cursor() as cr:
            env = self.env_of(cr)
            problems = SyncInvariants(env).violations()
            self.assertFalse(problems, "\n".join(problems))
            contact = env["res.partner"].browse(contact_id)
            for fname, value in expected.items():
                self.assertEqual(contact[fname], value, fname)

    def run_races(self, make, link, write, contact=None, **expected):
        """For each order: records from ``make()`` ({name: id}), ``link(env, ids)``
        against ``write(env, ids)``; the stale one is retried once, and at the end
        the contact (``contact(env, ids)``, by default ``ids["contact"]``) and all
        its linked records are equal, and the contact has ``expected``."""
        for order in ("link on a stale snapshot", "write on a stale snapshot"):
            with self.subTest(order=order):
                self.delete_committed()
                ids = make()
                pair = (partial(link, ids=ids), partial(write, ids=ids))
                stale, first = pair if order.startswith("link") else pair[::-1]
                tries = self.stale_then_retried(stale, first)
                with self.registry.cursor() as cr:
                    env = self.env_of(cr)
                    if contact:
                        contact_id = contact(env, ids).id
                    else:
                        contact_id = ids["contact"]
                    self.assertTrue(contact_id, "linked")
                self.assertSynchronized(contact_id, **expected)
                self.assertEqual(tries, 2, "the stale transaction is retried once")

    # ------------------------------------------------------------------ writes
    @staticmethod
    def write_vendor(env, ids):
        """A change of the contact's vendor, which reaches the contact."""
        env["res.partner"].browse(ids["vendor"]).write({"phone": "+358 2"})

    @staticmethod
    def write_bank(env, ids):
        """A change of the bank of the contact's account, which reaches the
        contact."""
        env["res.bank"].browse(ids["bank"]).write({"phone": "+358 2"})

    @staticmethod
    def write_customer(env, ids):
        env["res.partner"].browse(ids["customer"]).write({"phone": "+358 2"})

    # ------------------------------------------------------------------ link_*
    def test_link_customer(self):
        def make():
            ids = self.cluster("customer")
            ids.update(
                self.committed(
                    lambda env: {
                        "new": self.unlinked_partner(env, "X", "customer_rank")
                    }
                )
            )
            return ids

        def link(env, ids):
            env["res.partner"].browse(ids["contact"]).link_customer(ids["new"])

        self.run_races(make, link, self.write_vendor, phone="+358 2")

    def test_link_customer_customer_wins(self):
        """The customer's values win at link time: it has the contact's values (a
        link that changes nothing on the contact)."""

        def make():
            ids = self.cluster("customer")
            ids.update(
                self.committed(
                    lambda env: {
                        "new": self.unlinked_partner(
                            env, "Oy", "customer_rank", phone="+358 1", city="Turku"
                        )
                    }
                )
            )
            return ids

        def link(env, ids):
            env["res.partner"].browse(ids["contact"]).link_customer(
                ids["new"], master="customer"
            )

        self.run_races(make, link, self.write_vendor)

    def test_link_vendor(self):
        def make():
            ids = self.cluster("vendor")
            ids.update(
                self.committed(
                    lambda env: {
                        "new": self.unlinked_partner(env, "X", "supplier_rank")
                    }
                )
            )
            return ids

        def link(env, ids):
            env["res.partner"].browse(ids["contact"]).link_vendor(ids["new"])

        self.run_races(make, link, self.write_customer, phone="+358 2")

    def make_account_cluster(self, **bank_vals):
        ids = self.cluster("bank_account")
        ids.update(
            self.committed(
                lambda env: {
                    "new": self.unlinked_account(env, f"{RACE.upper()}1", **bank_vals)
                }
            )
        )
        return ids

    def test_link_bank_account(self):
        def link(env, ids):
            env["res.partner"].browse(ids["contact"]).link_bank_account(ids["new"])

        self.run_races(
            self.make_account_cluster, link, self.write_vendor, phone="+358 2"
        )

    def test_link_bank_account_bank_wins(self):
        """The bank's values win at link time: it has the contact's values (a link
        that changes nothing on the contact)."""

        def make():
            return self.make_account_cluster(
                name=f"{RACE} Oy", phone="+358 1", city="Turku"
            )

        def link(env, ids):
            env["res.partner"].browse(ids["contact"]).link_bank_account(
                ids["new"], master="bank_account"
            )

        self.run_races(make, link, self.write_vendor)

    def test_resume_and_resync(self):
        """A paused customer link switched on and realigned (in one transaction),
        while the contact changes."""

        def make():
            ids = self.cluster("customer")

            def paused(env):
                customer = self.unlinked_partner(env, "X", "customer_rank")
                contact = env["res.partner"].browse(ids["contact"])
                link = contact.link_customer(customer)
                link.sync_enabled = False
                customer.phone = "+358 9"
                return {"new": customer, "link": link}

            ids.update(self.committed(paused))
            return ids

        def link(env, ids):
            link = env["contact.business.relation"].browse(ids["link"])
            link.sync_enabled = True
            link.action_resync("contact")

        self.run_races(make, link, self.write_vendor, phone="+358 2")

    # ------------------------------------------------------------------ create_*
    def test_create_customer(self):
        """A new customer made from a contact linked to a bank account only (a
        contact with a vendor would make its vendor a customer too)."""

        def link(env, ids):
            env["res.partner"].browse(ids["contact"]).create_customer()

        self.run_races(
            lambda: self.cluster("customer", "vendor"),
            link,
            self.write_bank,
            phone="+358 2",
        )

    def test_create_customer_from_vendor(self):
        """The contact's vendor becomes its customer too."""

        def link(env, ids):
            customer = env["res.partner"].browse(ids["contact"]).create_customer()
            self.assertEqual(customer.id, ids["vendor"])

        def write(env, ids):
            env["res.bank"].browse(ids["bank"]).write({"phone": "+358 2"})

        self.run_races(lambda: self.cluster("customer"), link, write, phone="+358 2")

    def test_create_vendor(self):
        def link(env, ids):
            env["res.partner"].browse(ids["contact"]).create_vendor()

        self.run_races(
            lambda: self.cluster("customer", "vendor"),
            link,
            self.write_bank,
            phone="+358 2",
        )

    def test_create_bank_account(self):
        def link(env, ids):
            env["res.partner"].browse(ids["contact"]).create_bank_account(
                f"{RACE.upper()}1"
            )

        self.run_races(
            lambda: self.cluster("bank_account"),
            link,
            self.write_vendor,
            phone="+358 2",
        )

    def test_create_bank_account_at_existing_bank(self):
        """The bank of the BIC exists, with the contact's values; it changes in the
        other transaction."""

        def make():
            ids = self.cluster("bank_account")
            ids.update(
                self.committed(
                    lambda env: {
                        "bank": env["res.bank"].create(
                            {
                                "name": f"{RACE} Oy",
                                "phone": "+358 1",
                                "city": "Turku",
                                "bic": "RACEFIHH",
                            }
                        )
                    }
                )
            )
            return ids

        def link(env, ids):
            env["res.partner"].browse(ids["contact"]).create_bank_account(
                f"{RACE.upper()}1", bic="RACEFIHH"
            )

        def write(env, ids):
            env["res.bank"].browse(ids["bank"]).write({"phone": "+358 2"})

        self.run_races(make, link, write)

    # ------------------------------------------------------------ create_contacts()
    def test_create_contacts_of_customers(self):
        """The contact of an existing customer, which changes meanwhile (the link
        changes the customer's stored contact: a row both write anyway)."""

        def make():
            return self.committed(
                lambda env: {
                    "customer": self.unlinked_partner(env, "X", "customer_rank")
                }
            )

        def link(env, ids):
            env["res.partner"].browse(ids["customer"]).create_contacts()

        def write(env, ids):
            env["res.partner"].browse(ids["customer"]).write({"phone": "+358 2"})

        def contact(env, ids):
            return env["res.partner"].browse(ids["customer"]).linked_contact_id

        self.run_races(make, link, write, contact, phone="+358 2")

    def test_create_contacts_of_bank_accounts(self):
        """The contact of an existing account, from its bank, which changes
        meanwhile."""

        def make():
            return self.committed(
                lambda env: {"account": self.unlinked_account(env, f"{RACE.upper()}1")}
            )

        def link(env, ids):
            env["res.partner.bank"].browse(ids["account"]).create_contacts()

        def write(env, ids):
            env["res.partner.bank"].browse(ids["account"]).bank_id.write(
                {"phone": "+358 2"}
            )

        self.run_races(make, link, write, self.account_contact, phone="+358 2")

    def test_new_account_at_existing_bank(self):
        """A new bank account gets its contact from its bank (codes set), which
        changes meanwhile."""

        def make():
            return self.committed(
                lambda env: {"bank": env["res.bank"].create({"name": f"{RACE} Bank"})}
            )

        def link(env, ids):
            env["res.partner.bank"].create(
                {
                    "acc_number": f"{RACE.upper()}1",
                    "partner_id": env.company.partner_id.id,
                    "bank_id": ids["bank"],
                }
            )

        def write(env, ids):
            env["res.bank"].browse(ids["bank"]).write({"phone": "+358 2"})

        self.run_races(make, link, write, self.account_contact, phone="+358 2")

    @staticmethod
    def account_contact(env, ids):
        accounts = env["res.partner.bank"].search(
            [("acc_number", "=", f"{RACE.upper()}1")]
        )
        return accounts.contact_id

    # ------------------------------------------------------------------ changes
    def bank_change_races(self, write, **expected):
        """A linked account moves to another bank, which has the contact's values
        (the contact takes them: nothing to write), raced by ``write``."""

        def make():
            ids = self.cluster("customer")
            ids.update(
                self.committed(
                    lambda env: {
                        "new_bank": env["res.bank"].create(
                            {"name": f"{RACE} Oy", "phone": "+358 1", "city": "Turku"}
                        )
                    }
                )
            )
            return ids

        def link(env, ids):
            env["res.partner.bank"].browse(ids["account"]).write(
                {"bank_id": ids["new_bank"]}
            )

        self.run_races(make, link, write, **expected)

    def test_bank_change_of_linked_account(self):
        """The new bank changes meanwhile."""

        def write(env, ids):
            env["res.bank"].browse(ids["new_bank"]).write({"phone": "+358 2"})

        self.bank_change_races(write, phone="+358 2")

    def test_bank_change_against_contact_write(self):
        """The contact is written meanwhile (which reaches the former bank only, in
        the other transaction's eyes)."""

        def write(env, ids):
            env["res.partner"].browse(ids["contact"]).write({"phone": "+358 2"})

        self.bank_change_races(write)

    def test_merge_contacts(self):
        """A contact with a customer merged into one with a vendor and a bank
        account, whose vendor changes meanwhile."""

        def make():
            ids = self.cluster("customer")

            def merged(env):
                contact = env["res.partner"].create(
                    {"name": f"{RACE} Merged", "is_contact": True, "is_company": True}
                )
                return {"merged": contact, "merged_customer": contact.create_customer()}

            ids.update(self.committed(merged))
            return ids

        def link(env, ids):
            Partner = env["res.partner"]
            wizard = env["base.partner.merge.automatic.wizard"].create(
                {
                    "partner_ids": [(6, 0, [ids["contact"], ids["merged"]])],
                    "dst_partner_id": ids["contact"],
                    "state": "selection",
                }
            )
            wizard.action_merge()
            self.assertEqual(
                Partner.browse(ids["merged_customer"]).linked_contact_id.id,
                ids["contact"],
            )

        self.run_races(make, link, self.write_vendor, phone="+358 2")

    # ------------------------------------------------------------ both in flight
    def test_link_while_write_in_flight(self):
        """The write holds the contact (propagating) when the link starts: the link
        waits, is refused once the write commits, and is retried."""
        ids = self.cluster("customer")
        ids.update(
            self.committed(
                lambda env: {"new": self.unlinked_partner(env, "X", "customer_rank")}
            )
        )

        def first(env):
            self.write_vendor(env, ids)

        def second(env):
            env["res.partner"].browse(ids["contact"]).link_customer(ids["new"])

        self.in_flight(first, second, ids["contact"], phone="+358 2")

    def test_write_while_link_in_flight(self):
        """The link holds both sides when the write starts: the write waits, is
        refused once the link commits, and is retried (it then reaches the new
        customer)."""
        ids = self.cluster("customer")
        ids.update(
            self.committed(
                lambda env: {"new": self.unlinked_partner(env, "X", "customer_rank")}
            )
        )

        def first(env):
            env["res.partner"].browse(ids["contact"]).link_customer(ids["new"])

        def second(env):
            self.write_vendor(env, ids)

        self.in_flight(first, second, ids["contact"], phone="+358 2")

    def in_flight(self, first, second, contact_id, **expected):
        """``first(env)`` runs in a thread and holds its transaction open 1 s once
        flushed; meanwhile ``second(env)`` runs in Odoo's retry loop: it waits for
        the first, is refused when that one commits, and passes on its retry. At
        the end the contact is synchronized and has ``expected``."""
        tries, committed = self.concurrently(first, second)
        self.assertSynchronized(contact_id, **expected)
        self.assertEqual(len(tries), 2, "refused once, then retried")
        self.assertLess(tries[0], committed, "the first try waited")


@tagged("post_install", "-at_install")
class TestLockOrder(ContactSyncCase):
    """A propagation locks the banks of its contacts, then its contacts, ids sorted,
    before it writes anything; a link touches its sides before it is inserted."""

    def statements(self, func):
        """The writes and locks ``func()`` runs, flushed, as a new request would
        run them: (verb and table, code, params)."""
        self.env.flush_all()
        self.env.cr.flush()  # what this transaction locked is forgotten
        statements = []
        execute = Cursor.execute

        def record(cr, query, params=None, log_exceptions=True):
            code, args = (
                (query.code, query.params)
                if isinstance(query, SQL)
                else (
                    query,
                    params,
                )
            )
            match = re.search(
                r"^\s*(UPDATE|INSERT INTO|DELETE FROM|SELECT row\.id FROM)\s+\"(\w+)\"",
                code,
            )
            if match:
                statements.append((f"{match[1]} {match[2]}", code, args))
            return execute(cr, query, params, log_exceptions)

        with patch.object(Cursor, "execute", record):
            func()
            self.env.flush_all()
        return statements

    def test_batch_write_locks_first_in_order(self):
        """The banks of the contacts, then the contacts (ids sorted), are locked
        before anything is written."""
        bank = self.env["res.bank"].create({"name": "Lock Bank"})
        contacts = self.Partner.browse()
        for name in ("Lock C", "Lock A", "Lock B"):
            contact = self.make_contact(name)
            contact.create_customer()
            contacts |= contact
        contacts[1].link_bank_account(self.make_bank_account("LOCK1", bank=bank))
        statements = self.statements(
            lambda: contacts.browse(contacts.ids[::-1]).write({"phone": "+358 3"})
        )
        verbs = [verb for verb, _code, _params in statements]
        self.assertEqual(
            verbs[:2], ["SELECT row.id FROM res_bank", "SELECT row.id FROM res_partner"]
        )
        self.assertEqual(statements[0][2][0], bank.ids)
        self.assertEqual(statements[1][2][0], sorted(contacts.ids))
        self.assertIn("UPDATE res_partner", verbs[2:])
        self.assertIn("UPDATE res_bank", verbs[2:])

    def test_link_touches_before_inserting(self):
        """The contact, then the record to link, are touched (before anything is
        written), whatever their ids."""
        vendor = self.make_vendor("Lock Vendor")
        contact = self.make_contact("Lock Oy")
        contact.create_customer()
        self.assertLess(vendor.id, contact.id)
        statements = self.statements(lambda: contact.link_vendor(vendor))
        verb, code, params = statements[0]
        self.assertEqual(verb, "UPDATE res_partner")
        self.assertIn("FOR NO KEY UPDATE", code)
        self.assertEqual(params[0], [contact.id, vendor.id])
        verbs = [verb for verb, _code, _params in statements]
        self.assertIn("INSERT INTO contact_business_relation", verbs[1:])
