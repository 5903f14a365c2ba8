# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, HttpCase, new_test_user, tagged

from .common_documents import ContactDocumentsCase

EVENT_TEMPLATES = {
    "interaction_sale_quotation_template_id": "interaction_template_sales_quote",
    "interaction_sale_order_template_id": "interaction_template_sales_order",
    "interaction_purchase_rfq_template_id": "interaction_template_purchase_quote",
    "interaction_purchase_order_template_id": "interaction_template_purchase_order",
    "interaction_purchase_agreement_template_id": (
        "interaction_template_purchase_blanket"
    ),
    "interaction_customer_invoice_template_id": "interaction_template_sales_invoice",
    "interaction_email_template_id": "interaction_template_email",
}


@tagged("post_install", "-at_install")
class TestInteractions(ContactDocumentsCase):
    """Printing and e-mailing documents, and e-mails from contacts, are logged."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.templates = {
            fname: cls.env.ref(f"contact_partner_sync.{xmlid}")
            for fname, xmlid in EVENT_TEMPLATES.items()
        }
        # the installed setup, whatever another test or an admin changed
        cls.company.write(
            {fname: template.id for fname, template in cls.templates.items()}
        )
        cls.customer = cls.make_customer("Prospect Oy", email="office@prospect.example")
        cls.contact.link_customer(cls.customer)
        cls.contact.link_vendor(cls.customer)
        cls.Report = cls.env["ir.actions.report"]
        # the document layout is configured (else printing first asks for it)
        cls.company.external_report_layout_id = cls.env.ref(
            "web.external_layout_standard"
        )

    def template(self, fname):
        return self.templates[fname]

    def print_document(self, action):
        """Render the report of a report action as the web client downloads it."""
        self.assertEqual(action["type"], "ir.actions.report")
        content, _report_type = self.Report._render_qweb_pdf(
            action["report_name"], action["context"]["active_ids"]
        )
        return content

    def send_with_composer(self, action):
        self.assertEqual(action["res_model"], "mail.compose.message")
        composer = Form(
            self.env["mail.compose.message"].with_context(**action["context"])
        ).save()
        composer.action_send_mail()
        return composer

    def logs(self, contact=None):
        return self.Log.search(
            [("contact_id", "=", (contact or self.contact).id)], order="id"
        )

    # ------------------------------------------------------------------ setup
    def test_installed_setup(self):
        self.assertEqual(
            [
                self.env.ref(f"contact_partner_sync.{xmlid}").code
                for xmlid in EVENT_TEMPLATES.values()
            ],
            [
                "SALES-QUO",
                "SALES-ORDR",
                "PURCH-QUO",
                "PURCH-ORDR",
                "PURCH-BLNK",
                "SALES-INV",
                "EMAIL",
            ],
        )
        new_company = self.env["res.company"].create({"name": "New Branch Oy"})
        for fname, template in self.templates.items():
            self.assertEqual(new_company[fname], template, fname)
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(
            settings.interaction_email_template_id,
            self.template("interaction_email_template_id"),
        )
        settings.interaction_email_template_id = False
        settings.execute()
        self.assertFalse(self.company.interaction_email_template_id)

    # ------------------------------------------------------------------ sales
    def test_quotation_sent_by_email(self):
        order = self.sale_order_for(self.customer)
        self.send_with_composer(order.action_quotation_send())

        self.assertEqual(order.state, "sent")
        log = self.logs()
        self.assertEqual(
            len(log), 1, "one entry for the e-mail, none for its attached PDF"
        )
        self.assertEqual(
            log.template_id, self.template("interaction_sale_quotation_template_id")
        )
        self.assertEqual(log.document_ref, order)
        self.assertEqual((log.res_model, log.res_id), ("sale.order", order.id))
        self.assertEqual(log.description, f"Quotation {order.name} sent by e-mail")
        self.assertEqual(log.user_id, self.env.user)
        self.assertEqual(log.company_id, self.company)
        self.assertEqual(log.message_id.model, "sale.order")
        self.assertEqual(log.message_id.res_id, order.id)
        self.assertIn(self.customer, log.message_id.partner_ids)
        self.assertTrue(
            log.message_id.attachment_ids, "the quotation went out as attachment"
        )
        self.assertEqual(self.contact.interaction_log_count, 1)
        self.assertEqual(self.contact.interaction_last_date, log.date)

    def test_quotation_printed_then_sent(self):
        order = self.sale_order_for(self.customer)
        content = self.print_document(
            self.env.ref("sale.action_report_saleorder").report_action(order)
        )
        self.assertIn(order.name.encode(), content)
        log = self.logs()
        self.assertEqual(len(log), 1)
        self.assertEqual(
            log.template_id, self.template("interaction_sale_quotation_template_id")
        )
        self.assertEqual(log.description, f"Quotation {order.name} printed")
        self.assertFalse(log.message_id)

        self.send_with_composer(order.action_quotation_send())
        logs = self.logs()
        self.assertEqual(len(logs), 2)
        self.assertEqual(
            logs.template_id, self.template("interaction_sale_quotation_template_id")
        )

    def test_confirmed_order_printed_and_sent(self):
        order = self.sale_order_for(self.customer)
        order.action_confirm()
        self.print_document(
            self.env.ref("sale.action_report_saleorder").report_action(order)
        )
        self.send_with_composer(order.action_quotation_send())
        logs = self.logs()
        self.assertEqual(len(logs), 2)
        self.assertEqual(
            logs.template_id, self.template("interaction_sale_order_template_id")
        )
        self.assertEqual(logs[0].description, f"Sales Order {order.name} printed")

    def test_html_report_is_a_print(self):
        """Without wkhtmltopdf the web client shows the HTML report to print from."""
        order = self.sale_order_for(self.customer)
        html, _report_type = self.Report._render_qweb_html(
            "sale.report_saleorder", order.ids
        )
        self.assertIn(order.name, html.decode())
        log = self.logs()
        self.assertEqual(len(log), 1)
        # the entry outlives its document
        name = order.name
        order.unlink()
        log.invalidate_recordset()
        self.assertFalse(log.document_ref)
        self.assertEqual(log.description, f"Quotation {name} printed")

    def test_several_quotations_printed_at_once(self):
        orders = self.sale_order_for(self.customer) | self.sale_order_for(self.contact)
        self.print_document(
            self.env.ref("sale.action_report_saleorder").report_action(orders)
        )
        self.assertEqual(set(self.logs().mapped("res_id")), set(orders.ids))

    def test_document_without_contact_not_logged(self):
        stranger = self.make_customer("No Contact AB", email="ab@example.com")
        order = self.sale_order_for(stranger)
        self.print_document(
            self.env.ref("sale.action_report_saleorder").report_action(order)
        )
        self.send_with_composer(order.action_quotation_send())
        self.assertFalse(
            self.Log.search(
                [("res_model", "=", "sale.order"), ("res_id", "=", order.id)]
            )
        )

    def test_no_template_chosen_nothing_logged(self):
        self.company.interaction_sale_quotation_template_id = False
        order = self.sale_order_for(self.customer)
        self.print_document(
            self.env.ref("sale.action_report_saleorder").report_action(order)
        )
        self.send_with_composer(order.action_quotation_send())
        self.assertFalse(self.logs())
        # the other events still are
        order.action_confirm()
        self.print_document(
            self.env.ref("sale.action_report_saleorder").report_action(order)
        )
        self.assertEqual(
            self.logs().template_id, self.template("interaction_sale_order_template_id")
        )

    def test_log_note_on_document_not_logged(self):
        order = self.sale_order_for(self.customer)
        composer = Form(
            self.env["mail.compose.message"].with_context(
                default_model="sale.order",
                default_res_ids=order.ids,
                default_composition_mode="comment",
                default_subtype_id=self.env.ref("mail.mt_note").id,
            )
        )
        composer.body = "<p>Called them, they will answer tomorrow</p>"
        composer.save().action_send_mail()
        self.assertFalse(self.logs())

    # ------------------------------------------------------------------ purchases
    def test_rfq_sent_and_printed(self):
        order = self.purchase_order_for(self.customer)
        self.send_with_composer(order.with_context(send_rfq=True).action_rfq_send())
        self.assertEqual(order.state, "sent")
        self.print_document(order.print_quotation())
        logs = self.logs()
        self.assertEqual(len(logs), 2)
        self.assertEqual(
            logs.template_id, self.template("interaction_purchase_rfq_template_id")
        )
        self.assertEqual(
            logs[0].description, f"Request for Quotation {order.name} sent by e-mail"
        )
        self.assertEqual(logs[0].message_id.res_id, order.id)

    def test_purchase_order_printed_and_sent(self):
        order = self.purchase_order_for(self.customer)
        order.button_confirm()
        self.print_document(
            self.env.ref("purchase.action_report_purchase_order").report_action(order)
        )
        self.send_with_composer(order.action_rfq_send())
        logs = self.logs()
        self.assertEqual(len(logs), 2)
        self.assertEqual(
            logs.template_id, self.template("interaction_purchase_order_template_id")
        )
        self.assertEqual(
            logs[1].description, f"Purchase Order {order.name} sent by e-mail"
        )

    def test_purchase_agreement_printed_and_sent(self):
        agreement = self.env["purchase.requisition"].create(
            {
                "requisition_type": "blanket_order",
                "vendor_id": self.customer.id,
                "line_ids": [
                    Command.create(
                        {
                            "product_id": self.product.id,
                            "product_qty": 10,
                            "price_unit": 65.0,
                        }
                    )
                ],
            }
        )
        agreement.action_confirm()
        self.print_document(
            self.env.ref(
                "purchase_requisition.action_report_purchase_requisitions"
            ).report_action(agreement)
        )
        self.send_with_composer(agreement.action_send_agreement())
        logs = self.logs()
        self.assertEqual(len(logs), 2)
        self.assertEqual(
            logs.template_id,
            self.template("interaction_purchase_agreement_template_id"),
        )
        self.assertEqual(
            logs[1].description, f"Blanket Order {agreement.name} sent by e-mail"
        )
        message = logs[1].message_id
        self.assertIn(self.customer, message.partner_ids)
        self.assertIn(
            f"Purchase Agreement - {agreement.name}",
            message.attachment_ids.mapped("name")[0],
        )

    def test_purchase_agreement_needs_vendor(self):
        agreement = self.env["purchase.requisition"].create(
            {"requisition_type": "purchase_template"}
        )
        with self.assertRaisesRegex(UserError, "Set the vendor"):
            agreement.action_send_agreement()

    # ------------------------------------------------------------------ invoices
    def test_customer_invoice_sent(self):
        invoice = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.customer.id,
                "invoice_line_ids": [
                    Command.create({"product_id": self.product.id, "price_unit": 120.0})
                ],
            }
        )
        invoice.action_post()
        wizard = Form(
            self.env["account.move.send.wizard"].with_context(
                active_model="account.move", active_ids=invoice.ids
            )
        ).save()
        wizard.action_send_and_print()
        log = self.logs()
        self.assertEqual(len(log), 1)
        self.assertEqual(
            log.template_id, self.template("interaction_customer_invoice_template_id")
        )
        self.assertEqual(log.document_ref, invoice)
        self.assertEqual(log.description, f"Invoice {invoice.name} sent by e-mail")
        self.assertEqual(
            (log.message_id.model, log.message_id.res_id), ("account.move", invoice.id)
        )
        self.assertTrue(invoice.is_move_sent)
        # printing an invoice is no interaction of its own
        self.print_document(
            self.env.ref("account.account_invoices").report_action(invoice)
        )
        self.assertEqual(self.logs(), log)

    # ------------------------------------------------------------------ chatter e-mails
    def test_email_from_contact_chatter(self):
        message = self.contact.message_post(
            body="<p>Here is our catalogue</p>",
            subject="Catalogue 2026",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            partner_ids=self.contact.ids,
        )
        log = self.logs()
        self.assertEqual(len(log), 1)
        self.assertEqual(
            log.template_id, self.template("interaction_email_template_id")
        )
        self.assertEqual(log.message_id, message)
        self.assertEqual(log.description, "E-mail: Catalogue 2026")
        self.assertEqual(log.document_ref, self.contact)

    def test_email_from_contact_full_composer(self):
        composer = Form(
            self.env["mail.compose.message"].with_context(
                default_model="res.partner",
                default_res_ids=self.contact.ids,
                default_composition_mode="comment",
                default_partner_ids=self.contact.ids,
            )
        )
        composer.body = "<p>Meeting next week?</p>"
        composer.save().action_send_mail()
        log = self.logs()
        self.assertEqual(len(log), 1, "one entry per e-mail")
        self.assertEqual(log.description, "E-mail: Meeting next week?")

    def test_internal_note_on_contact_not_logged(self):
        self.contact.message_post(
            body="<p>Prefers calls</p>",
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )
        self.assertFalse(self.logs())
        self.company.interaction_email_template_id = False
        self.contact.message_post(
            body="<p>Hello</p>",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            partner_ids=self.contact.ids,
        )
        self.assertFalse(self.logs())

    def test_email_to_customer_not_logged_as_contact_email(self):
        self.customer.message_post(
            body="<p>Hello</p>",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            partner_ids=self.customer.ids,
        )
        self.assertFalse(self.logs())

    def test_company_contact_shows_person_entries(self):
        # a contact without customer or vendor keeps its persons, contacts too (a
        # linked pair's persons live under its customer / vendor: test_persons.py)
        company = self.make_contact("Lone Prospect Oy")
        person = self.Partner.create(
            {
                "name": "Anna Virtanen",
                "parent_id": company.id,
                "email": "anna@prospect.example",
            }
        )
        self.assertTrue(person.is_contact)
        person.message_post(
            body="<p>Hi Anna</p>",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            partner_ids=person.ids,
        )
        order = self.sale_order_for(person)
        self.print_document(
            self.env.ref("sale.action_report_saleorder").report_action(order)
        )
        person_log = self.logs(person)
        company_log = self.logs(company)
        self.assertEqual(len(person_log), 1)
        # documents are logged on the contact of the commercial partner
        self.assertEqual(company_log.document_ref, order)
        self.assertEqual(
            (person.interaction_log_count, company.interaction_log_count), (1, 2)
        )
        self.assertEqual(
            company.interaction_last_date,
            max((person_log | company_log).mapped("date")),
        )
        action = company.action_view_interaction_log()
        self.assertEqual(self.Log.search(action["domain"]), person_log | company_log)

    # ------------------------------------------------------------------ security
    def test_access(self):
        order = self.sale_order_for(self.customer)
        self.print_document(
            self.env.ref("sale.action_report_saleorder").report_action(order)
        )
        log = self.logs()
        salesman = new_test_user(
            self.env, "cps_salesman", groups="sales_team.group_sale_salesman_all_leads"
        )
        employee = new_test_user(self.env, "cps_employee", groups="base.group_user")
        # any employee reads the log, a salesman logs what he prints, only admins edit
        self.assertEqual(self.logs().with_user(employee).description, log.description)
        self.Report.with_user(salesman)._render_qweb_pdf(
            "sale.report_saleorder", order.ids
        )
        self.assertEqual(self.logs()[-1].user_id, salesman)
        with self.assertRaises(AccessError):
            log.with_user(salesman).description = "Changed"
        with self.assertRaises(AccessError):
            self.templates["interaction_email_template_id"].with_user(
                salesman
            ).name = "Changed"
        # another company sees nothing
        other_company = self.env["res.company"].create({"name": "Other Company AB"})
        stranger = new_test_user(
            self.env,
            "cps_other",
            groups="base.group_user",
            company_id=other_company.id,
            company_ids=[Command.set(other_company.ids)],
        )
        self.assertFalse(
            self.Log.with_user(stranger).search([("id", "in", self.logs().ids)])
        )

    def test_used_template_cannot_be_deleted(self):
        self.contact.message_post(
            body="<p>Hello</p>",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            partner_ids=self.contact.ids,
        )
        with self.assertRaisesRegex(UserError, "EMAIL - E-mail"):
            self.template("interaction_email_template_id").unlink()


@tagged("post_install", "-at_install")
class TestInteractionRealPdf(HttpCase):
    """A real PDF (wkhtmltopdf fetches the report's assets from the HTTP server)."""

    def test_real_pdf_print(self):
        Report = self.env["ir.actions.report"]
        if Report.get_wkhtmltopdf_state() not in ("ok", "upgrade"):
            self.skipTest("wkhtmltopdf is not installed: no PDF rendering")
        template = self.env.ref("contact_partner_sync.interaction_template_sales_quote")
        self.env.company.write(
            {
                "interaction_sale_quotation_template_id": template.id,
                "external_report_layout_id": self.env.ref(
                    "web.external_layout_standard"
                ).id,
            }
        )
        contact = self.env["res.partner"].create(
            {"name": "PDF Prospect Oy", "is_contact": True, "is_company": True}
        )
        order = self.env["sale.order"].create({"partner_id": contact.id})
        action = self.env.ref("sale.action_report_saleorder").report_action(order)
        content, report_type = Report.with_context(
            force_report_rendering=True
        )._render_qweb_pdf(action["report_name"], action["context"]["active_ids"])
        self.assertEqual(report_type, "pdf")
        self.assertTrue(content.startswith(b"%PDF"))
        log = self.env["contact.interaction.log"].search(
            [("contact_id", "=", contact.id)]
        )
        self.assertEqual(
            len(log), 1, "one entry: the PDF's HTML is no print of its own"
        )
        self.assertEqual((log.template_id, log.document_ref), (template, order))
