# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""One face per place: what a user types on a new record meets no server error."""

from odoo.tests import Form, HttpCase, tagged

from .common import CODE_FIELDS, ContactSyncCase


@tagged("post_install", "-at_install")
class TestOneFace(ContactSyncCase):
    def test_same_vat_banner_on_a_record_not_saved_yet(self):
        customer = self.Partner.create(
            {
                "name": "Banner Oy",
                "is_company": True,
                "customer_rank": 1,
                "vat": "FI12345671",
            }
        )
        self.assertTrue(customer.linked_contact_id, "a linked pair shares the VAT")
        # a new customer (Sales > Customers) and a new contact
        for context in (
            {"res_partner_search_mode": "customer"},
            {"default_is_contact": True},
        ):
            with self.subTest(**context):
                form = Form(
                    self.Partner.with_context(default_is_company=True, **context)
                )
                form.name = "New Banner Oy"
                form.vat = "FI12345671"
                # one banner names the pair: the addon's, which lists its contact
                self.assertIn(customer.linked_contact_id, form.contact_duplicate_ids)
                self.assertFalse(form.same_vat_partner_id, "not Odoo's too")

    def test_automatic_contact_is_a_plain_contact(self):
        # Sales > Customers and Purchase > Vendors: their context defaults make the
        # new partner a customer / vendor, never its automatic contact
        for context in (
            {"res_partner_search_mode": "customer", "default_customer_rank": 1},
            {"res_partner_search_mode": "supplier", "default_supplier_rank": 1},
            {"default_customer_rank": 1, "default_category_id": []},
        ):
            with self.subTest(**context):
                form = Form(self.Partner.with_context(**context))
                form.name = "Menu Customer Oy"
                partner = form.save()
                contact = partner.linked_contact_id
                self.assertTrue(contact.is_contact)
                self.assertEqual(
                    (contact.customer_rank, contact.supplier_rank),
                    (0, 0),
                    "the contact is not listed under Customers / Vendors",
                )
                self.assertTrue(partner.customer_rank or partner.supplier_rank)

    def test_document_partner_fields_offer_a_linked_pair_once(self):
        customer = self.Partner.create(
            {"name": "Twin Search Oy", "is_company": True, "customer_rank": 1}
        )
        contact = customer.linked_contact_id
        person = self.Partner.create(
            {"name": "Twin Search Person", "parent_id": contact.id}
        )
        lone = self.Partner.create({"name": "Twin Search Lone", "is_contact": True})
        Partner = self.Partner.with_context(res_partner_search_mode="customer")
        offered = Partner.browse(
            [pid for pid, _name in Partner.name_search("Twin Search")]
        )
        self.assertIn(customer, offered)
        self.assertNotIn(contact, offered, "the customer stands for its contact")
        self.assertEqual(person.parent_id, customer, "a person lives under it")
        self.assertIn(person, offered)
        self.assertIn(lone, offered, "a contact without customer is offered")
        # "Search More..." and the Customers list
        listed = Partner.web_search_read(
            [("name", "ilike", "Twin Search")], {"display_name": {}}
        )["records"]
        self.assertEqual(
            self.Partner.browse([row["id"] for row in listed]), customer | person | lone
        )
        # for a vendor bill too: the customer stands for its contact (it becomes
        # the vendor), a contact without customer or vendor is offered
        Vendors = self.Partner.with_context(res_partner_search_mode="supplier")
        offered = Vendors.browse(
            [pid for pid, _name in Vendors.name_search("Twin Search")]
        )
        self.assertEqual(offered, customer | person | lone)
        # without the context (the Contacts app), everything is listed
        self.assertIn(contact, self.Partner.search([("name", "ilike", "Twin Search")]))

    def test_dropdowns_and_breadcrumbs_tell_a_contact_from_its_customer(self):
        customer = self.Partner.create(
            {"name": "Glance Oy", "is_company": True, "customer_rank": 1}
        )
        contact = customer.linked_contact_id
        number = contact.contact_no
        names = dict(self.Partner.name_search("Glance Oy"))
        self.assertEqual(names[contact.id], f"Glance Oy (Contact {number})")
        self.assertEqual(names[customer.id], "Glance Oy (Customer)")
        contact.create_vendor()
        self.assertEqual(
            dict(self.Partner.name_search("Glance Oy"))[customer.id],
            "Glance Oy (Customer / Vendor)",
        )
        # documents show the address after the first line: the label stays on it
        customer.city = "Turku"
        addressed = dict(
            self.Partner.with_context(show_address=True).name_search("Glance Oy")
        )
        self.assertTrue(
            addressed[customer.id].startswith("Glance Oy (Customer / Vendor)\n")
        )
        # reports, e-mails and the form title: the plain name
        self.assertEqual(customer.display_name, "Glance Oy")
        # breadcrumbs of the smart buttons
        action = customer.action_view_linked_contact()
        labelled = contact.with_context(**action["context"])
        self.assertEqual(labelled.display_name, f"Glance Oy ({number})", "short there")
        action = contact.action_view_contact_customer()
        labelled = customer.with_context(**action["context"])
        self.assertEqual(labelled.display_name, "Glance Oy (Customer / Vendor)")
        # the customer's own columns: no "None" business relation, its contact's no.
        self.assertFalse(customer.contact_business_relation)
        self.assertEqual(contact.contact_business_relation, "multiple")
        self.assertEqual(customer.contact_ref_no, number)
        self.assertEqual(contact.contact_ref_no, number)
        # the cards: a badge on the contact, the link on the customer
        arch = self.Partner.get_view(view_type="kanban")["arch"]
        self.assertIn("Linked to contact", arch)
        self.assertIn("badge rounded-pill text-bg-info", arch)


