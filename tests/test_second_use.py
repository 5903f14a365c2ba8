# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""First use, second round: the refusals people read, archived contacts and codes,
the kinds a company without codes is offered, Settings' Create Contacts right after
a code is set."""

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, HttpCase, tagged
from odoo.tools.safe_eval import safe_eval

from .common import CODE_FIELDS
from .common import ContactSyncCase as BaseCase


class ContactSyncCase(BaseCase):
    def pair(self, name):
        customer = self.Partner.create(
            {"name": name, "is_company": True, "customer_rank": 1}
        )
        return customer.linked_contact_id, customer


@tagged("post_install", "-at_install")
class TestRefusals(ContactSyncCase):
    def test_company_refusal_says_which_is_the_contact(self):
        other = self.env["res.company"].create({"name": "Nordic Sub AB"})
        contact = self.make_contact("Aurora Customer 04 AB", company_id=self.company.id)
        customer = self.make_customer("Aurora Customer 04 AB", company_id=other.id)
        self.set_codes(other)
        with self.assertRaises(ValidationError) as refused:
            contact.link_customer(customer)
        message = refused.exception.args[0]
        self.assertIn(
            f"The contact {contact.contact_no} Aurora Customer 04 AB", message
        )
        self.assertIn("the customer / vendor Aurora Customer 04 AB belongs to", message)
        self.assertIn("Nordic Sub AB", message)

    def test_unticking_relationship_contact_says_how_to_unlink(self):
        contact, customer = self.pair("Untick Oy")
        with self.assertRaises(ValidationError) as refused:
            contact.is_contact = False
        message = refused.exception.args[0]
        self.assertIn("[CUST] Customer", message)
        self.assertIn("delete its rows on its Business Relations tab", message)
        self.assertTrue(customer.exists())

    def test_ticking_a_linked_customer_names_its_contact(self):
        contact, customer = self.pair("Tick Oy")
        with self.assertRaises(ValidationError) as refused:
            customer.is_contact = True
        message = refused.exception.args[0]
        self.assertIn(f"It has one already, {contact.contact_no} Tick Oy", message)
        self.assertNotIn("Create Contact button", message)
        lone = self.make_customer("Lone Oy")
        with self.assertRaisesRegex(ValidationError, "Create Contact button"):
            lone.is_contact = True

    def test_merge_of_linked_records_says_they_are_linked(self):
        contact, customer = self.pair("Merge Pair Oy")
        wizard = self.env["base.partner.merge.automatic.wizard"]
        with self.assertRaisesRegex(UserError, "they are linked already"):
            wizard._merge((contact | customer).ids, customer)
        stranger = self.make_contact("Stranger Oy")
        with self.assertRaisesRegex(UserError, "link them instead"):
            wizard._merge((stranger | customer).ids, customer)

    def test_wizards_offer_only_kinds_with_a_code(self):
        contact = self.make_contact("No Code Oy")
        self.company.write(
            {
                "customer_business_relation_id": False,
                "vendor_business_relation_id": False,
            }
        )
        for model in ("contact.create.partner.wizard", "contact.link.wizard"):
            with self.subTest(model):
                wizard = Form(
                    self.env[model].with_context(
                        active_model="res.partner", active_id=contact.id
                    )
                )
                self.assertEqual(wizard.available_link_tos, ["bank_account"])
                self.assertEqual(wizard.link_to, "bank_account")
                self.assertIn("customer, vendor", wizard.missing_code_note)
                self.assertIn("Settings", wizard.missing_code_note)
        self.company.bank_account_business_relation_id = False
        wizard = Form(
            self.env["contact.create.partner.wizard"].with_context(
                active_model="res.partner", active_id=contact.id
            )
        )
        self.assertFalse(
            wizard.available_link_tos, "nothing to offer: the note says why"
        )
        self.assertIn("customer, vendor, bank account", wizard.missing_code_note)


@tagged("post_install", "-at_install")
class TestArchived(ContactSyncCase):
    def test_an_archived_contact_is_not_synchronized(self):
        contact, customer = self.pair("Archived Oy")
        link = customer.linked_business_relation_ids
        self.assertFalse(customer.linked_contact_archived)
        contact.action_archive()
        self.assertFalse(link.sync_active)
        self.assertTrue(link.sync_enabled, "the user's switch is left as it was")
        self.assertTrue(customer.linked_contact_archived, "the customer's form says so")
        customer.phone = "+358 40 9"
        self.assertFalse(contact.phone, "nothing reaches the archived contact")
        contact.city = "Lahti"
        self.assertFalse(customer.city, "nor comes from it")
        contact.action_unarchive()
        self.assertTrue(link.sync_active)
        customer.phone = "+358 40 8"
        self.assertEqual(contact.phone, "+358 40 8", "synchronized again")
        self.assertFalse(customer.linked_contact_archived)

    def test_a_company_code_cannot_be_archived(self):
        with self.assertRaises(UserError) as refused:
            self.relation_customer.action_archive()
        message = refused.exception.args[0]
        self.assertIn(
            "[CUST] Customer is the business relation code for customer", message
        )
        self.assertIn(self.company.name, message)
        self.assertTrue(self.relation_customer.active)
        prospect = self.env["business.relation"].create(
            {"code": "PROSP2", "name": "Prospect 2"}
        )
        prospect.action_archive()
        self.assertFalse(prospect.active, "a code no company uses: archived")


@tagged("post_install", "-at_install")
class TestCreateContactsTour(HttpCase):
    def test_create_contacts_right_after_setting_the_code(self):
        company = self.env.ref("base.main_company")
        company.write(dict.fromkeys(CODE_FIELDS, False))
        self.env["res.partner"].create(
            {"name": "Tour Codeless Customer", "is_company": True, "customer_rank": 1}
        )
        self.start_tour(
            "/odoo/settings",
            "contact_partner_sync_create_contacts_unsaved_code",
            login="admin",
        )
        self.assertEqual(
            company.customer_business_relation_id,
            self.env.ref("contact_partner_sync.business_relation_customer"),
            "saved by the click",
        )


@tagged("post_install", "-at_install")
class TestOwnBankAccounts(ContactSyncCase):
    def test_a_vendors_iban_makes_no_bank_contact(self):
        vendor = self.Partner.create(
            {"name": "Iban Vendor Oy", "is_company": True, "supplier_rank": 1}
        )
        bank = self.env["res.bank"].create({"name": "Nordea Finland"})
        contacts_before = self.Partner.search_count([("is_contact", "=", True)])
        account = self.env["res.partner.bank"].create(
            {
                "acc_number": "FI21 1234 5600 0007 85",
                "partner_id": vendor.id,
                "bank_id": bank.id,
            }
        )
        self.assertFalse(account.contact_id)
        self.assertEqual(
            self.Partner.search_count([("is_contact", "=", True)]), contacts_before
        )
        self.assertFalse(account.create_contacts(), "not one of the company's")
        missing = self.env["res.partner.bank"].search(
            self.env["res.partner.bank"]._contact_sync_missing_domain("bank_account")
        )
        self.assertNotIn(account, missing)
        contact = self.make_contact("Nordea Contact")
        with self.assertRaises(UserError) as refused:
            contact.link_bank_account(account)
        self.assertIn("belongs to Iban Vendor Oy", refused.exception.args[0])
        # the company's own account at that bank gets its contact
        own = self.env["res.partner.bank"].create(
            {
                "acc_number": "FI55 1234 5600 0007 86",
                "partner_id": self.company.partner_id.id,
                "bank_id": bank.id,
            }
        )
        self.assertTrue(own.contact_id)


@tagged("post_install", "-at_install")
class TestOneContactPerBank(ContactSyncCase):
    def own_account(self, number, bank, **vals):
        return self.env["res.partner.bank"].create(
            dict(
                {
                    "acc_number": number,
                    "partner_id": self.company.partner_id.id,
                    "bank_id": bank.id,
                },
                **vals,
            )
        )

    def test_accounts_at_one_bank_share_one_contact(self):
        bank = self.env["res.bank"].create({"name": "Handelsbanken", "phone": "+46 8"})
        with self.codes_unset():
            accounts = self.own_account("SE01 0001", bank) | self.own_account(
                "SE01 0002", bank
            )
        contacts = accounts.create_contacts()
        self.assertEqual(len(contacts), 1, "one contact for the bank")
        self.assertEqual(accounts.contact_id, contacts)
        self.assertEqual(contacts.contact_business_relation, "bank_account")
        self.assertEqual(len(contacts.business_relation_ids), 2)
        # a new account at that bank joins the same contact
        third = self.own_account("SE01 0003", bank)
        self.assertEqual(third.contact_id, contacts)
        # and another from the contact itself, at its bank
        fourth = contacts.create_bank_account("SE01 0004")
        self.assertEqual(fourth.bank_id, bank)
        self.assertEqual(fourth.contact_id, contacts)
        contacts.phone = "+46 8 123"
        self.assertEqual(bank.phone, "+46 8 123")
        self.assertIn("bank_account", contacts.contact_free_link_tos)

    def test_an_account_at_another_bank_is_refused(self):
        nordea = self.env["res.bank"].create({"name": "Nordea"})
        danske = self.env["res.bank"].create({"name": "Danske Bank"})
        account = self.own_account("FI01 0001", nordea)
        contact = account.contact_id
        with self.codes_unset():
            other = self.own_account("FI01 0002", danske)
        with self.assertRaises(ValidationError) as refused:
            contact.link_bank_account(other)
        message = refused.exception.args[0]
        self.assertIn("stands for the bank Nordea", message)
        self.assertIn("at Danske Bank", message)


@tagged("post_install", "-at_install")
class TestOneBanner(ContactSyncCase):
    def test_one_banner_for_one_duplicate(self):
        contact = self.make_contact("Banner Oy", vat="BE0477472701")
        form = Form(self.Partner.with_context(default_customer_rank=1))
        form.name = "Banner Customer"
        form.vat = "BE0477472701"
        self.assertIn(contact, form.contact_duplicate_ids, "the addon's banner")
        self.assertFalse(form.same_vat_partner_id, "not Odoo's too")
        # a duplicate that is no contact: Odoo's banner says it
        with self.codes_unset():
            other = self.Partner.create({"name": "Other NV", "vat": "BE0999999993"})
        form.vat = "BE0999999993"
        self.assertEqual(form.same_vat_partner_id, other)


@tagged("post_install", "-at_install")
class TestReviewCases(ContactSyncCase):
    def own_account(self, number, bank):
        return self.env["res.partner.bank"].create(
            {
                "acc_number": number,
                "partner_id": self.company.partner_id.id,
                "bank_id": bank.id,
            }
        )

    def test_moving_one_account_of_a_bank_contact_is_refused(self):
        nordea = self.env["res.bank"].create({"name": "Nordea", "phone": "+358 1"})
        op = self.env["res.bank"].create({"name": "OP", "phone": "+358 2"})
        first = self.own_account("FI10 0001", nordea)
        self.own_account("FI10 0002", nordea)
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            first.bank_id = op
        self.assertEqual((nordea.name, nordea.phone), ("Nordea", "+358 1"))
        self.assertEqual(first.contact_id.name, "Nordea")

    def test_choosing_a_value_with_rows_of_two_runs(self):
        self.env["ir.config_parameter"].sudo().set_param(
            "contact_partner_sync.background_threshold", "1000000"
        )
        customer = self.Partner.create(
            {"name": "Two Runs Oy", "is_company": True, "customer_rank": 1}
        )
        contact = customer.linked_contact_id
        contact.link_vendor(customer)
        self.assertEqual(len(contact.business_relation_ids), 2)
        contact.sudo().with_context(contact_partner_sync_skip=True).phone = "+358 7"
        settings = self.env["res.config.settings"].create({})
        settings.with_context(operation="check").action_contact_sync_run()
        Difference = self.env["contact.sync.difference"]
        rows = Difference.search([("contact_id", "=", contact.id)])
        self.assertEqual(len(rows.job_id), 2, "a customer run and a vendor run")
        rows[:1].action_use_contact_value()
        self.assertEqual(customer.phone, "+358 7")
        self.assertFalse(Difference.search([("contact_id", "=", contact.id)]))

    def test_merging_two_contacts_of_one_bank_keeps_both_accounts(self):
        bank = self.env["res.bank"].create({"name": "Handelsbanken"})
        first = self.own_account("SE20 0001", bank)
        with self.codes_unset():
            second = self.own_account("SE20 0002", bank)
        # a contact per account, as before one contact per bank
        twin = self.make_contact("Handelsbanken")
        twin.link_bank_account(second)
        kept = first.contact_id
        wizard = self.env["base.partner.merge.automatic.wizard"].create(
            {
                "partner_ids": [(6, 0, (kept | twin).ids)],
                "dst_partner_id": kept.id,
                "state": "selection",
            }
        )
        wizard.action_merge()
        self.assertEqual((first | second).contact_id, kept)

    def test_a_number_given_in_the_batch_is_not_drawn_again(self):
        sequence = self.company.contact_sequence_id
        upcoming = sequence.get_next_char(sequence.number_next_actual)
        contacts = self.Partner.create(
            [
                {"name": "Given Oy", "is_contact": True, "contact_no": upcoming},
                {"name": "Drawn Oy", "is_contact": True},
            ]
        )
        self.assertEqual(contacts[0].contact_no, upcoming)
        self.assertNotEqual(contacts[1].contact_no, upcoming)

    def test_create_contact_button_of_an_account(self):
        vendor = self.make_vendor("Button Vendor Oy")
        bank = self.env["res.bank"].create({"name": "Button Bank"})
        theirs = self.env["res.partner.bank"].create(
            {"acc_number": "FI30 0001", "partner_id": vendor.id, "bank_id": bank.id}
        )
        with self.assertRaisesRegex(UserError, "belongs to Button Vendor Oy"):
            theirs.action_create_contact()
        first = self.own_account("FI30 0002", bank)
        with self.codes_unset():
            second = self.own_account("FI30 0003", bank)
        action = second.action_create_contact()
        self.assertIn("joined the contact", action["params"]["message"])
        self.assertEqual(second.contact_id, first.contact_id)


@tagged("post_install", "-at_install")
class TestContactsAppOneFace(ContactSyncCase):
    def test_the_contacts_app_lists_a_linked_company_once(self):
        contact, customer = self.pair("Once Listed Oy")
        plain = self.make_customer("Plain Listed Oy")
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "contacts.action_contacts"
        )
        context = safe_eval(action["context"])
        self.assertEqual(context.get("search_default_contact_one_face"), 1)
        arch = self.Partner.get_view(action.get("search_view_id")[0], "search")["arch"]
        self.assertIn('name="contact_one_face"', arch)
        domain = [("linked_contact_id", "=", False), ("name", "ilike", "Listed Oy")]
        found = self.Partner.search(domain)
        self.assertIn(contact, found, "the contact, which says Customer")
        self.assertNotIn(customer, found, "not its customer as well")
        self.assertIn(plain, found, "a customer without contact is its own face")
        self.assertEqual(contact.contact_business_relation, "customer")
