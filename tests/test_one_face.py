# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""One face per place: what a user types on a new record meets no server error."""

from odoo.tests import Form, tagged

from .common import ContactSyncCase


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
                # Odoo's banner names a partner of that VAT: the pair is there
                self.assertIn(
                    form.same_vat_partner_id,
                    customer | customer.linked_contact_id,
                )
