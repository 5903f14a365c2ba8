# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What a new admin trips over in the web client, fixed."""

from lxml import etree

from odoo.exceptions import UserError, ValidationError
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
            UserError,
            "Ordering Customer Oy is a customer or vendor: .*It has one already, "
            "CT\\d+ Ordering Customer Oy",
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

    # 2. a row of a link's business relation needs its linked record
    def test_business_relations_tab_refuses_a_link_row_without_its_record(self):
        contact = self.make_contact("Tab Row Oy")
        self.assertIn(self.relation_customer, contact.contact_link_relation_ids)
        with self.assertRaisesRegex(
            ValidationError,
            r"business relation \[CUST\] Customer of the contact Tab Row Oy is the "
            r"one of its customer: .*Create as or Link with Existing",
        ):
            with self.env.cr.savepoint(), Form(contact) as form:
                with form.business_relation_ids.new() as row:
                    row.business_relation_id = self.relation_customer
        contact.invalidate_recordset()
        self.assertFalse(contact.business_relation_ids)
        # another relation is a plain row, as before
        other = self.env["business.relation"].create({"code": "PRESS", "name": "Press"})
        with Form(contact) as form:
            with form.business_relation_ids.new() as row:
                row.business_relation_id = other
        self.assertEqual(contact.business_relation_ids.business_relation_id, other)
        self.assertEqual(contact.contact_business_relation, "other")
        contact.create_customer()
        self.assertEqual(contact.contact_business_relation, "customer")

    def test_a_plain_row_of_a_link_relation_is_named_when_it_blocks(self):
        contact = self.make_contact("Legacy Row Oy")
        # a row made before the company gave that relation to its customer links
        self.company.customer_business_relation_id = False
        self.Link.create(
            {
                "contact_id": contact.id,
                "business_relation_id": self.relation_customer.id,
            }
        )
        self.company.customer_business_relation_id = self.relation_customer
        with self.assertRaisesRegex(
            UserError,
            r"Legacy Row Oy already has the row \[CUST\] Customer in its Business "
            r"Relations tab, without customer: remove that row",
        ):
            contact.create_customer()
        self.assertFalse(contact.contact_customer_id)

    # 3. Create Contacts says why it cannot work without the codes
    def test_create_contacts_without_code_says_where_to_set_it(self):
        self.company.vendor_business_relation_id = False
        wizard = Form(
            self.env["contact.create.contacts.wizard"].with_context(
                default_link_to="vendor"
            )
        )
        self.assertTrue(wizard.relation_missing)
        arch = self.env["contact.create.contacts.wizard"].get_view()["arch"]
        self.assertIn("Relation Codes", arch)
        self.assertIn('name="action_create_contacts"', arch)
        self.assertIn('invisible="relation_missing"', arch)
        wizard.link_to = "customer"
        self.assertFalse(wizard.relation_missing)
        action = wizard.save().action_open_settings()
        self.assertEqual(action["res_model"], "res.config.settings")
        settings_arch = self.env["res.config.settings"].get_view()["arch"]
        self.assertIn(
            "set the business relation code for vendors above first", settings_arch
        )

    # 4. one definition of "without contact"
    def test_without_contact_is_one_definition(self):
        partner = self.make_customer("Customer Only Linked Oy", supplier_rank=1)
        contact = self.make_contact("Customer Only Linked Oy")
        contact.link_customer(partner)
        Wizard = self.env["contact.create.contacts.wizard"]
        for link_to, expected in (("customer", False), ("vendor", True)):
            domain = self.Partner._contact_sync_missing_domain(link_to)
            in_filter = self.Partner.search([("contact_missing_link_to", "=", link_to)])
            self.assertEqual(partner in self.Partner.search(domain), expected)
            self.assertEqual(partner in in_filter, expected, link_to)
            self.assertEqual(
                self.Partner.search_count(domain),
                Wizard._missing_contact_count(link_to),
            )
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(
            settings.contact_missing_vendor_count,
            self.Partner.search_count([("contact_missing_link_to", "=", "vendor")]),
        )
        self.assertEqual(partner.contact_missing_link_to, "vendor")
        # the notification says what happened, zero included
        wizard = Wizard.create(
            {"link_to": "vendor", "partner_ids": [(6, 0, (partner | contact).ids)]}
        )
        action = wizard.action_create_contacts()
        message = action["params"]["message"]
        self.assertIn("Contacts created: 0.", message)
        self.assertIn("Linked to their existing contact: 1.", message)
        self.assertIn(
            "Skipped (they have a contact already or cannot have one): 1.", message
        )
        self.assertEqual(contact.contact_vendor_id, partner)

    # 5. pickers offer what can be chosen, and say why not the rest
    def test_pickers_offer_only_what_can_be_chosen(self):
        contact = self.make_contact("Picker Oy")
        person = self.Partner.create({"name": "Picker Person", "parent_id": contact.id})
        linked = self.make_customer("Linked Elsewhere Oy")
        self.make_contact("Elsewhere Oy").link_customer(linked)
        free = self.make_customer("Free Customer Oy")
        user_partner = self.env.user.partner_id
        user_partner.customer_rank = 1
        domain = [("contact_missing_link_to", "=", "customer")]
        offered = self.Partner.search(domain)
        self.assertIn(free, offered)
        for partner in (contact, person, linked, user_partner, self.company.partner_id):
            self.assertNotIn(partner, offered, partner.name)
        link_wizard = Form(
            self.env["contact.link.wizard"].with_context(
                active_model="res.partner", active_id=contact.id
            )
        )
        link_wizard.link_to = "customer"
        field_domain = self.env["contact.link.wizard"]._fields["partner_id"].domain
        self.assertIn("user_ids", field_domain)
        self.assertIn("ref_company_ids", field_domain)
        for fname, model in (
            ("contact.link.wizard", "other contacts"),
            ("contact.create.contacts.wizard", "partners already"),
        ):
            self.assertIn(model, self.env[fname].get_view()["arch"])
        self.assertEqual(link_wizard.contact_id, contact)

    # 6. Create as offers only the missing kinds
    def test_create_as_offers_only_missing_kinds(self):
        contact = self.make_contact("Half Linked Oy")
        self.assertEqual(
            contact.contact_free_link_tos, ["customer", "vendor", "bank_account"]
        )
        contact.create_customer()
        wizard = Form(
            self.env["contact.create.partner.wizard"].with_context(
                active_model="res.partner", active_id=contact.id
            )
        )
        self.assertEqual(wizard.available_link_tos, ["vendor", "bank_account"])
        self.assertEqual(wizard.link_to, "vendor")
        arch = self.env["contact.create.partner.wizard"].get_view()["arch"]
        self.assertIn("contact_filterable_radio", arch)
        wizard.link_to = "customer"
        with self.assertRaisesRegex(UserError, "already linked to the Customer"):
            wizard.save()
        person = self.make_contact("Person Contact", is_company=False)
        self.assertEqual(person.contact_free_link_tos, ["customer", "vendor"])
        contact.create_vendor()
        contact.create_bank_account("FI00 1234")
        self.assertEqual(
            contact.contact_free_link_tos,
            ["bank_account"],
            "another account at the bank it stands for, nothing else",
        )
        form_arch = self.Partner.get_view(self.env.ref("base.view_partner_form").id)[
            "arch"
        ]
        self.assertIn("not is_contact or not contact_free_link_tos", form_arch)

    # 7. the chatter says what really happened, on both sides
    def test_chatter_says_what_happened_on_both_sides(self):
        env = self.env(context=dict(self.env.context, tracking_disable=False))
        Partner = env["res.partner"]

        def last_note(record):
            return record.message_ids[:1].body.striptags()

        customer = Partner.create(
            {"name": "Chatter Customer Oy", "is_company": True, "customer_rank": 1}
        )
        contact = customer.linked_contact_id
        self.assertEqual(
            last_note(customer),
            f"Contact {contact.contact_no} Chatter Customer Oy created and linked.",
        )
        self.assertIn(
            "Created for the customer Chatter Customer Oy and linked with it.",
            contact.message_ids.mapped(lambda m: m.body.striptags()),
        )
        self.assertIn(
            f"Contact {contact.contact_no} created",
            contact.message_ids.mapped(lambda m: m.body.striptags()),
        )
        self.assertIn(
            "Customer created",
            customer.message_ids.mapped(lambda m: m.body.striptags()),
        )
        vendor = contact.create_vendor()
        self.assertEqual(vendor, customer, "the customer is reused as vendor")
        self.assertEqual(
            last_note(customer),
            f"Linked as vendor with the contact {contact.contact_no} "
            "Chatter Customer Oy too.",
        )
        self.assertEqual(
            last_note(contact),
            "Chatter Customer Oy, already linked with this contact, is its vendor too.",
        )
        other = Partner.create(
            {"name": "Fresh Contact Oy", "is_contact": True, "is_company": True}
        )
        new_customer = other.create_customer()
        self.assertEqual(
            last_note(new_customer),
            f"Created from the contact {other.contact_no} Fresh Contact Oy and "
            "linked with it.",
        )
        self.assertEqual(
            last_note(other),
            "Customer Fresh Contact Oy created from this contact and linked with it.",
        )

    # 9. deleting says the other side is kept, and notes it there
    def test_delete_keeps_the_other_side_and_notes_it(self):
        env = self.env(context=dict(self.env.context, tracking_disable=False))
        contact = env["res.partner"].create(
            {"name": "Deleted Contact Oy", "is_contact": True, "is_company": True}
        )
        customer = contact.create_customer()
        number = contact.contact_no
        contact.unlink()
        self.assertTrue(customer.exists())
        self.assertEqual(
            customer.message_ids[:1].body.striptags(),
            f"The contact {number} Deleted Contact Oy was deleted: this customer "
            "is kept and no longer synchronized with it.",
        )
        contact2 = env["res.partner"].create(
            {"name": "Kept Contact Oy", "is_contact": True, "is_company": True}
        )
        customer2 = contact2.create_customer()
        customer2.unlink()
        self.assertEqual(
            contact2.message_ids[:1].body.striptags(),
            "The customer Kept Contact Oy was deleted: this contact is kept and no "
            "longer synchronized with it.",
        )
        self.assertEqual(contact2.contact_business_relation, "none")

    # 8. the contact form shows the contact's buttons and tabs, not a customer's
    def test_contact_form_hides_what_does_not_apply(self):
        arch = self.Partner.get_view(self.env.ref("base.view_partner_form").id)["arch"]
        for element in (
            "div[@name='button_box']/button[field[@name='sale_order_count']]",
            "button[@name='action_view_partner_invoices']",
            "page[@name='sales_purchases']",
            "page[@name='accounting']",
        ):
            node = etree.fromstring(arch).xpath(f"//{element}")[0]
            self.assertIn("is_contact", node.get("invisible"), element)
        page = etree.fromstring(arch).xpath("//page[@name='contact_relationship']")[0]
        self.assertEqual(page.get("invisible"), "not is_contact")
        self.assertTrue(page.xpath(".//field[@name='user_id']"))

    # 13. labels
    def test_labels_say_what_they_mean(self):
        self.assertEqual(
            self.Partner._fields["is_contact"].string, "Relationship Contact"
        )
        self.assertEqual(
            self.env["res.company"]._fields["bank_account_business_relation_id"].string,
            "Business Relation Code for Bank Accounts",
        )
        self.assertEqual(
            self.env["business.relation"]._fields["contact_count"].string, "Contacts"
        )
        self.env["res.lang"]._activate_lang("fi_FI")
        self.assertEqual(
            self.env["res.company"]._contact_sync_sequence_name("fi_FI"),
            "Kontaktien numerosarja",
        )