@tagged("post_install", "-at_install")
class TestOneFaceTours(HttpCase):
    """Typing a name in a document's partner field, posting on a contact."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.env.ref("base.main_company")
        company.write(
            {
                fname: cls.env.ref(f"contact_partner_sync.business_relation_{kind}").id
                for fname, kind in zip(
                    CODE_FIELDS, ("customer", "vendor", "bank_account"), strict=True
                )
            }
        )
        cls.Partner = cls.env["res.partner"]

    def test_quotation_and_bill_offer_one_row(self):
        customer = self.Partner.create(
            {"name": "Tour Twin Oy", "is_company": True, "customer_rank": 1}
        )
        self.assertTrue(customer.linked_contact_id)
        self.start_tour(
            "/odoo/action-sale.action_quotations_with_onboarding/new",
            "contact_partner_sync_quotation_one_row",
            login="admin",
        )
        self.start_tour(
            "/odoo/action-account.action_move_in_invoice_type/new",
            "contact_partner_sync_bill_one_row",
            login="admin",
        )

    def test_invoice_posted_on_a_contact_is_found_on_its_customer(self):
        contact = self.Partner.create(
            {"name": "Tour Lone Contact Oy", "is_contact": True, "is_company": True}
        )
        self.env["product.product"].create(
            {"name": "Tour Oak Desk", "list_price": 250.0}
        )
        self.start_tour(
            "/odoo/action-account.action_move_out_invoice_type/new",
            "contact_partner_sync_invoice_on_contact",
            login="admin",
        )
        customer = contact.contact_customer_id
        self.assertTrue(customer, "the customer is created from the contact")
        invoice = self.env["account.move"].search(
            [("invoice_line_ids.product_id.name", "=", "Tour Oak Desk")]
        )
        self.assertEqual(invoice.state, "posted")
        self.assertEqual(invoice.partner_id, customer)
        self.assertEqual(contact.customer_rank, 0)


@tagged("post_install", "-at_install")
class TestMatching(ContactSyncCase):
    """Matching instead of twins (res.company.contact_match_field_ids)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.contact_match_field_ids = cls.env["ir.model.fields"]._get_ids(
            "res.partner"
        ).get("vat") and cls.env["ir.model.fields"].search(
            [("model", "=", "res.partner"), ("name", "in", ("vat", "company_registry"))]
        )

    def partner(self, name, rank="customer_rank", **vals):
        return self.Partner.create(
            dict(name=name, is_company=True, **{rank: 1}, **vals)
        )

    def test_installed_match_fields(self):
        company = self.env["res.company"].create({"name": "Matching Default Oy"})
        self.assertEqual(
            sorted(company.contact_match_field_ids.mapped("name")),
            ["company_registry", "vat"],
        )
        arch = self.env["res.config.settings"].get_view()["arch"]
        self.assertIn('name="contact_match_field_ids"', arch)

    def test_new_customer_is_linked_to_the_matching_contact(self):
        contact = self.make_contact(
            "Match Oy", vat="FI 1234-5678", phone="+358 9 111", email="old@match.fi"
        )
        customer = self.partner("Match Oy", vat="fi12345678", email="sales@match.fi")
        self.assertEqual(customer.linked_contact_id, contact, "no twin")
        self.assertEqual(customer.phone, "+358 9 111", "the contact fills the gaps")
        self.assertEqual(contact.email, "sales@match.fi", "the record's values win")
        self.assertEqual(contact.vat, customer.vat)
        self.assertEqual(
            self.Partner.search_count(
                [("is_contact", "=", True), ("name", "=", "Match Oy")]
            ),
            1,
        )
        # the vendor of the same company later: the same contact
        vendor = self.partner("Match Oy Purchasing", "supplier_rank", vat="FI12345678")
        self.assertEqual(vendor.linked_contact_id, contact)
        self.assertEqual(contact.contact_vendor_id, vendor)

    def test_several_or_taken_matches_make_a_new_contact(self):
        first = self.make_contact("Twice Oy", vat="SE556000000001")
        second = self.make_contact("Twice AB", vat="se 5560 0000 0001")
        customer = self.partner("Twice", vat="SE556000000001")
        self.assertNotIn(customer.linked_contact_id, first | second)
        self.assertTrue(customer.linked_contact_id)
        # a contact linked as customer already is not matched for another customer
        taken = self.make_contact("Taken Oy", company_registry="777")
        taken.create_customer()
        other = self.partner("Taken Again", company_registry="777")
        self.assertNotEqual(other.linked_contact_id, taken)
        # but it is matched as vendor
        vendor = self.partner("Taken Vendor", "supplier_rank", company_registry="777")
        self.assertNotEqual(vendor.linked_contact_id, taken, "two records match")

    def test_create_contacts_matches_in_constant_queries(self):
        def batch(n, tag):
            contacts = self.Partner.browse()
            vals = []
            for i in range(n):
                vat = f"BE0{tag}{i:07d}"
                if i % 3 == 0:
                    contacts |= self.make_contact(f"Batch {tag} {i}", vat=vat)
                vals.append(
                    {
                        "name": f"Batch {tag} {i}",
                        "is_company": True,
                        "customer_rank": 1,
                        "vat": vat,
                    }
                )
            with self.codes_unset():
                customers = self.Partner.create(vals)
            return customers, contacts

        counts = []
        # warm the registry's caches (the company's match fields, the synchronized
        # fields) with a first run
        batch(3, 9)[0].create_contacts()
        # (a single matched partner takes the engine's one-record path: compared
        # here are batches of several)
        for n, tag in ((6, 1), (12, 2)):
            customers, contacts = batch(n, tag)
            counts.append(self.count_queries(customers.create_contacts))
            self.assertEqual(
                customers.filtered(lambda c, cs=contacts: c.linked_contact_id in cs),
                customers[::3],
            )
            self.assertEqual(len(customers.linked_contact_id), n)
        self.assertEqual(counts[0], counts[1], "as many queries for 6 as for 12")

    def test_matching_contacts_shown_on_a_record_not_saved_yet(self):
        contact = self.make_contact("Banner Oy", vat="DK12345678")
        form = Form(self.Partner.with_context(default_is_company=True))
        form.name = "Banner Customer"
        form.vat = "dk 1234 5678"
        self.assertEqual(form.contact_duplicate_ids[:], contact)
        # a contact sees the other contacts matching it, not itself nor its twins
        other = self.make_contact("Banner Two Oy", vat="DK12345678")
        self.assertEqual(contact.contact_duplicate_ids, other)
        customer = contact.create_customer()
        self.assertEqual(customer.contact_duplicate_ids, other)
        arch = self.Partner.get_view(self.env.ref("base.view_partner_form").id)["arch"]
        self.assertIn("warning_contact_duplicates", arch)
