# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What the running Odoo series (18.0 or 19.0, ``compat.SERIES``) changes under the
addon: its rules exist in the database, its installed synchronized fields exist in
the series, and the addon's promise holds where Odoo's own address rules differ. A
test that pins one series' behaviour says which."""

import psycopg2

from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.contact_partner_sync.contact_partner_sync.compat import (
    SERIES,
    SINCE_19,
)

from .common import ContactSyncCase

# the unique rules and checks of the addon, by table (the same names on both series)
RULES = {
    "business_relation": ["code_uniq"],
    "contact_business_relation": [
        "partner_link_uniq",
        "bank_account_uniq",
        "link_target_check",
    ],
    "contact_sync_field": ["contact_field_uniq", "linked_field_uniq"],
    "contact_interaction_template": ["code_uniq"],
}


@tagged("post_install", "-at_install")
class TestSeries(ContactSyncCase):
    def test_rules_exist_in_the_database(self):
        self.env.cr.execute(
            "SELECT conname FROM pg_constraint"
            " WHERE conrelid::regclass::text = ANY(%s)",
            [list(RULES)],
        )
        existing = {name for (name,) in self.env.cr.fetchall()}
        for table, names in RULES.items():
            for name in names:
                self.assertIn(f"{table}_{name}", existing, SERIES)

    def test_unique_indexes_exist_in_the_database(self):
        """The partial unique rules of the links (one customer and one vendor per
        contact, bank accounts aside): unique indexes on both series."""
        for name in ("contact_relation_once", "contact_single_link"):
            self.env.cr.execute(
                "SELECT indexdef FROM pg_indexes WHERE indexname = %s",
                [f"contact_business_relation_{name}"],
            )
            [[definition]] = self.env.cr.fetchall()
            self.assertIn("UNIQUE", definition, SERIES)
            self.assertIn("bank_account", definition, SERIES)

    def test_contacts_app_index_exists_in_the_database(self):
        """The Contacts app's default filter counts its rows in a partial index,
        on both series."""
        self.env.cr.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = %s",
            ["res_partner_contact_one_face_idx"],
        )
        [[definition]] = self.env.cr.fetchall()
        self.assertIn("linked_contact_id IS NULL", definition, SERIES)

    def test_a_unique_rule_refuses_a_duplicate(self):
        code = self.relation_customer.code
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(psycopg2.errors.UniqueViolation),
            self.env.cr.savepoint(),
        ):
            self.env["business.relation"].create({"code": code, "name": "Twin"})
            self.env.flush_all()

    def test_installed_fields_exist_in_the_series(self):
        synced = self.env["contact.sync.field"].search([])
        self.assertTrue(synced)
        for record in synced:
            contact_field = record.contact_field_id
            self.assertIn(contact_field.name, self.env[contact_field.model]._fields)
            linked_field = record.linked_field_id
            self.assertIn(linked_field.name, self.env[linked_field.model]._fields)
        customer_fields = synced.filtered(lambda f: f.link_to == "customer")
        names = set(customer_fields.contact_field_id.mapped("name"))
        if SINCE_19:  # 19.0 has no res.partner.mobile
            self.assertNotIn("mobile", names)
        else:
            self.assertIn("mobile", names)
        self.assertTrue({"name", "phone", "email", "city", "vat"} <= names)

    def test_company_address_reaches_persons_and_the_contact(self):
        customer = self.Partner.create(
            {"name": "Series Oy", "is_company": True, "customer_rank": 1}
        )
        contact = customer.linked_contact_id
        person = self.Partner.create(
            {"name": "Series Person", "parent_id": customer.id, "type": "contact"}
        )
        customer.write({"street": "Kauppatori 1", "city": "Helsinki"})
        self.assertEqual((person.street, person.city), ("Kauppatori 1", "Helsinki"))
        self.assertEqual((contact.street, contact.city), ("Kauppatori 1", "Helsinki"))

    def test_first_person_address_of_a_company_without_address(self):
        # both series: the first person's address becomes its company's, and the
        # customer's contact follows
        customer = self.Partner.create(
            {"name": "Empty Address Oy", "is_company": True, "customer_rank": 1}
        )
        contact = customer.linked_contact_id
        self.Partner.create(
            {
                "name": "First Person",
                "parent_id": customer.id,
                "type": "contact",
                "street": "Aleksanterinkatu 2",
                "city": "Turku",
            }
        )
        self.assertEqual(customer.city, "Turku")
        self.assertEqual(contact.city, "Turku")

    def person_writes(self, fname, company_value, person_value):
        """A customer (with its contact) whose value of ``fname`` is
        ``company_value``, and a person of it that writes ``person_value``: the
        customer's value after the write, once checked that its contact has it."""
        customer = self.Partner.create(
            {
                "name": f"Person {fname} Oy",
                "is_company": True,
                "customer_rank": 1,
                fname: company_value,
            }
        )
        person = self.Partner.create(
            {"name": f"Person {fname}", "parent_id": customer.id, "type": "contact"}
        )
        person.write({fname: person_value})
        self.assertEqual(
            customer.linked_contact_id[fname], customer[fname], "one value, both faces"
        )
        return customer[fname]

    def test_person_address_change(self):
        # 19.0 writes a person's address up to its company, and the customer's
        # contact follows; 18.0 keeps the company's address
        expected = "Tampere" if SINCE_19 else "Oulu"
        self.assertEqual(self.person_writes("city", "Oulu", "Tampere"), expected)

    def test_person_vat_change(self):
        # 19.0 writes a person's VAT up to its company (and the contact follows)
        expected = "FI76543210" if SINCE_19 else "FI12345671"
        self.assertEqual(
            self.person_writes("vat", "FI12345671", "FI76543210"), expected
        )

    def test_dropdown_search_with_a_domain(self):
        customer = self.Partner.create(
            {"name": "Dropdown Series Oy", "is_company": True, "customer_rank": 1}
        )
        found = self.Partner.name_search(
            "Dropdown Series", [("id", "=", customer.id)], "ilike", 10
        )
        self.assertEqual([pid for pid, _name in found], [customer.id])
        found = self.Partner.with_context(
            res_partner_search_mode="customer"
        ).name_search(name="Dropdown Series", limit=10)
        self.assertIn(customer.id, [pid for pid, _name in found])

    def test_first_rank_makes_one_contact(self):
        # 19.0 increases a rank from 0 by an ORM write: still one contact
        partner = self.Partner.create({"name": "Rank Once Oy", "is_company": True})
        partner._increase_rank("customer_rank")
        partner._increase_rank("supplier_rank")
        contacts = self.Partner.search(
            [("is_contact", "=", True), ("name", "=", "Rank Once Oy")]
        )
        self.assertEqual(len(contacts), 1)
        self.assertEqual(partner.linked_contact_id, contacts)
        self.assertEqual(contacts.contact_business_relation, "multiple")
