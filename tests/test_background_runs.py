# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Large runs in the background: queued above the threshold, done by the cron in
committed chunks, resumed without doing anything twice, the user told how it ended."""

from contextlib import ExitStack, contextmanager
from unittest.mock import patch

from odoo.tests import Form, HttpCase, tagged

from odoo.addons.base.models import ir_cron
from odoo.addons.contact_partner_sync.contact_partner_sync.compat import SINCE_19
from odoo.addons.contact_partner_sync.contact_partner_sync.models import (
    contact_sync_job,
)

from .common import CODE_FIELDS, ContactSyncCase

THRESHOLD = "contact_partner_sync.background_threshold"


@contextmanager
def one_cron_call_per_run():
    """One call of a batched cron's method per run of the cron, as 18.0's scheduler
    makes it: 19.0's calls it again while work remains, up to 10 times and 10 s,
    so the tests count the chunks one run at a time on both series."""
    with ExitStack() as stack:
        if SINCE_19:
            stack.enter_context(patch.object(ir_cron, "MIN_RUNS_PER_JOB", 1))
            stack.enter_context(patch.object(ir_cron, "MIN_TIME_PER_JOB", 0))
        yield


class BackgroundCase(ContactSyncCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["ir.config_parameter"].set_param(THRESHOLD, "3")
        cls.cron = cls.env.ref("contact_partner_sync.ir_cron_contact_sync_jobs")
        cls.Job = cls.env["contact.sync.job"]
        # the runs of the database (rolled back with the test): only the test's own
        cls.Job.search([]).unlink()
        cls.set_codes(cls.company, customer=False)
        cls.customers = cls.Partner.create(
            [
                {"name": f"Background {i}", "is_company": True, "customer_rank": 1}
                for i in range(5)
            ]
        )
        cls.set_codes(cls.company)

    def wizard(self, partners=None):
        form = Form(
            self.env["contact.create.contacts.wizard"].with_context(
                default_link_to="customer"
            )
        )
        if partners is not None:
            for partner in partners:
                form.partner_ids.add(partner)
        return form.save()

    def trigger_cron(self):
        """One run of the cron, as the scheduler makes it (19.0's runs it in a
        cursor of its own: the registry's test mode gives it the test's)."""
        with ExitStack() as stack:
            if SINCE_19:
                stack.enter_context(self.enter_registry_test_mode())
            stack.enter_context(one_cron_call_per_run())
            self.cron.method_direct_trigger()

    def run_cron(self):
        """Trigger the cron as Odoo's batched cron does until nothing is left;
        return the number of calls."""
        calls = 0
        while self.Job.search_count([("state", "in", ("queued", "running"))]):
            self.trigger_cron()
            calls += 1
            self.assertLess(calls, 50, "the background runs end")
        return calls


@tagged("post_install", "-at_install")
class TestBackgroundRuns(BackgroundCase):
    def test_small_run_is_done_at_once(self):
        action = self.wizard(self.customers[:3]).action_create_contacts()
        self.assertEqual(
            action["params"]["message"],
            "Contacts created: 3. Linked to their existing contact: 0. Skipped (they "
            "have a contact already or cannot have one): 0.",
        )
        self.assertTrue(all(self.customers[:3].mapped("linked_contact_id")))
        self.assertFalse(self.Job.search([]))

    def test_large_run_is_queued(self):
        action = self.wizard(self.customers).action_create_contacts()
        self.assertIn("5 records queued", action["params"]["message"])
        self.assertIn("Settings shows its progress", action["params"]["message"])
        self.assertFalse(
            self.customers.linked_contact_id, "nothing done in the request"
        )
        job = self.Job.search([])
        self.assertEqual(
            (job.state, job.link_to, job.total_count, job.user_id),
            ("queued", "customer", 5, self.env.user),
        )
        self.assertTrue(
            self.env["ir.cron.trigger"].search([("cron_id", "=", self.cron.id)]),
            "the cron is woken up",
        )

    def test_same_run_is_not_queued_twice(self):
        self.wizard(self.customers).action_create_contacts()
        action = self.wizard(self.customers).action_create_contacts()
        self.assertEqual(self.Job.search_count([]), 1)
        self.assertIn("queued", action["params"]["message"])
        # all the customers without contact: a run of its own, also once
        self.wizard().action_create_contacts()
        self.wizard().action_create_contacts()
        self.assertEqual(self.Job.search_count([]), 2)

    def test_cron_completes_a_queued_run_in_chunks(self):
        self.wizard(self.customers).action_create_contacts()
        job = self.Job.search([])
        with patch.object(contact_sync_job, "CHUNK_SIZE", 2):
            self.trigger_cron()
            self.assertEqual((job.state, job.done_count), ("running", 2))
            self.assertEqual(len(self.customers.linked_contact_id), 2)
            calls = self.run_cron()
        self.assertEqual(calls, 3, "two more chunks, then the end of the run")
        self.assertEqual((job.state, job.done_count, job.created_count), ("done", 5, 5))
        self.assertEqual(job.contact_ids, self.customers.linked_contact_id)
        self.assertTrue(all(self.customers.mapped("linked_contact_id")))

    def test_all_without_contact_runs_in_the_background(self):
        linked = self.Partner.create({"name": "Already linked", "customer_rank": 1})
        missing = self.env["contact.create.contacts.wizard"]._missing_contact_count(
            "customer"
        )
        self.assertGreater(missing, 3)
        self.wizard().action_create_contacts()
        job = self.Job.search([])
        self.assertEqual((job.record_ids, job.total_count), (False, missing))
        with patch.object(contact_sync_job, "CHUNK_SIZE", 2):
            self.run_cron()
        self.assertEqual(job.state, "done")
        self.assertEqual(
            self.env["contact.create.contacts.wizard"]._missing_contact_count(
                "customer"
            ),
            0,
        )
        self.assertNotIn(linked.linked_contact_id, job.contact_ids)

    def test_resumed_run_creates_nothing_twice(self):
        self.wizard(self.customers).action_create_contacts()
        job = self.Job.search([])
        Partner = type(self.Partner)
        create_contacts = Partner.create_contacts

        def crash_after_creating(records, link_to=None):
            create_contacts(records, link_to=link_to)
            raise OSError("the worker was killed")

        with patch.object(contact_sync_job, "CHUNK_SIZE", 2):
            self.trigger_cron()
            # the second chunk dies after creating its contacts: its transaction is
            # rolled back, as the cron does
            with (
                patch.object(Partner, "create_contacts", crash_after_creating),
                self.assertRaisesRegex(OSError, "the worker was killed"),
                self.env.cr.savepoint(),
            ):
                self.Job._cron_run()
            self.env.invalidate_all()
            self.assertEqual((job.state, job.done_count), ("running", 2))
            self.assertEqual(len(self.customers.linked_contact_id), 2)
            self.run_cron()
        self.assertEqual((job.state, job.done_count, job.created_count), ("done", 5, 5))
        links = self.Link.search([("partner_id", "in", self.customers.ids)])
        self.assertEqual(len(links), 5, "one link per customer")
        self.assertEqual(
            self.Partner.search_count(
                [("is_contact", "=", True), ("name", "=like", "Background %")]
            ),
            5,
            "one contact per customer",
        )

    def test_failed_run_says_why(self):
        self.wizard(self.customers).action_create_contacts()
        job = self.Job.search([])
        self.company.write(dict.fromkeys(CODE_FIELDS, False))
        self.run_cron()
        self.assertEqual(job.state, "failed")
        self.assertIn("No business relation code for Customer", job.error)
        self.assertFalse(self.customers.linked_contact_id, "nothing half-done")
        message = self.env["mail.message"].search(
            [("model", "=", job._name), ("res_id", "=", job.id)]
        )
        self.assertIn(self.env.user.partner_id, message.partner_ids)
        self.assertIn("failed: No business relation code", message.body)

    def test_user_told_when_done(self):
        self.wizard(self.customers).action_create_contacts()
        job = self.Job.search([])
        toasts = []
        Bus = type(self.env["bus.bus"])
        send = Bus._sendone

        def capture(bus, target, notification_type, message):
            toasts.append((target, notification_type, message))
            return send(bus, target, notification_type, message)

        with patch.object(Bus, "_sendone", capture):
            self.run_cron()
        message = self.env["mail.message"].search(
            [("model", "=", job._name), ("res_id", "=", job.id)]
        )
        self.assertEqual(message.message_type, "user_notification")
        self.assertIn(self.env.user.partner_id, message.partner_ids)
        self.assertIn("5 contacts created and linked", message.body)
        self.assertIn(
            (
                self.env.user.partner_id,
                "simple_notification",
                {
                    "title": job.name,
                    "message": "5 contacts created and linked.",
                    "type": "success",
                    "sticky": True,
                },
            ),
            toasts,
        )
        action = job.action_view_contacts()
        self.assertEqual(
            self.Partner.search(
                action.get("domain") or [("id", "=", action["res_id"])]
            ),
            self.customers.linked_contact_id,
        )


@tagged("post_install", "-at_install")
class TestBackgroundRunTour(HttpCase):
    def test_queued_run_and_its_progress_in_settings(self):
        self.env["contact.sync.job"].search([]).unlink()
        company = self.env.ref("base.main_company")
        relations = [
            self.env.ref(f"contact_partner_sync.business_relation_{kind}")
            for kind in ("customer", "vendor", "bank_account")
        ]
        company.write(dict.fromkeys(CODE_FIELDS, False))
        self.env["res.partner"].create(
            [
                {"name": f"Tour Background {i}", "is_company": True, "customer_rank": 1}
                for i in range(5)
            ]
        )
        company.write(dict(zip(CODE_FIELDS, [r.id for r in relations], strict=True)))
        missing = self.env["contact.create.contacts.wizard"]._missing_contact_count(
            "customer"
        )
        self.env["ir.config_parameter"].set_param(THRESHOLD, str(missing - 1))
        with patch.object(contact_sync_job, "CHUNK_SIZE", 2), one_cron_call_per_run():
            self.start_tour(
                "/odoo/settings", "contact_partner_sync_background_run", login="admin"
            )
        job = self.env["contact.sync.job"].search([])
        self.assertEqual(job.state, "done")
        self.assertEqual(job.done_count, job.total_count)
        self.assertFalse(
            self.env["contact.create.contacts.wizard"]._missing_contact_count(
                "customer"
            )
        )
