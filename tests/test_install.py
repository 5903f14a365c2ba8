# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import Form, TransactionCase, tagged

CODE_FIELDS = (
    "customer_business_relation_id",
    "vendor_business_relation_id",
    "bank_account_business_relation_id",
)


@tagged("post_install", "-at_install")
class TestInstall(TransactionCase):
    """What installing the addon gives."""

    def test_business_relations_installed(self):
        relations = self.env["business.relation"].search(
            [("code", "in", ["CUST", "VEND", "BANK"])]
        )
        self.assertEqual(
            {(r.code, r.name) for r in relations},
            {("CUST", "Customer"), ("VEND", "Vendor"), ("BANK", "Bank Account")},
        )
        self.assertTrue(all(relations.mapped("active")))
        self.assertEqual(
            self.env.ref(
                "contact_partner_sync.business_relation_customer"
            ).display_name,
            "[CUST] Customer",
        )

    def test_contact_sequence_on_every_company(self):
        companies = self.env["res.company"].with_context(active_test=False).search([])
        for company in companies:
            sequence = company.contact_sequence_id
            self.assertTrue(sequence, f"{company.name} has no Contact Nos.")
            self.assertEqual((sequence.prefix, sequence.padding), ("CT", 6))
            self.assertFalse(sequence.company_id, "one for the database")

    def test_new_company_gets_sequence_and_no_codes(self):
        company = self.env["res.company"].create({"name": "Second Company"})
        self.assertEqual(company.contact_sequence_id.prefix, "CT")
        self.assertEqual(company.contact_sequence_id.padding, 6)
        self.assertEqual(
            company.contact_sequence_id,
            self.env.company.contact_sequence_id,
            "one Contact Nos. for the database: numbers unique across companies",
        )
        self.assertFalse(company.contact_sequence_id.company_id)
        self.assertFalse(any(company[fname] for fname in CODE_FIELDS))
        ours = self.env["res.partner"].create({"name": "A", "is_contact": True})
        theirs = self.env["res.partner"].create(
            {"name": "C", "is_contact": True, "company_id": company.id}
        )
        self.assertRegex(theirs.contact_no, r"^CT\d{6}$")
        self.assertNotEqual(theirs.contact_no, ours.contact_no)

    def test_sequence_setup_is_idempotent(self):
        sequences = self.env["ir.sequence"].search_count(
            [("code", "=", "contact_partner_sync.contact")]
        )
        self.env["res.company"]._contact_sync_init_sequences()
        self.assertEqual(
            self.env["ir.sequence"].search_count(
                [("code", "=", "contact_partner_sync.contact")]
            ),
            sequences,
        )

    def test_codes_unset_unless_demo(self):
        """The data never sets the codes; the demo data sets them (main company)."""
        demo = bool(
            self.env.ref(
                "contact_partner_sync.business_relation_prospect",
                raise_if_not_found=False,
            )
        )
        main = self.env.ref("base.main_company")
        self.assertEqual(all(main[fname] for fname in CODE_FIELDS), demo)
        self.assertEqual(any(main[fname] for fname in CODE_FIELDS), demo)

    def test_settings_relationship_management(self):
        """The codes are set in Settings, in the Relationship Management block."""
        company = self.env.company
        company.write(dict.fromkeys(CODE_FIELDS, False))
        customer = self.env.ref("contact_partner_sync.business_relation_customer")
        vendor = self.env.ref("contact_partner_sync.business_relation_vendor")
        bank = self.env.ref("contact_partner_sync.business_relation_bank_account")
        settings = Form(self.env["res.config.settings"])
        self.assertEqual(settings.contact_sequence_id, company.contact_sequence_id)
        settings.customer_business_relation_id = customer
        settings.vendor_business_relation_id = vendor
        settings.bank_account_business_relation_id = bank
        settings.save().execute()
        self.assertEqual(
            (
                company.customer_business_relation_id,
                company.vendor_business_relation_id,
                company.bank_account_business_relation_id,
            ),
            (customer, vendor, bank),
        )
        arch = self.env["res.config.settings"].get_view(view_type="form")["arch"]
        self.assertIn("Relationship Management", arch)


@tagged("post_install", "-at_install")
class TestDemo(TransactionCase):
    """The demo data: a few linked contacts on the main company."""

    def setUp(self):
        super().setUp()
        if not self.env.ref(
            "contact_partner_sync.business_relation_prospect", raise_if_not_found=False
        ):
            self.skipTest("installed without demo data")

    def test_demo_contacts(self):
        ref = self.env.ref
        deco = ref("contact_partner_sync.contact_deco_addict")
        self.assertEqual(deco.contact_business_relation, "customer")
        self.assertEqual(ref("base.res_partner_2").linked_contact_id, deco)
        self.assertEqual(
            ref("contact_partner_sync.contact_wood_corner").contact_business_relation,
            "vendor",
        )
        multiple = ref("contact_partner_sync.contact_nordlys")
        self.assertEqual(multiple.contact_business_relation, "multiple")
        self.assertEqual(
            sorted(multiple.business_relation_ids.mapped("link_to")),
            ["bank_account", "customer", "vendor"],
        )
        self.assertEqual(
            multiple.business_relation_ids.bank_account_id.bank_id.name, multiple.name
        )
        # a person added under the contact lives under its customer, listed on both
        person = ref("contact_partner_sync.contact_deco_addict_person")
        customer = ref("base.res_partner_2")
        self.assertEqual((person.parent_id, person.is_contact), (customer, False))
        self.assertIn(person, deco.contact_person_ids)
        self.assertEqual(
            ref("contact_partner_sync.contact_prospect").contact_business_relation,
            "other",
        )
        for contact in (deco, multiple):
            self.assertRegex(contact.contact_no, r"^CT\d{6}$")
