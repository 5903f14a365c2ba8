# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestTourInteractions(HttpCase):
    """A user sends a quotation from a contact, then finds it in its interaction log."""

    def test_send_quotation_from_contact(self):
        admin = self.env.ref("base.user_admin")
        admin.partner_id.email = "admin@yourcompany.example"
        company = admin.company_id
        company.write(
            {
                "external_report_layout_id": self.env.ref(
                    "web.external_layout_standard"
                ).id,
                "interaction_sale_quotation_template_id": self.env.ref(
                    "contact_partner_sync.interaction_template_sales_quote"
                ).id,
            }
        )
        contact = self.env["res.partner"].create(
            {
                "name": "Tour Prospect Oy",
                "is_contact": True,
                "is_company": True,
                "email": "office@tour-prospect.example",
                "company_id": False,
            }
        )
        self.start_tour(
            f"/odoo/contacts/{contact.id}",
            "contact_partner_sync_quotation_interaction",
            login="admin",
        )
        log = self.env["contact.interaction.log"].search(
            [("contact_id", "=", contact.id)]
        )
        self.assertEqual(len(log), 1)
        order = log.document_ref
        self.assertEqual(
            (order._name, order.partner_id, order.state),
            ("sale.order", contact, "sent"),
        )
        self.assertEqual(log.user_id, admin)
        self.assertEqual(log.message_id.res_id, order.id)
