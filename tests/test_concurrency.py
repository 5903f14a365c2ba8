# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A contact and its customer edited in two concurrent transactions.

Real cursors (not the test cursor of a TransactionCase): the records are committed
first and deleted again at the end. PostgreSQL runs Odoo's transactions in REPEATABLE
READ: the second writer of the rows both transactions touch (the contact and its
customer, since a change of either is written to the other) gets a serialization
failure, which Odoo's request handling retries (``odoo.service.model.retrying``) on a
fresh snapshot. Either way the contact and the customer end up identical.
"""

import threading
import time

from psycopg2.errors import SerializationFailure

from odoo import SUPERUSER_ID, api
from odoo.modules.registry import Registry
from odoo.service.model import retrying
from odoo.tests import BaseCase, get_db_name, tagged
from odoo.tools import mute_logger

from .common import CODE_FIELDS


@tagged("post_install", "-at_install")
class TestConcurrentEdits(BaseCase):
    """Two transactions write the two sides of one link."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.registry = Registry(get_db_name())

    def setUp(self):
        super().setUp()
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
            company = env.company
            self.codes = {fname: company[fname].id for fname in CODE_FIELDS}
            company.customer_business_relation_id = env.ref(
                "contact_partner_sync.business_relation_customer"
            )
            contact = env["res.partner"].create(
                {"name": "Concurrent Oy", "is_contact": True, "is_company": True}
            )
            customer = contact.create_customer()
            self.contact_id, self.customer_id = contact.id, customer.id
        self.addCleanup(self._delete_committed)

    def _delete_committed(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
            env["res.partner"].browse(
                [self.contact_id, self.customer_id]
            ).exists().unlink()
            env.company.write(self.codes)

    def env_of(self, cr):
        # the transaction made here: Registry(dbname) would wait for the registry
        # lock that the test runner holds, in another thread
        cr.transaction = cr.transaction or api.Transaction(self.registry)
        return api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})

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
        locked, times, errors = threading.Event(), {}, []

        def first_transaction():  # in a thread: it commits while the test waits
            try:
                with self.registry.cursor() as cr1:
                    env1 = self.env_of(cr1)
                    env1["res.partner"].browse(self.contact_id).write(
                        {"phone": "+358 1", "email": "first@example.com"}
                    )
                    cr1.flush()  # the contact and its customer are locked by cr1
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

            def edit_customer():
                tries.append(time.monotonic())
                env2["res.partner"].browse(self.customer_id).write({"phone": "+358 2"})

            retrying(edit_customer, env2)
        thread.join(30)
        self.assertFalse(errors)
        self.assertEqual(len(tries), 2, "refused once, then retried")
        self.assertLess(tries[0], times["commit"], "the first try waited for cr1")
        self.assertConsistent(phone="+358 2", email="first@example.com")
