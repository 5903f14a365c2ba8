# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What a new admin trips over in the web client, fixed."""

from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import ContactSyncCase


@tagged("post_install", "-at_install")
class TestFirstUse(ContactSyncCase):
    def test_customer_cannot_become_a_contact(self):
        customer = self.Partner.create(
            {"name": "Ordering Customer Oy", "is_company": True, "customer_rank": 3}
        )
        form = Form(customer)
        form.is_contact = True
        with self.assertRaisesRegex(
            UserError, "Ordering Customer Oy is a customer or vendor: .*Create Contact"
        ):
            form.save()
        customer.invalidate_recordset()
        self.assertFalse(customer.is_contact)
        # a plain partner may still become a contact
        prospect = self.Partner.create({"name": "Plain Prospect Oy"})
        prospect.is_contact = True
        self.assertTrue(prospect.contact_no)

    def test_linking_makes_a_customer_and_a_vendor(self):
        contact = self.Partner.create({"name": "Linking Oy", "is_contact": True})
        partner = self.Partner.create({"name": "Unranked Oy", "is_company": True})
        self.assertEqual((partner.customer_rank, partner.supplier_rank), (0, 0))
        contact.link_customer(partner)
        self.assertEqual(partner.customer_rank, 1)
        self.assertIn(partner, self.Partner.search([("customer_rank", ">", 0)]))
        contact.link_vendor(partner)
        self.assertEqual((partner.customer_rank, partner.supplier_rank), (1, 1))
        self.assertEqual(contact.contact_business_relation, "multiple")
        self.assertFalse(
            self.Partner.search([("linked_contact_id", "=", partner.id)]),
            "linking created no other contact",
        )

    def test_demo_customer_template_tags_domestic_not_vendor(self):
        template = self.env.ref(
            "contact_partner_sync.contact_partner_template_customer",
            raise_if_not_found=False,
        )
        if not template:
            self.skipTest("demo data not installed")
        self.assertNotIn(
            self.env.ref("base.res_partner_category_0"), template.category_id
        )
        self.assertEqual(template.category_id.mapped("name"), ["Domestic"])

    def test_create_as_bank_account_says_whose_account_it_is(self):
        arch = self.env["contact.create.partner.wizard"].get_view()["arch"]
        self.assertIn("the new bank account is your company's own", arch)
        self.assertIn("The contact's own bank account belongs on its", arch)
