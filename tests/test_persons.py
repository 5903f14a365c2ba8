# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""One set of persons per company (DESIGN §6.1): persons added under either face of a
linked pair are one record, listed on both, found in documents, and documents made
for them keep them while their accounting lands on the customer / vendor."""

from odoo import Command
from odoo.tests import Form, HttpCase, tagged

from ..contact_partner_sync.context_keys import PERSON_PLACED
from .common_documents import ContactDocumentsCase


@tagged("post_install", "-at_install")
class TestPersons(ContactDocumentsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer = cls.Partner.create(
            {
                "name": "Aalto Mills Oy",
                "is_company": True,
                "customer_rank": 1,
                "vat": "FI20774740",
                "street": "Tehtaankatu 1",
                "city": "Tampere",
                "country_id": cls.country_fi.id,
            }
        )
        cls.pair = cls.customer.linked_contact_id

    def posted_move(self, move_type, partner, date=False):
        """An invoice or bill of one line for ``partner``, posted."""
        move = self.env["account.move"].create(
            {
                "move_type": move_type,
                "partner_id": partner.id,
                "invoice_date": date,
                "invoice_line_ids": [
                    Command.create({"product_id": self.product.id, "quantity": 1})
                ],
            }
        )
        move.action_post()
        return move

    def persons_of(self, partner):
        partner.invalidate_recordset(["contact_person_ids"])
        return partner.contact_person_ids

    def test_person_added_under_either_face_is_one_record_on_both(self):
        on_customer = self.Partner.create(
            {"name": "Anna Aalto", "parent_id": self.customer.id}
        )
        on_contact = self.Partner.create(
            {"name": "Bertil Berg", "parent_id": self.pair.id, "is_contact": True}
        )
        self.assertEqual(on_contact.parent_id, self.customer, "put under the customer")
        self.assertFalse(on_contact.is_contact)
        self.assertFalse(on_contact.contact_no, "no number drawn for a person")
        both = on_customer | on_contact
        self.assertEqual(self.persons_of(self.pair), both)
        self.assertEqual(self.persons_of(self.customer), both)
        self.assertEqual(
            self.Partner.search_count([("name", "in", ["Anna Aalto", "Bertil Berg"])]),
            2,
            "never copied to the other face",
        )
        # Odoo's own rules: commercial partner, commercial fields, address
        self.assertEqual(on_contact.commercial_partner_id, self.customer)
        self.assertEqual(on_contact.vat, "FI20774740")
        self.customer.street = "Uusikatu 5"
        self.assertEqual(on_contact.street, "Uusikatu 5")
        self.assertEqual(self.pair.street, "Uusikatu 5", "and synchronized")
        # an address of the customer is not a person
        self.Partner.create(
            {"name": "Warehouse", "type": "delivery", "parent_id": self.customer.id}
        )
        self.assertEqual(self.persons_of(self.pair), both)

    def test_person_added_on_the_contact_form(self):
        # as the web client saves a person added in the contact's Contacts tab: a
        # create command with the field's context
        self.pair.with_context(
            default_parent_id=self.pair.id,
            default_type="contact",
            default_is_company=False,
            default_is_contact=False,
        ).write(
            {
                "contact_person_ids": [
                    Command.create(
                        {"name": "Cecilia Cedar", "email": "cecilia@aalto.example"}
                    )
                ]
            }
        )
        person = self.persons_of(self.pair)
        self.assertEqual(person.name, "Cecilia Cedar")
        self.assertEqual(person.parent_id, self.customer)
        self.assertIn(person, self.customer.child_ids, "on the customer's tab")
        # "Add" picks an existing person without company: it goes under the customer
        loose = self.Partner.create({"name": "Dag Dahl"})
        with Form(self.pair) as form:
            form.contact_person_ids.add(loose)
        self.assertEqual(loose.parent_id, self.customer)
        self.assertFalse(loose.is_contact)
        with Form(self.pair) as form:
            form.contact_person_ids.remove(id=loose.id)
        self.assertFalse(loose.parent_id)
        # removing it from the list detaches it, nothing is deleted
        with Form(self.pair) as form:
            form.contact_person_ids.remove(index=0)
        self.assertTrue(person.exists())
        self.assertFalse(person.parent_id)

    def test_person_found_in_a_quotation_customer_field(self):
        person = self.Partner.create(
            {"name": "Dora Dahl", "parent_id": self.pair.id, "is_contact": True}
        )
        Customers = self.Partner.with_context(res_partner_search_mode="customer")
        offered = Customers.browse(
            [pid for pid, _name in Customers.name_search("Dora Dahl")]
        )
        self.assertEqual(offered, person)
        offered = Customers.browse(
            [pid for pid, _name in Customers.name_search("Aalto Mills")]
        )
        self.assertIn(self.customer, offered)
        self.assertNotIn(self.pair, offered)
        Vendors = self.Partner.with_context(res_partner_search_mode="supplier")
        self.assertEqual(
            [pid for pid, _name in Vendors.name_search("Dora Dahl")], person.ids
        )

    def test_quotation_and_invoice_of_a_person_keep_it(self):
        person = self.Partner.create(
            {"name": "Erik Ek", "parent_id": self.pair.id, "is_contact": True}
        )
        order = self.sale_order_for(person)
        order.action_confirm()
        self.assertEqual(order.partner_id, person, "the person is kept")
        self.assertEqual(order.partner_invoice_id.commercial_partner_id, self.customer)
        invoice = order._create_invoices()
        invoice.action_post()
        self.assertEqual(invoice.commercial_partner_id, self.customer)
        # the customer's invoice address serves its persons' orders (Odoo's rule)
        billing = self.Partner.create(
            {"name": "Billing", "type": "invoice", "parent_id": self.customer.id}
        )
        self.assertEqual(self.sale_order_for(person).partner_invoice_id, billing)
        receivable = invoice.line_ids.filtered(
            lambda line: line.account_id.account_type == "asset_receivable"
        )
        self.assertEqual(receivable.partner_id, self.customer)
        # an invoice made for the person directly
        invoice = self.posted_move("out_invoice", person)
        self.assertEqual(invoice.partner_id, person)
        self.assertEqual(invoice.commercial_partner_id, self.customer)
        # the contact's counts include the person's documents (its two orders)
        self.pair.invalidate_recordset()
        self.assertEqual(self.pair.contact_sale_order_count, 2)

    def test_person_of_a_contact_without_customer(self):
        contact = self.make_contact("Fenno Oy", city="Oulu")
        person = self.Partner.create({"name": "Fanny Fors", "parent_id": contact.id})
        self.assertEqual(person.parent_id, contact, "a contact alone keeps its persons")
        self.assertTrue(person.is_contact)
        Customers = self.Partner.with_context(res_partner_search_mode="customer")
        self.assertEqual(
            [pid for pid, _name in Customers.name_search("Fanny Fors")], person.ids
        )
        # confirming its quotation makes the customer; the person goes under it and
        # the order stays made for the person
        order = self.sale_order_for(person)
        order.action_confirm()
        customer = contact.contact_customer_id
        self.assertTrue(customer)
        self.assertEqual(person.parent_id, customer)
        self.assertFalse(person.is_contact)
        self.assertEqual(order.partner_id, person)
        self.assertEqual(order.partner_invoice_id.commercial_partner_id, customer)
        bodies = " ".join(order.message_ids.mapped("body"))
        self.assertIn("stays made for", bodies)
        self.assertIn("Fanny Fors", " ".join(contact.message_ids.mapped("body")))
        self.assertEqual(self.persons_of(contact), person)

    def test_invoice_of_a_person_of_a_contact_without_customer(self):
        term_30 = self.env.ref("account.account_payment_term_30days")
        self.company.default_customer_template_id = self.env[
            "contact.partner.template"
        ].create(
            {
                "name": "30 Days",
                "link_to": "customer",
                "property_payment_term_id": term_30.id,
            }
        )
        contact = self.make_contact("Haapa Oy")
        person = self.Partner.create({"name": "Heikki Haapa", "parent_id": contact.id})
        invoice = self.posted_move("out_invoice", person, "2026-11-02")
        customer = contact.contact_customer_id
        self.assertTrue(customer, "made with the default template (30 days)")
        self.assertEqual(invoice.partner_id, person)
        self.assertEqual(invoice.commercial_partner_id, customer)
        # what the customer gives the invoice: its terms, the receivable's due date
        self.assertEqual(invoice.invoice_payment_term_id, term_30)
        receivable = invoice.line_ids.filtered(
            lambda line: line.account_id.account_type == "asset_receivable"
        )
        self.assertEqual(str(receivable.date_maturity), "2026-12-02")
        self.assertEqual(receivable.partner_id, customer)

    def test_rfq_of_a_person_when_the_vendor_is_another_partner(self):
        """A contact whose customer and vendor are two partners: its persons live
        under the customer; an RFQ for one goes to the vendor when confirmed."""
        vendor = self.make_vendor("Aalto Mills Purchasing")
        self.pair.link_vendor(vendor)
        person = self.Partner.create({"name": "Mira Mäki", "parent_id": self.pair.id})
        self.assertEqual(person.parent_id, self.customer)
        order = self.purchase_order_for(person)
        order.button_confirm()
        self.assertEqual(order.partner_id, vendor)
        self.assertIn("the vendor of their contact", order.message_ids[:1].body)
        # a quotation for the person stays the person's (the customer is its face)
        quotation = self.sale_order_for(person)
        quotation.action_confirm()
        self.assertEqual(quotation.partner_id, person)

    def test_bill_of_a_person_of_a_contact_without_vendor(self):
        contact = self.make_contact("Gotland Trading AB")
        person = self.Partner.create({"name": "Gustav Gran", "parent_id": contact.id})
        bill = self.posted_move("in_invoice", person, "2026-11-01")
        vendor = contact.contact_vendor_id
        self.assertTrue(vendor)
        self.assertEqual(bill.partner_id, person)
        self.assertEqual(bill.commercial_partner_id, vendor)
        payable = bill.line_ids.filtered(
            lambda line: line.account_id.account_type == "liability_payable"
        )
        self.assertEqual(payable.partner_id, vendor)

    def test_email_to_a_person_is_logged_on_the_contact(self):
        person = self.Partner.create(
            {
                "name": "Lotta Lind",
                "parent_id": self.pair.id,
                "email": "lotta@aalto.example",
            }
        )
        person.message_post(
            body="<p>Hello Lotta</p>",
            subject="Delivery dates",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            partner_ids=person.ids,
        )
        log = self.env["contact.interaction.log"].search(
            [("contact_id", "=", self.pair.id)]
        )
        self.assertEqual(log.description, "E-mail: Delivery dates")
        # the customer's own chatter is not the contact's
        self.customer.message_post(
            body="<p>Hello</p>",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            partner_ids=self.customer.ids,
        )
        self.assertEqual(
            self.env["contact.interaction.log"].search_count(
                [("contact_id", "=", self.pair.id)]
            ),
            1,
        )

    def test_deleting_a_face_keeps_the_persons(self):
        person = self.Partner.create({"name": "Hanna Holm", "parent_id": self.pair.id})
        self.assertEqual(person.parent_id, self.customer)
        self.customer.unlink()
        self.assertTrue(person.exists())
        self.assertEqual(person.parent_id, self.pair, "back under the contact")
        self.assertTrue(person.is_contact)
        self.assertEqual(self.persons_of(self.pair), person)
        # deleting a contact: its customer keeps them
        customer = self.Partner.create(
            {"name": "Iso Oy", "is_company": True, "customer_rank": 1}
        )
        other = self.Partner.create({"name": "Ilkka Ito", "parent_id": customer.id})
        customer.linked_contact_id.unlink()
        self.assertEqual(other.parent_id, customer)
        # both faces deleted together: the person stays, no contact made of it
        customer = self.Partner.create(
            {"name": "Jalava Oy", "is_company": True, "customer_rank": 1}
        )
        last = self.Partner.create({"name": "Jaana Jalava", "parent_id": customer.id})
        (customer | customer.linked_contact_id).unlink()
        self.assertTrue(last.exists())
        self.assertFalse(last.is_contact)
        self.assertFalse(last.contact_no)

    def test_merged_contact_brings_its_persons_under_the_customer(self):
        lone = self.make_contact("Aalto Mills (old card)")
        person = self.Partner.create({"name": "Kalle Koski", "parent_id": lone.id})
        self.assertEqual(person.parent_id, lone)
        self.env["base.partner.merge.automatic.wizard"].create(
            {
                "partner_ids": [Command.set((lone | self.pair).ids)],
                "dst_partner_id": self.pair.id,
                "state": "selection",
            }
        ).action_merge()
        self.assertFalse(lone.exists())
        self.assertEqual(person.parent_id, self.customer)
        self.assertIn(person, self.persons_of(self.pair))

    def test_persons_added_before_go_under_the_customer(self):
        """A database installed before this rule: persons under linked contacts (the
        update's migration moves them, as here)."""
        old = (
            self.Partner.sudo()
            .with_context(**{PERSON_PLACED: True})
            .create(
                [
                    {"name": "Jussi Jokela", "parent_id": self.pair.id},
                    {"name": "Johanna Jokela", "parent_id": self.pair.id},
                ]
            )
        )
        self.assertEqual(old.parent_id, self.pair)
        # an interaction logged on one of them while it was a contact
        self.env["contact.interaction.log"].create(
            {
                "contact_id": old[0].id,
                "description": "Phone call with Jussi",
                "template_id": self.env.ref(
                    "contact_partner_sync.interaction_template_email"
                ).id,
            }
        )
        # as the migration does
        contacts = self.Partner.search([("contact_partner_linked", "=", True)])
        persons = self.Partner.search(self.Partner._contact_person_domain(contacts))
        persons.parent_id._contact_persons_gather(persons)
        self.assertEqual(old.parent_id, self.customer)
        self.assertEqual(self.persons_of(self.pair), old)
        self.assertFalse(any(old.mapped("is_contact")))
        self.assertFalse(any(old.mapped("contact_ref_no")), "no number shown")
        # its interaction is still counted and listed on the contact
        self.pair.invalidate_recordset()
        self.assertEqual(self.pair.interaction_log_count, 1)
        action = self.pair.action_view_interaction_log()
        self.assertEqual(
            self.env["contact.interaction.log"]
            .search(action["domain"])
            .mapped("description"),
            ["Phone call with Jussi"],
        )
        note = self.pair.message_ids[:1].body
        self.assertIn("Jussi Jokela", note)
        self.assertIn("now live under Aalto Mills Oy", note)

    def test_person_rule_adds_no_query_per_record(self):
        contacts = self.Partner.create(
            [
                {"name": f"Query Co {i}", "is_company": True, "customer_rank": 1}
                for i in range(12)
            ]
        ).linked_contact_id
        companies = self.Partner.create(
            [{"name": f"Plain Co {i}", "is_company": True} for i in range(12)]
        )

        def persons_under(parents, count):
            vals = [
                {"name": f"Person {i}", "parent_id": parent.id}
                for i, parent in enumerate(parents[:count])
            ]
            self.env.invalidate_all()
            queries = self.env.cr.sql_log_count
            self.Partner.create(vals)
            self.env.flush_all()
            return self.env.cr.sql_log_count - queries

        # persons under linked contacts cost what they cost under plain companies,
        # plus a constant for the batch
        extra_3 = persons_under(contacts, 3) - persons_under(companies, 3)
        extra_12 = persons_under(contacts[3:], 9) - persons_under(companies[3:], 9)
        self.assertLessEqual(extra_12, extra_3 + 1)


@tagged("post_install", "-at_install")
class TestPersonsTour(HttpCase):
    def test_person_added_on_the_customer_found_on_the_contact(self):
        company = self.env.company
        company.write(
            {
                "customer_business_relation_id": self.env.ref(
                    "contact_partner_sync.business_relation_customer"
                ).id,
                "vendor_business_relation_id": self.env.ref(
                    "contact_partner_sync.business_relation_vendor"
                ).id,
            }
        )
        customer = self.env["res.partner"].create(
            {"name": "Kuusi Tours Oy", "is_company": True, "customer_rank": 1}
        )
        self.start_tour(
            f"/odoo/res.partner/{customer.id}",
            "contact_partner_sync_persons",
            login="admin",
        )
        person = self.env["res.partner"].search([("name", "=", "Kaisa Kuusi")])
        self.assertEqual(person.parent_id, customer)
        self.assertIn(person, customer.linked_contact_id.contact_person_ids)
        self.start_tour(
            "/odoo/action-sale.action_quotations_with_onboarding/new",
            "contact_partner_sync_person_in_quotation",
            login="admin",
        )
        self.start_tour(
            "/odoo/action-contacts.action_contacts",
            "contact_partner_sync_contacts_once",
            login="admin",
        )
