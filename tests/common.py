# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import threading
import time
from contextlib import contextmanager

from odoo import SUPERUSER_ID, api
from odoo.modules.registry import Registry
from odoo.service.model import retrying
from odoo.tests import BaseCase, TransactionCase, get_db_name
from odoo.tools import SQL, mute_logger

from ..contact_partner_sync.compat import Transaction

CODE_FIELDS = (
    "customer_business_relation_id",
    "vendor_business_relation_id",
    "bank_account_business_relation_id",
)


class ContactSyncCase(TransactionCase):
    """Company with the three business relation codes set, and record factories."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.Partner = cls.env["res.partner"]
        cls.Link = cls.env["contact.business.relation"]
        cls.relation_customer = cls.env.ref(
            "contact_partner_sync.business_relation_customer"
        )
        cls.relation_vendor = cls.env.ref(
            "contact_partner_sync.business_relation_vendor"
        )
        cls.relation_bank = cls.env.ref(
            "contact_partner_sync.business_relation_bank_account"
        )
        cls.set_codes(cls.company)
        # independent of the demo data
        cls.company.write(
            {"default_customer_template_id": False, "default_vendor_template_id": False}
        )
        cls.country_be = cls.env.ref("base.be")
        cls.country_fi = cls.env.ref("base.fi")

    @classmethod
    def set_codes(cls, company, customer=True, vendor=True, bank=True):
        company.write(
            {
                "customer_business_relation_id": customer and cls.relation_customer.id,
                "vendor_business_relation_id": vendor and cls.relation_vendor.id,
                "bank_account_business_relation_id": bank and cls.relation_bank.id,
            }
        )

    @classmethod
    def make_contact(cls, name, **vals):
        return cls.Partner.create(
            dict({"name": name, "is_contact": True, "is_company": True}, **vals)
        )

    @classmethod
    @contextmanager
    def codes_unset(cls):
        """Create records as before the codes were set: no contact is made for them."""
        codes = {fname: cls.company[fname] for fname in CODE_FIELDS}
        cls.company.write(dict.fromkeys(CODE_FIELDS, False))
        try:
            yield
        finally:
            cls.company.write({fname: record.id for fname, record in codes.items()})

    @classmethod
    def make_customer(cls, name, **vals):
        """An existing customer, without contact."""
        with cls.codes_unset():
            return cls.Partner.create(
                dict({"name": name, "is_company": True, "customer_rank": 1}, **vals)
            )

    @classmethod
    def make_vendor(cls, name, **vals):
        """An existing vendor, without contact."""
        with cls.codes_unset():
            return cls.Partner.create(
                dict({"name": name, "is_company": True, "supplier_rank": 1}, **vals)
            )

    @classmethod
    def make_bank_account(cls, acc_number, bank=None, **vals):
        """An existing bank account of the company, without contact."""
        bank = bank or cls.env["res.bank"].create({"name": "Test Bank"})
        with cls.codes_unset():
            return cls.env["res.partner.bank"].create(
                dict(
                    {
                        "acc_number": acc_number,
                        "partner_id": cls.company.partner_id.id,
                        "bank_id": bank.id,
                    },
                    **vals,
                )
            )

    def count_queries(self, func):
        """Number of SQL queries made by ``func()``, flushed."""
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        func()
        self.env.flush_all()
        return self.env.cr.sql_log_count - before


class CommittedCursorCase(BaseCase):
    """Transactions on real cursors of the test database (not the test cursor of a
    TransactionCase), for races: what a test makes is committed, and deleted again.

    ``NAME``: the records a test commits are named ``NAME ...`` (partners and banks)
    or numbered ``NAME.upper()...`` (bank accounts); they are deleted before each test
    (left by an interrupted run, if any) and after it (``delete_committed``).
    ``CODES``: the kinds whose business relation code the company gets for the test
    (put back after it)."""

    NAME = "Committed"
    CODES = ("customer", "vendor", "bank_account")

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.registry = Registry(get_db_name())

    def setUp(self):
        super().setUp()
        self.delete_committed()
        self.addCleanup(self._restore)
        with self.registry.cursor() as cr:
            env = self.env_of(cr)
            company = env.company
            self.codes = {fname: company[fname].id for fname in CODE_FIELDS}
            company.write(
                {
                    f"{kind}_business_relation_id": env.ref(
                        f"contact_partner_sync.business_relation_{kind}"
                    ).id
                    for kind in self.CODES
                }
            )

    def _restore(self):
        self.delete_committed()
        if getattr(self, "codes", None):
            with self.registry.cursor() as cr:
                self.env_of(cr).company.write(self.codes)

    def env_of(self, cr):
        # the transaction made here: Registry(dbname) would wait for the registry
        # lock that the test runner holds, in another thread
        cr.transaction = cr.transaction or Transaction(self.registry)
        return api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})

    def committed(self, make):
        """``make(env)`` in a transaction of its own, committed; its result's ids."""
        with self.registry.cursor() as cr:
            result = make(self.env_of(cr))
            return {key: record.id for key, record in result.items()}

    def delete_committed(self):
        """Delete what the tests committed: the records named after NAME (bank
        accounts and banks in SQL: Odoo archives them instead)."""
        with self.registry.cursor() as cr:
            env = self.env_of(cr)
            accounts = (
                env["res.partner.bank"]
                .with_context(active_test=False)
                .search([("acc_number", "like", self.NAME.upper())])
            )
            banks = (
                env["res.bank"]
                .with_context(active_test=False)
                .search([("name", "=like", f"{self.NAME} %")])
            )
            accounts.business_relation_ids.unlink()
            env["res.partner"].with_context(active_test=False).search(
                [("name", "=like", f"{self.NAME} %")]
            ).unlink()
            env.flush_all()
            for table, records in (("res_partner_bank", accounts), ("res_bank", banks)):
                if records:
                    cr.execute(
                        SQL(
                            "DELETE FROM %s WHERE id = ANY(%s)",
                            SQL.identifier(table),
                            records.ids,
                        )
                    )
            env.invalidate_all()

    def stale_then_retried(self, stale, first):
        """``stale(env)`` takes its snapshot, ``first(env)`` commits, then ``stale``
        runs in Odoo's retry loop: the number of tries it took."""
        tries = []
        with self.registry.cursor() as cr_stale, self.registry.cursor() as cr_first:
            env_stale, env_first = self.env_of(cr_stale), self.env_of(cr_first)
            cr_stale.execute("SELECT 1")  # the snapshot of the stale transaction
            first(env_first)
            cr_first.commit()

            def stale_try():
                tries.append(len(tries) + 1)
                stale(env_stale)

            with mute_logger("odoo.sql_db", "odoo.service.model"):
                retrying(stale_try, env_stale)
        return len(tries)

    def concurrently(self, first, second):
        """``first(env)`` runs in a thread and holds its transaction open 1 s once
        flushed (its rows locked); meanwhile ``second(env)`` runs in Odoo's retry
        loop. The times of the tries of ``second`` and of the commit of ``first``."""
        locked, times, errors = threading.Event(), {}, []

        def first_transaction():  # in a thread: it commits while the test waits
            try:
                with self.registry.cursor() as cr1:
                    first(self.env_of(cr1))
                    cr1.flush()
                    locked.set()
                    time.sleep(1)  # while the second transaction waits
                    times["commit"] = time.monotonic()
                    cr1.commit()
            except Exception as exc:
                errors.append(exc)
                locked.set()

        thread = threading.Thread(target=first_transaction)
        thread.start()
        self.addCleanup(thread.join, 30)
        self.assertTrue(locked.wait(30))
        tries = []
        with (
            self.registry.cursor() as cr2,
            mute_logger("odoo.sql_db", "odoo.service.model"),
        ):
            env2 = self.env_of(cr2)

            def second_try():
                tries.append(time.monotonic())
                second(env2)

            retrying(second_try, env2)
        thread.join(30)
        self.assertFalse(errors)
        return tries, times["commit"]
