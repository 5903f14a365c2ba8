# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged

from .common import CODE_FIELDS


@tagged("post_install", "-at_install")
class TestTourUi(HttpCase):
    """The seed's ways, clicked through in the web client (static/tests/tours/)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.ref("base.main_company")
        cls.Partner = cls.env["res.partner"]
        cls.relations = [
            cls.env.ref(f"contact_partner_sync.business_relation_{kind}")
            for kind in ("customer", "vendor", "bank_account")
        ]
        cls.company.write(
            dict(zip(CODE_FIELDS, [r.id for r in cls.relations], strict=True))
        )

    def test_settings_codes_and_create_contacts(self):
        self.company.write(dict.fromkeys(CODE_FIELDS, False))
        legacy = self.Partner.create(
            {"name": "Tour Legacy Customer", "is_company": True, "customer_rank": 1}
        )
        self.assertFalse(legacy.linked_contact_id)
        self.start_tour(
            "/odoo/settings", "contact_partner_sync_settings", login="admin"
        )
        self.assertEqual([self.company[fname] for fname in CODE_FIELDS], self.relations)
        contact = legacy.linked_contact_id
        self.assertTrue(contact.is_contact)
        self.assertEqual(contact.name, "Tour Legacy Customer")
        self.assertEqual(contact.contact_business_relation, "customer")

    def test_new_customer_contact_phone(self):
        self.start_tour(
            "/odoo/action-account.res_partner_action_customer/new",
            "contact_partner_sync_customer_contact",
            login="admin",
        )
        customer = self.Partner.search([("name", "=", "Tour Customer Oy")])
        self.assertEqual(len(customer), 2, "the customer and its contact")
        contact = customer.filtered("is_contact")
        customer -= contact
        self.assertEqual(customer.linked_contact_id, contact)
        self.assertTrue(customer.customer_rank)
        self.assertEqual(
            (contact.phone, customer.phone), ("+358 40 123 4567", "+358 40 123 4567")
        )

    def test_delete_contact_keeps_customer(self):
        customer = self.Partner.create(
            {"name": "Tour Kept Customer", "is_company": True, "customer_rank": 1}
        )
        contact = customer.linked_contact_id
        self.assertTrue(contact)
        self.start_tour(
            f"/odoo/action-account.res_partner_action_customer/{customer.id}",
            "contact_partner_sync_delete_contact",
            login="admin",
        )
        self.assertFalse(contact.exists())
        self.assertTrue(customer.exists())
        self.assertFalse(customer.linked_contact_id)
        self.assertEqual(customer.customer_rank, 1)
        self.assertIn(
            "was deleted: this customer is kept and no longer synchronized with it.",
            customer.message_ids[:1].body,
        )

    def test_create_vendor_with_template(self):
        term = self.env.ref("account.account_payment_term_45days")
        self.env["contact.partner.template"].create(
            {
                "name": "Tour Export Vendors",
                "link_to": "vendor",
                "contact_type": "company",
                "property_supplier_payment_term_id": term.id,
            }
        )
        contact = self.Partner.create(
            {"name": "Tour Vendor AB", "is_contact": True, "is_company": True}
        )
        self.start_tour(
            f"/odoo/contacts/{contact.id}",
            "contact_partner_sync_create_vendor",
            login="admin",
        )
        vendor = contact.business_relation_ids.partner_id
        self.assertEqual(contact.contact_business_relation, "vendor")
        self.assertEqual(vendor.name, "Tour Vendor AB")
        self.assertTrue(vendor.supplier_rank)
        self.assertEqual(vendor.property_supplier_payment_term_id, term)

    def test_link_existing_customer(self):
        self.company.customer_business_relation_id = False
        customer = self.Partner.create(
            {
                "name": "Tour Existing Customer",
                "is_company": True,
                "customer_rank": 1,
                "phone": "+46 8 555 0100",
            }
        )
        self.company.customer_business_relation_id = self.relations[0]
        contact = self.Partner.create(
            {
                "name": "Tour Prospect AB",
                "is_contact": True,
                "is_company": True,
                "phone": "+46 8 000 0000",
            }
        )
        self.start_tour(
            f"/odoo/contacts/{contact.id}",
            "contact_partner_sync_link_customer",
            login="admin",
        )
        self.assertEqual(customer.linked_contact_id, contact)
        self.assertEqual(contact.phone, "+46 8 555 0100")
        self.assertEqual(contact.name, "Tour Existing Customer")
