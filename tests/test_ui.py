# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from lxml import etree

from odoo.tests import Form, tagged
from odoo.tools.safe_eval import safe_eval

from .common import ContactSyncCase


@tagged("post_install", "-at_install")
class TestUi(ContactSyncCase):
    """What the web client shows and what its buttons return."""

    def wizard(self, model, contact, **context):
        return Form(
            self.env[model].with_context(
                active_model="res.partner", active_id=contact.id, **context
            )
        )

    def test_create_as_notifies_and_opens_the_record(self):
        contact = self.make_contact("UI Create Oy")
        with self.wizard("contact.create.partner.wizard", contact) as wizard:
            self.assertEqual(wizard.link_to, "customer")
            wizard.link_to = "vendor"
        action = wizard.save().action_create()
        vendor = contact.contact_vendor_id
        self.assertTrue(vendor.supplier_rank)
        self.assertEqual(action["tag"], "display_notification")
        self.assertEqual(
            action["params"]["message"],
            "Vendor UI Create Oy created from the contact UI Create Oy.",
        )
        self.assertEqual(
            (action["params"]["next"]["res_model"], action["params"]["next"]["res_id"]),
            ("res.partner", vendor.id),
        )
        # the next "Create as" or "Link with Existing" proposes what the contact is not
        contact.create_customer()
        for model in ("contact.create.partner.wizard", "contact.link.wizard"):
            self.assertEqual(self.wizard(model, contact).link_to, "bank_account")

    def test_link_with_existing_notifies(self):
        customer = self.make_customer("UI Existing Customer")
        contact = self.make_contact("UI Prospect")
        with self.wizard("contact.link.wizard", contact) as wizard:
            wizard.partner_id = customer
            wizard.master = "linked"
        action = wizard.save().action_link()
        self.assertEqual(contact.contact_customer_id, customer)
        self.assertEqual(
            action["params"]["message"],
            "The contact UI Existing Customer is now linked with the customer "
            "UI Existing Customer.",
        )
        self.assertEqual(
            action["params"]["next"]["type"], "ir.actions.act_window_close"
        )

    def test_smart_buttons(self):
        contact = self.make_contact("UI Multiple AS")
        customer = contact.create_customer()
        account = contact.create_bank_account("FI2112345600000785")
        self.assertEqual(contact.contact_customer_id, customer)
        self.assertEqual(contact.contact_vendor_id, self.Partner)
        self.assertEqual(contact.contact_bank_account_count, 1)
        self.assertEqual(contact.action_view_contact_customer()["res_id"], customer.id)
        self.assertEqual(
            contact.action_view_contact_bank_accounts()["res_id"], account.id
        )
        self.assertEqual(customer.action_view_linked_contact()["res_id"], contact.id)
        self.assertEqual(customer.linked_contact_no, contact.contact_no)
        self.assertEqual(account.action_view_contact()["res_id"], contact.id)
        self.assertEqual(account.contact_no, contact.contact_no)
        # the form shows them to a contact, the Contact button to its customer
        arch = etree.fromstring(
            self.Partner.get_views([(False, "form")])["views"]["form"]["arch"]
        )
        box = arch.xpath("//div[@name='button_box']")[0]
        names = [b.get("name") for b in box.xpath("./button")]
        self.assertEqual(
            names[:4],
            [
                "action_view_contact_customer",
                "action_view_contact_vendor",
                "action_view_contact_bank_accounts",
                "action_view_linked_contact",
            ],
        )
        header = [b.get("string") for b in arch.xpath("//header/button")]
        self.assertIn("Create as", header)
        self.assertIn("Link with Existing", header)

    def test_bank_account_create_contact_button(self):
        account = self.make_bank_account(
            "FI4950009420028730", bank=self.env["res.bank"].create({"name": "UI Bank"})
        )
        action = account.action_create_contact()
        self.assertEqual(account.contact_id.name, "UI Bank")
        self.assertEqual(action["params"]["next"]["res_id"], account.contact_id.id)

    def test_settings_missing_counts_and_create_contacts(self):
        settings = self.env["res.config.settings"].create({})
        counts = (
            settings.contact_missing_customer_count,
            settings.contact_missing_vendor_count,
            settings.contact_missing_bank_account_count,
        )
        customer = self.make_customer("UI Legacy Customer")
        vendor = self.make_vendor("UI Legacy Vendor")
        self.make_bank_account("FI7040000000000012")
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(
            (
                settings.contact_missing_customer_count,
                settings.contact_missing_vendor_count,
                settings.contact_missing_bank_account_count,
            ),
            (counts[0] + 1, counts[1] + 1, counts[2] + 1),
        )
        # the button of the settings opens the wizard for customers
        wizard = Form(
            self.env["contact.create.contacts.wizard"].with_context(
                default_link_to="customer", active_model="res.config.settings"
            )
        )
        self.assertEqual(wizard.missing_count, counts[0] + 1)
        action = wizard.save().action_create_contacts()
        self.assertTrue(customer.linked_contact_id)
        self.assertFalse(vendor.linked_contact_id)
        self.assertTrue(
            action["params"]["message"].startswith(
                f"Contacts created: {counts[0] + 1}. "
                "Linked to their existing contact: 0."
            )
        )
        self.assertIn(
            customer.linked_contact_id.id, action["params"]["next"]["domain"][0][2]
        )
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(settings.contact_missing_customer_count, 0)
        self.assertEqual(settings.contact_missing_vendor_count, counts[1] + 1)

    def test_no_duplicate_vat_warning_between_contact_and_customer(self):
        customer = self.make_customer("UI VAT Oy", vat="FI12345671")
        other = self.make_customer("UI Other VAT Oy")
        customer.create_contacts()
        contact = customer.linked_contact_id
        # the persons of the contact share its VAT too
        self.Partner.create({"name": "UI Person", "parent_id": contact.id})
        self.assertEqual(contact.vat, "FI12345671")
        self.assertFalse(customer.same_vat_partner_id)
        self.assertFalse(contact.same_vat_partner_id)
        # a real duplicate is still reported
        other.vat = "FI12345671"
        customer.invalidate_recordset(["same_vat_partner_id"])
        self.assertEqual(customer.same_vat_partner_id, other)

    def test_search_filters(self):
        contact = self.make_contact("UI Filter Oy")
        contact.create_customer()
        plain = self.make_contact("UI Plain Oy")
        arch = etree.fromstring(
            self.Partner.get_views([(False, "search")])["views"]["search"]["arch"]
        )
        domains = {
            f.get("name"): f.get("domain") for f in arch.xpath("//filter[@domain]")
        }

        def found(name):
            domain = safe_eval(domains[name])
            return self.Partner.search([*domain, ("id", "in", (contact | plain).ids)])

        self.assertEqual(found("is_contact"), contact | plain)
        self.assertEqual(found("linked_customer"), contact)
        self.assertFalse(found("linked_vendor"))
        self.assertEqual(found("not_linked"), plain)
        groups = arch.xpath("//filter[@name='group_contact_business_relation']")
        self.assertTrue(groups)
