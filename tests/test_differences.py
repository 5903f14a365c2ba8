# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Differences reviewed before they are realigned: links._contact_sync_differences(),
the Differences list and its choices, a realignment that never writes an empty value
over another, Settings' counts after it, and the preview of Link with Existing."""

import base64
import io

from PIL import Image

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import Form, HttpCase, tagged

from ..contact_partner_sync.context_keys import SYNC_SKIP
from .common import ContactSyncCase


def png(color):
    """A 1x1 PNG image of ``color``, base64-encoded as Odoo's image fields take it."""
    buffer = io.BytesIO()
    Image.new("RGB", (1, 1), color).save(buffer, "PNG")
    return base64.b64encode(buffer.getvalue())


RED, BLUE = png("red"), png("blue")


class DifferencesCase(ContactSyncCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.SyncField = cls.env["contact.sync.field"]
        cls.Difference = cls.env["contact.sync.difference"]
        cls.Fields = cls.env["ir.model.fields"]
        # in the request, whatever the number of links of the database
        cls.env["ir.config_parameter"].sudo().set_param(
            "contact_partner_sync.background_threshold", "1000000"
        )

    def field(self, name, model="res.partner"):
        return self.Fields._get(model, name)

    def rule(self, link_to, contact_field):
        return self.SyncField.search(
            [
                ("link_to", "=", link_to),
                ("contact_field_id", "=", self.field(contact_field).id),
            ]
        )

    def add_rule(self, link_to, contact_field, linked_field=None, direction="both"):
        return self.SyncField.create(
            {
                "link_to": link_to,
                "contact_field_id": self.field(contact_field).id,
                "linked_field_id": self.field(
                    linked_field or contact_field,
                    "res.bank" if link_to == "bank_account" else "res.partner",
                ).id,
                "direction": direction,
            }
        )

    @staticmethod
    def silently(records, vals):
        """Write ``vals`` on one side only, as data that drifted apart would be."""
        records.sudo().with_context(**{SYNC_SKIP: True}).write(vals)

    def pair(self, name, **vals):
        customer = self.Partner.create(
            dict({"name": name, "is_company": True, "customer_rank": 1}, **vals)
        )
        return customer.linked_contact_id, customer


@tagged("post_install", "-at_install")
class TestDifferences(DifferencesCase):
    def test_differences_of_several_kinds_and_types(self):
        belgium, finland = self.country_be, self.country_fi
        contact, customer = self.pair(
            "Diff Kinds Oy", phone="+358 1", country_id=finland.id, image_1920=RED
        )
        vendor = self.Partner.create(
            {"name": "Diff Kinds Oy", "is_company": True, "supplier_rank": 1}
        )
        vendor.linked_contact_id.unlink()
        contact.link_vendor(vendor)
        bank = self.env["res.bank"].create({"name": "Diff Bank", "phone": "+358 9"})
        account = self.env["res.partner.bank"].create(
            {
                "acc_number": "FI21 1234 5600 0007 85",
                "partner_id": self.company.partner_id.id,
                "bank_id": bank.id,
            }
        )
        bank_link = account.contact_id.business_relation_ids
        links = contact.business_relation_ids | bank_link
        self.assertFalse(links._contact_sync_differences(), "linked: identical")

        self.silently(
            customer, {"phone": "+358 2", "country_id": belgium.id, "image_1920": BLUE}
        )
        self.silently(vendor, {"phone": "+358 3"})
        self.silently(bank, {"phone": "+358 8"})
        # a one-way field is not a difference
        self.rule("customer", "website").direction = "to_linked"
        self.silently(customer, {"website": "https://one-way.example"})

        found = links._contact_sync_differences()
        got = {
            (d["link"].link_to, d["contact_field"]): (
                d["linked_field"],
                d["contact_value"],
                d["linked_value"],
            )
            for d in found
        }
        self.assertEqual(
            set(got),
            {
                ("customer", "phone"),
                ("customer", "country_id"),
                ("customer", "image_1920"),
                ("vendor", "phone"),
                ("bank_account", "phone"),
            },
        )
        self.assertEqual(got["customer", "phone"], ("phone", "+358 1", "+358 2"))
        self.assertEqual(
            got["customer", "country_id"],
            (
                "country_id",
                (finland.id, finland.display_name),
                (belgium.id, belgium.display_name),
            ),
        )
        field, ours, theirs = got["customer", "image_1920"]
        self.assertEqual(field, "image_1920")
        self.assertNotEqual(ours, theirs)
        self.assertTrue(ours and theirs)
        self.assertEqual(got["vendor", "phone"], ("phone", "+358 1", "+358 3"))
        self.assertEqual(got["bank_account", "phone"], ("phone", "+358 9", "+358 8"))
        self.assertEqual(
            {d["link"] for d in found if d["link"].link_to == "customer"},
            {customer.linked_business_relation_ids},
        )
        self.assertEqual(
            links._contact_sync_check(), links, "every link differs somewhere"
        )

    def queries(self, func):
        """(queries made by ``func()`` on a cold cache, its result)"""
        self.env.invalidate_all()
        start = self.env.cr.sql_log_count
        result = func()
        return self.env.cr.sql_log_count - start, result

    def test_differences_cost_no_query_per_link(self):
        pairs = [self.pair(f"Diff Queries {i}", phone="+358 1") for i in range(12)]
        for _contact, customer in pairs:
            self.silently(customer, {"phone": "+358 2", "city": "Turku"})
        links = self.Link.search([("partner_id", "in", [c.id for _x, c in pairs])])
        few, found_few = self.queries(links[:3]._contact_sync_differences)
        many, found_many = self.queries(links._contact_sync_differences)
        self.assertEqual((len(found_few), len(found_many)), (6, 24))
        self.assertEqual(many, few, "four times the links, the same queries")
        self.assertLessEqual(many, 12)

    def test_a_many2many_field_synchronizes_and_differs(self):
        """Tags (a many2many) added by an admin: written both ways, listed as a
        difference with their names."""
        self.add_rule("customer", "category_id")
        contact, customer = self.pair("Tags Oy")
        tags = self.env["res.partner.category"].create(
            [{"name": "Tag Alpha"}, {"name": "Tag Beta"}]
        )
        contact.category_id = tags
        self.assertEqual(customer.category_id, tags)
        customer.category_id = tags[:1]
        self.assertEqual(contact.category_id, tags[:1])
        self.silently(customer, {"category_id": [Command.set(tags.ids)]})
        rows = self.Difference._contact_sync_record(contact.business_relation_ids)
        self.assertEqual(rows.contact_value, "Tag Alpha")
        self.assertEqual(rows.linked_value, "Tag Alpha, Tag Beta")
        rows.action_use_linked_value()
        self.assertEqual(contact.category_id, tags)

    def test_realignment_never_writes_an_empty_value(self):
        # as in Settings: Reference from the contact only, Notes both ways
        self.add_rule("customer", "ref", direction="to_linked")
        self.add_rule("customer", "comment")
        contact, customer = self.pair("Empty Rule Oy", phone="+358 1")
        link = customer.linked_business_relation_ids
        self.silently(customer, {"ref": "REF-1", "comment": "<p>Customer note</p>"})
        self.silently(contact, {"phone": "+358 5"})
        changed = link._contact_sync_resync("contact")
        self.assertEqual(changed, link)
        self.assertEqual(customer.ref, "REF-1", "the contact had none: kept")
        self.assertIn("Customer note", customer.comment, "kept too")
        self.assertEqual(customer.phone, "+358 5", "the contact's value won")
        found = {d["contact_field"] for d in link._contact_sync_differences()}
        self.assertEqual(found, {"comment"}, "a two-way field left: still listed")
        # nothing more to change: a second realignment changes no link
        self.assertFalse(link._contact_sync_resync("contact"))
        # the customer's empty phone does not empty the contact's either
        self.silently(customer, {"phone": False})
        self.assertFalse(link._contact_sync_resync("linked").filtered("id") - link)
        self.assertEqual(contact.phone, "+358 5")
        self.assertIn("Customer note", contact.comment, "its note won")

    def test_settings_counts_after_a_realignment(self):
        pairs = [self.pair(f"Count Oy {i}", phone=f"+358 {i}") for i in range(3)]
        for i, (contact, _customer) in enumerate(pairs[:2]):
            self.silently(contact, {"phone": f"+358 9{i}"})
        self.silently(pairs[2][0], {"phone": False})  # the contact's phone emptied
        Settings = self.env["res.config.settings"]
        action = Settings.create({}).with_context(operation="check")
        action = action.action_contact_sync_run()
        self.assertIn("3 of", action["params"]["message"])
        next_action = action["params"]["next"]
        self.assertEqual(next_action["res_model"], "contact.sync.difference")
        self.assertEqual(Settings.create({}).contact_sync_differ_count, 3)

        action = (
            Settings.create({})
            .with_context(operation="resync_contact")
            .action_contact_sync_run()
        )
        message = action["params"]["message"]
        self.assertRegex(message, r"\b2 of \d+ links changed")
        self.assertIn("1 links still differ", message)
        self.assertEqual(Settings.create({}).contact_sync_differ_count, 1, "current")
        self.assertEqual(pairs[2][1].phone, "+358 2", "not emptied")
        rows = self.Difference.search([("contact_id", "=", pairs[2][0].id)])
        self.assertEqual(rows.contact_field, "phone")
        self.assertFalse(rows.contact_value)
        self.assertEqual(rows.linked_value, "+358 2")

        # Linked Records Win: the count is what changed, not every link
        self.silently(pairs[0][1], {"phone": "+358 77"})
        action = (
            Settings.create({})
            .with_context(operation="resync_linked")
            .action_contact_sync_run()
        )
        self.assertRegex(
            action["params"]["message"], r"Customer: 2 of \d+ links changed"
        )
        self.assertEqual(pairs[0][0].phone, "+358 77")
        self.assertEqual(pairs[2][0].phone, "+358 2")
        self.assertEqual(Settings.create({}).contact_sync_differ_count, 0)
        job = self.env["contact.sync.job"].search(
            [("operation", "=", "resync_linked"), ("link_to", "=", "customer")],
            limit=1,
        )
        self.assertEqual(job.changed_count, 2)
        self.assertEqual(job.name, "Realign: Linked Records Win: Customer")


@tagged("post_install", "-at_install")
class TestDifferencesList(DifferencesCase):
    def test_choose_a_value_per_row_and_for_a_selection(self):
        contact, customer = self.pair(
            "Choose Oy", phone="+358 1", city="Oulu", country_id=self.country_fi.id
        )
        vendor = self.Partner.create(
            {"name": "Choose Oy", "is_company": True, "supplier_rank": 1}
        )
        vendor.linked_contact_id.unlink()
        contact.link_vendor(vendor)
        self.silently(customer, {"phone": "+358 2", "city": "Tampere"})
        self.silently(contact, {"country_id": self.country_be.id})
        link = customer.linked_business_relation_ids
        rows = self.Difference._contact_sync_record(contact.business_relation_ids)
        by_field = {(r.link_to, r.contact_field): r for r in rows}
        self.assertEqual(by_field["customer", "phone"].contact_value, "+358 1")
        self.assertEqual(by_field["customer", "phone"].linked_value, "+358 2")
        self.assertEqual(
            by_field["customer", "country_id"].contact_value,
            self.country_be.display_name,
        )
        phone = by_field["customer", "phone"]
        self.assertEqual(phone.sync_field_id.display_name, "Phone")
        self.assertEqual(by_field["customer", "phone"].linked_record, customer)

        # one row: the customer's phone wins, on the contact and its vendor too
        by_field["customer", "phone"].action_use_linked_value()
        self.assertEqual(contact.phone, "+358 2")
        self.assertEqual(vendor.phone, "+358 2")
        self.assertFalse(by_field["customer", "phone"].exists(), "chosen: gone")
        # a selection: the contact's values
        rest = self.Difference.search([("contact_id", "=", contact.id)])
        self.assertTrue(rest)
        action = rest.action_use_contact_value()
        self.assertIn("values copied", action["params"]["message"])
        self.assertEqual(customer.city, "Oulu")
        self.assertEqual(customer.country_id, self.country_be)
        self.assertEqual(vendor.country_id, self.country_be)
        self.assertFalse(self.Difference.search([("contact_id", "=", contact.id)]))
        self.assertFalse(link._contact_sync_differences())

    def test_an_empty_value_chosen_is_written(self):
        contact, customer = self.pair("Empty Choice Oy", phone="+358 1")
        self.silently(contact, {"phone": False})
        rows = self.Difference._contact_sync_record(contact.business_relation_ids)
        rows.action_use_contact_value()
        self.assertFalse(customer.phone, "a user's choice, even an empty one")

    def test_differences_of_one_link_from_its_row(self):
        contact, customer = self.pair("Row Oy", phone="+358 1")
        link = customer.linked_business_relation_ids
        self.silently(customer, {"phone": "+358 2"})
        action = link.action_view_differences()
        self.assertEqual(action["res_model"], "contact.sync.difference")
        rows = self.Difference.search(action["domain"])
        self.assertEqual(rows.link_id, link)
        self.assertIn(contact.name, action["name"])
        # paused: its differences go, it is checked again when resumed
        link.sync_enabled = False
        self.assertFalse(rows.exists())

    def test_sync_field_labels_and_proposal(self):
        rule = self.rule("customer", "phone")
        self.assertEqual(rule.display_name, "Phone")
        with Form(self.SyncField.with_context(default_link_to="customer")) as form:
            form.contact_field_id = self.field("ref")
            self.assertEqual(form.linked_field_id, self.field("ref"), "proposed")
        form = Form(self.SyncField.with_context(default_link_to="bank_account"))
        form.contact_field_id = self.field("ref")
        self.assertFalse(form.linked_field_id, "a bank has no such field")
        form.contact_field_id = self.field("zip")
        self.assertEqual(form.linked_field_id, self.field("zip", "res.bank"))
        with self.assertRaises(ValidationError) as refused:
            self.SyncField.create(
                {
                    "link_to": "vendor",
                    "contact_field_id": self.field("parent_id").id,
                    "linked_field_id": self.field("parent_id").id,
                }
            )
        message = refused.exception.args[0]
        self.assertIn(": Related Company decides a record's company", message)
        self.assertNotIn("parent_id", message, "the user's words, not the code's")

    def test_link_with_existing_shows_what_wins(self):
        contact = self.make_contact("Preview Oy", phone="+358 1", city=False)
        customer = self.make_customer(
            "Preview Customer Oy", phone="+358 2", city="Vaasa"
        )
        wizard = self.env["contact.link.wizard"].create(
            {"contact_id": contact.id, "link_to": "customer", "partner_id": customer.id}
        )
        rows = {row[0]: row[1:] for row in wizard._contact_sync_preview_rows()}
        self.assertEqual(rows["Phone"], ("+358 1", "+358 2", "contact"))
        self.assertEqual(rows["City"], ("", "Vaasa", "linked"), "filled, not emptied")
        self.assertEqual(rows["Name"], ("Preview Oy", "Preview Customer Oy", "contact"))
        self.assertIn("Value kept", wizard.preview_html)
        wizard.master = "linked"
        rows = {row[0]: row[1:] for row in wizard._contact_sync_preview_rows()}
        self.assertEqual(rows["Phone"][2], "linked")
        wizard.master = "contact"
        wizard.action_link()
        # what the preview said
        self.assertEqual(customer.phone, "+358 1")
        self.assertEqual(customer.city, "Vaasa")
        self.assertEqual(contact.city, "Vaasa")
        self.assertEqual(customer.name, "Preview Oy")


@tagged("post_install", "-at_install")
class TestDifferencesTour(HttpCase):
    def test_tour_check_and_choose(self):
        env = self.env(context=dict(self.env.context, tracking_disable=True))
        company = env.company
        company.customer_business_relation_id = env.ref(
            "contact_partner_sync.business_relation_customer"
        )
        env["ir.config_parameter"].sudo().set_param(
            "contact_partner_sync.background_threshold", "1000000"
        )
        customer = env["res.partner"].create(
            {"name": "Tour Difference Oy", "is_company": True, "customer_rank": 1}
        )
        contact = customer.linked_contact_id
        contact.sudo().with_context(**{SYNC_SKIP: True}).industry_id = env[
            "res.partner.industry"
        ].create({"name": "Tour Industry"})
        self.start_tour(
            "/odoo/settings",
            "contact_partner_sync_differences",
            login="admin",
        )
        self.assertEqual(customer.industry_id.name, "Tour Industry")
        self.assertFalse(
            env["contact.sync.difference"].search([("contact_id", "=", contact.id)])
        )
