# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Contact Nos. unique across companies, and Odoo's import: its test run draws no
number, a real run says how many contacts it created and linked."""

from psycopg2 import IntegrityError

from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import ContactSyncCase

IMPORT_OPTIONS = {
    "import_skip_records": [],
    "import_set_empty_fields": [],
    "fallback_values": {},
    "name_create_enabled_fields": {},
    "encoding": "utf-8",
    "separator": ",",
    "quoting": '"',
    "date_format": "",
    "datetime_format": "",
    "float_thousand_separator": ",",
    "float_decimal_separator": ".",
    "advanced": False,
    "has_headers": True,
    "keep_matches": False,
    "limit": 2000,
    "skip": 0,
    "tracking_disable": True,
}


@tagged("post_install", "-at_install")
class TestContactNumbers(ContactSyncCase):
    def test_numbers_unique_across_companies(self):
        other = self.env["res.company"].create({"name": "Nordic Sub AB"})
        self.set_codes(other)
        ours = self.make_contact("Ours Oy")
        theirs = self.make_contact("Theirs AB", company_id=other.id)
        self.assertTrue(ours.contact_no and theirs.contact_no)
        self.assertNotEqual(ours.contact_no, theirs.contact_no)
        # a customer of the second company: its contact too
        customer = self.Partner.create(
            {"name": "Sub Customer AB", "customer_rank": 1, "company_id": other.id}
        )
        numbers = self.Partner.search([("is_contact", "=", True)]).mapped("contact_no")
        self.assertEqual(numbers.count(customer.linked_contact_id.contact_no), 1)

    def test_a_number_in_use_is_skipped(self):
        sequence = self.company.contact_sequence_id
        upcoming = sequence.get_next_char(sequence.number_next_actual)
        # typed by hand (or imported) on a contact already
        taken = self.make_contact("Typed Oy", contact_no=upcoming)
        self.assertEqual(taken.contact_no, upcoming)
        contacts = self.Partner.create(
            [{"name": f"Next {i}", "is_contact": True} for i in range(3)]
        )
        self.assertNotIn(upcoming, contacts.mapped("contact_no"))
        self.assertEqual(len(set(contacts.mapped("contact_no"))), 3)

    def test_a_duplicate_number_is_refused(self):
        first = self.make_contact("First Oy")
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(IntegrityError),
            self.env.cr.savepoint(),
        ):
            self.make_contact("Second Oy", contact_no=first.contact_no)

    def test_sequence_is_named_in_the_users_language(self):
        self.env["res.lang"]._activate_lang("sv_SE")
        sequence = self.company.contact_sequence_id
        self.assertEqual(
            sequence.with_context(lang="sv_SE").display_name,
            "Nummerserie för kontakter",
        )


@tagged("post_install", "-at_install")
class TestImportContacts(ContactSyncCase):
    def run_import(self, rows, dryrun=False):
        lines = ["name,vat,customer_rank"] + [f'"{n}","{v}",1' for n, v in rows]
        wizard = self.env["base_import.import"].create(
            {
                "res_model": "res.partner",
                "file": "\n".join(lines).encode(),
                "file_type": "text/csv",
                "file_name": "customers.csv",
            }
        )
        return wizard.execute_import(
            ["name", "vat", "customer_rank"],
            ["name", "vat", "customer_rank"],
            dict(IMPORT_OPTIONS),
            dryrun=dryrun,
        )

    def test_test_run_draws_no_number(self):
        sequence = self.company.contact_sequence_id
        before = sequence.number_next_actual
        result = self.run_import([(f"Dry Customer {i}", "") for i in range(5)], True)
        self.assertFalse(result["messages"])
        self.assertEqual(len(result["ids"]), 5)
        self.assertFalse(
            self.Partner.search([("name", "like", "Dry Customer")]), "rolled back"
        )
        sequence.invalidate_recordset()
        self.assertEqual(sequence.number_next_actual, before, "no number used up")

    def test_real_run_says_what_was_created_and_linked(self):
        existing = self.make_contact("Matched Oy", vat="FI12345678")
        linked = self.make_contact("Linked Oy", vat="FI87654321")
        self.Partner.create(
            {"name": "Linked Oy", "vat": "FI87654321", "customer_rank": 1}
        )
        self.assertTrue(linked.business_relation_ids, "linked by matching")
        sequence = self.company.contact_sequence_id
        before = sequence.number_next_actual
        result = self.run_import(
            [
                ("Imported A", "FI11111111"),
                ("Imported B", "FI 1234-5678"),  # the existing contact, written apart
                ("Imported C", "FI87654321"),  # a contact linked already
                ("Imported D", "FI22222222"),
                ("Imported E", "fi2222-2222"),  # D's VAT, written differently
            ]
        )
        self.assertFalse(result["messages"])
        customers = self.Partner.browse(result["ids"])
        self.assertEqual(len(customers), 5)
        self.assertTrue(all(customers.mapped("linked_contact_id")))
        self.assertEqual(customers[1].linked_contact_id, existing)
        summary = result["contact_partner_sync"]
        self.assertEqual((summary["created"], summary["linked"]), (4, 1))
        self.assertEqual(summary["twins"], 3, "C's twin, and D's and E's")
        self.assertIn("4 created, 1 existing ones linked", summary["message"])
        self.assertIn("3 of the new contacts have the VAT", summary["message"])
        sequence.invalidate_recordset()
        self.assertEqual(sequence.number_next_actual, before + 4, "a number each")
