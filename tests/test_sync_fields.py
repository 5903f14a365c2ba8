# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Synchronized fields chosen in Settings (contact.sync.field): which fields, which
direction, any addon's fields, per-link pause, check and realign."""

import re

from odoo.exceptions import ValidationError
from odoo.tests import HttpCase, tagged

from odoo.addons.contact_partner_sync.contact_partner_sync.compat import SINCE_19
from odoo.addons.contact_partner_sync.contact_partner_sync.invariants import (
    SyncInvariants,
)

from .common import CODE_FIELDS, ContactSyncCase

# the synchronized fields installed per kind: 18.0 has res.partner.mobile, 19.0 not
INSTALLED_FIELD_COUNTS = (
    {"customer": 15, "vendor": 14, "bank_account": 9}
    if SINCE_19
    else {"customer": 16, "vendor": 15, "bank_account": 9}
)


@tagged("post_install", "-at_install")
class TestSyncFields(ContactSyncCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.SyncField = cls.env["contact.sync.field"]
        cls.Fields = cls.env["ir.model.fields"]

    def field(self, name, model="res.partner"):
        return self.Fields._get(model, name)

    def rule(self, link_to, contact_field, linked_field=None):
        return self.SyncField.search(
            [
                ("link_to", "=", link_to),
                ("contact_field_id", "=", self.field(contact_field).id),
            ]
            + ([("linked_field_id.name", "=", linked_field)] if linked_field else [])
        )

    def pair(self, name):
        customer = self.Partner.create(
            {"name": name, "is_company": True, "customer_rank": 1}
        )
        return customer.linked_contact_id, customer

    # ------------------------------------------------------------------ installed
    def test_installed_fields_and_warm_cache(self):
        counts = {
            link_to: self.SyncField.search_count([("link_to", "=", link_to)])
            for link_to in ("customer", "vendor", "bank_account")
        }
        self.assertEqual(counts, INSTALLED_FIELD_COUNTS)
        self.assertEqual(set(self.SyncField.search([]).mapped("direction")), {"both"})
        field_map = self.Partner._contact_sync_field_map("customer")
        self.assertEqual(field_map["phone"], "phone")
        self.assertNotIn("user_id", self.Partner._contact_sync_field_map("vendor"))
        self.assertEqual(
            self.Partner._contact_sync_field_map("bank_account")["state_id"], "state"
        )
        self.env["contact.partner.sync"]._sync_fields()
        with self.assertQueryCount(0):  # warm: read from the registry's cache
            self.Partner._contact_sync_field_map("customer", "to_linked")
            self.env["contact.partner.sync"]._sync_fields()

    # ------------------------------------------------------------------ direction
    def test_one_way_fields(self):
        self.rule("customer", "email").direction = "to_linked"
        self.rule("customer", "phone").direction = "to_contact"
        contact, customer = self.pair("One Way Oy")
        contact.email = "contact@oneway.fi"
        self.assertEqual(customer.email, "contact@oneway.fi")
        customer.email = "customer@oneway.fi"
        self.assertEqual(contact.email, "contact@oneway.fi", "it stays the contact's")
        customer.phone = "+358 1"
        self.assertEqual(contact.phone, "+358 1")
        contact.phone = "+358 2"
        self.assertEqual(customer.phone, "+358 1", "it stays the customer's")
        self.assertEqual(
            set(self.Partner._contact_sync_field_map("customer", "to_linked")),
            set(self.Partner._contact_sync_field_map("customer")) - {"phone"},
        )
        self.assertEqual(
            set(self.Partner._contact_sync_field_map("customer", "both")),
            set(self.Partner._contact_sync_field_map("customer")) - {"phone", "email"},
        )

    def test_linking_applies_the_fields_flowing_from_the_master(self):
        self.rule("customer", "email").direction = "to_contact"
        contact = self.make_contact("Master Oy", email="c@master.fi", phone="+1")
        customer = self.make_customer(
            "Master Customer", email="x@master.fi", phone="+2"
        )
        contact.link_customer(customer, master="contact")
        self.assertEqual(customer.phone, "+1", "the contact's phone flows to it")
        self.assertEqual(customer.email, "x@master.fi", "the email flows back only")
        self.assertEqual(contact.email, "c@master.fi")

    def test_field_of_another_addon_and_cache_invalidation(self):
        industry = self.env["res.partner.industry"].create({"name": "Forestry"})
        contact, customer = self.pair("Industry Oy")
        contact.industry_id = industry
        self.assertFalse(customer.industry_id, "not synchronized yet")
        self.SyncField.create(
            {
                "link_to": "customer",
                "contact_field_id": self.field("industry_id").id,
                "linked_field_id": self.field("industry_id").id,
            }
        )
        self.assertIn("industry_id", self.Partner._contact_sync_field_map("customer"))
        contact.industry_id = self.env["res.partner.industry"].create(
            {"name": "Mining"}
        )
        self.assertEqual(customer.industry_id.name, "Mining")
        self.rule("customer", "industry_id").active = False
        contact.industry_id = industry
        self.assertEqual(customer.industry_id.name, "Mining", "archived: not any more")

    def test_refused_combinations_name_both_fields(self):
        cases = [
            ("ref", "industry_id", "different types"),
            ("industry_id", "user_id", "different models"),
            ("child_ids", "child_ids", "list of other records"),
            ("company_id", "company_id", "company, place or access"),
            ("contact_no", "ref", "field of this addon"),
            # a linked field already synchronized: the reason, not the unique rule
            ("industry_id", "phone", "different types"),
        ]
        for contact_field, linked_field, reason in cases:
            with (
                self.subTest(contact_field),
                self.assertRaisesRegex(
                    ValidationError,
                    rf"^{re.escape(self.field(contact_field).field_description)} of "
                    r"the contact cannot be synchronized with "
                    rf"{re.escape(self.field(linked_field).field_description)} of the "
                    rf"vendor: .*{reason}",
                ),
            ):
                with self.env.cr.savepoint():
                    self.SyncField.create(
                        {
                            "link_to": "vendor",
                            "contact_field_id": self.field(contact_field).id,
                            "linked_field_id": self.field(linked_field).id,
                        }
                    )
        with self.assertRaisesRegex(ValidationError, "Display Name is not stored"):
            with self.env.cr.savepoint():
                self.SyncField.create(
                    {
                        "link_to": "vendor",
                        "contact_field_id": self.field("display_name").id,
                        "linked_field_id": self.field("display_name").id,
                    }
                )
        bank_name = self.field("name", "res.bank")
        with self.assertRaisesRegex(ValidationError, "must be a field of Bank"):
            with self.env.cr.savepoint():
                self.rule("bank_account", "phone").linked_field_id = self.field("phone")
        self.assertTrue(self.rule("bank_account", "name").linked_field_id == bank_name)

    # ------------------------------------------------------------------ chatter
    def test_chatter_says_where_synchronized_values_come_from(self):
        env = self.env(context=dict(self.env.context, tracking_disable=False))
        customer = env["res.partner"].create(
            {"name": "Chatter Sync Oy", "is_company": True, "customer_rank": 1}
        )
        contact = customer.linked_contact_id
        number = contact.contact_no
        self.env.cr.precommit.run()  # as if created in an earlier request
        contact.phone = "+358 40 1"
        self.env.cr.precommit.run()  # Odoo's tracking messages
        customer.invalidate_recordset(["message_ids"])
        message = customer.message_ids[:1]
        self.assertEqual(
            message.body.striptags(),
            f"Synchronized from Chatter Sync Oy (Contact {number})",
        )
        self.assertEqual(message.tracking_value_ids.field_id.name, "phone")
        customer.email = "sync@chatter.fi"
        self.env.cr.precommit.run()
        contact.invalidate_recordset(["message_ids"])
        self.assertEqual(
            contact.message_ids[:1].body.striptags(),
            "Synchronized from Chatter Sync Oy (Customer)",
        )
        # a user's own change of the contact keeps Odoo's plain tracking
        contact.email = "own@chatter.fi"
        self.env.cr.precommit.run()
        contact.invalidate_recordset(["message_ids"])
        self.assertFalse(contact.message_ids[:1].body)
        self.assertEqual(
            contact.message_ids[:1].tracking_value_ids.field_id.name, "email"
        )

    def test_naming_the_origins_costs_no_query_per_record(self):
        Sync = self.env["contact.partner.sync"].with_context(tracking_disable=False)
        Partner = self.Partner.with_context(tracking_disable=False)

        def name_origins(n):
            customers = self.Partner.create(
                [
                    {"name": f"Origin {n} {i}", "is_company": True, "customer_rank": 1}
                    for i in range(n)
                ]
            )
            origins = {c.id: ("res.partner", c.linked_contact_id.id) for c in customers}
            written = dict.fromkeys(customers.ids, {"phone": "+1"})
            return self.count_queries(
                lambda: Sync._track_origins(Partner, written, origins)
            )

        self.assertEqual(name_origins(2), name_origins(10))

    # ------------------------------------------------------------------ pause
    def test_paused_link_check_and_resync(self):
        contact, customer = self.pair("Paused Oy")
        link = customer.linked_business_relation_ids
        link.sync_enabled = False
        contact.phone = "+358 9 1"
        customer.city = "Oulu"
        self.assertFalse(customer.phone, "paused: nothing reaches the customer")
        self.assertFalse(contact.city, "nor the contact")
        checker = SyncInvariants(self.env)
        self.assertEqual(checker.violations(), [], "a paused link may differ")
        link.sync_enabled = True
        self.assertEqual(link._contact_sync_check(), link)
        link.action_resync(master="linked")
        self.assertEqual(contact.city, "Oulu")
        self.assertEqual(contact.phone, "+358 9 1", "the customer's was empty: kept")
        self.assertEqual(link._contact_sync_check(), link, "still listed")
        contact.with_context(
            **{"contact_partner_sync_skip": True}
        ).sudo().phone = "+358 9 2"
        self.assertEqual(link._contact_sync_check(), link)
        link.action_resync(master="contact")
        self.assertEqual(customer.phone, "+358 9 2")
        self.assertFalse(link._contact_sync_check())
        # a one-way field is not a difference
        self.rule("customer", "phone").direction = "to_linked"
        customer.phone = "+358 9 3"
        self.assertFalse(link._contact_sync_check())
        self.assertEqual(checker.violations(), [], "nor does a one-way field")
        self.rule("customer", "phone").direction = "both"
        self.assertEqual(len(checker.violations()), 1, "a two-way field may not")

    def test_settings_check_and_realign(self):
        # in the request, whatever the number of links of the database
        self.env["ir.config_parameter"].sudo().set_param(
            "contact_partner_sync.background_threshold", "1000000"
        )
        contact, customer = self.pair("Settings Check Oy")
        link = customer.linked_business_relation_ids
        link.sync_enabled = False
        contact.website = "https://check.example"
        link.sync_enabled = True
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(
            settings.contact_sync_customer_field_count,
            INSTALLED_FIELD_COUNTS["customer"],
        )
        action = settings.with_context(operation="check").action_contact_sync_run()
        self.assertIn("links differ", action["params"]["message"])
        job = self.env["contact.sync.job"].search(
            [("operation", "=", "check"), ("link_to", "=", "customer")], limit=1
        )
        self.assertEqual(job.state, "done")
        self.assertIn(link.id, job.found_ids)
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(settings.contact_sync_check_state, "done")
        self.assertGreaterEqual(settings.contact_sync_differ_count, 1)
        settings.with_context(operation="resync_contact").action_contact_sync_run()
        self.assertEqual(customer.website, "https://check.example")
        self.assertFalse(link._contact_sync_check())
        # a field changed since: the check is out of date
        self.rule("customer", "website").direction = "to_linked"
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(settings.contact_sync_check_state, "outdated")

    def test_large_check_runs_in_the_background(self):
        self.env["ir.config_parameter"].sudo().set_param(
            "contact_partner_sync.background_threshold", "1"
        )
        self.pair("Background Check A")
        self.pair("Background Check B")
        settings = self.env["res.config.settings"].create({})
        action = settings.with_context(operation="check").action_contact_sync_run()
        self.assertIn("queued", action["params"]["message"])
        job = self.env["contact.sync.job"].search(
            [("operation", "=", "check"), ("link_to", "=", "customer")], limit=1
        )
        self.assertEqual(job.state, "queued")
        while job.state in ("queued", "running"):
            job._run_chunk()
        self.assertEqual(job.state, "done")
        self.assertEqual(job.done_count, job.total_count)


@tagged("post_install", "-at_install")
class TestSyncFieldsTour(HttpCase):
    def test_add_a_synchronized_field_in_settings(self):
        company = self.env.ref("base.main_company")
        company.write(
            {
                fname: self.env.ref(f"contact_partner_sync.business_relation_{k}").id
                for fname, k in zip(
                    CODE_FIELDS, ("customer", "vendor", "bank_account"), strict=True
                )
            }
        )
        customer = self.env["res.partner"].create(
            {"name": "Tour Industry Oy", "is_company": True, "customer_rank": 1}
        )
        contact = customer.linked_contact_id
        self.start_tour(
            "/odoo/settings", "contact_partner_sync_sync_fields", login="admin"
        )
        rule = self.env["contact.sync.field"].search(
            [
                ("link_to", "=", "customer"),
                ("contact_field_id.name", "=", "industry_id"),
            ]
        )
        self.assertTrue(rule)
        self.assertEqual(rule.linked_field_id.name, "industry_id")
        contact.industry_id = self.env["res.partner.industry"].create(
            {"name": "Tour Forestry"}
        )
        self.assertEqual(customer.industry_id.name, "Tour Forestry")
