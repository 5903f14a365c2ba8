# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Who may see, link, create and configure; multi-company; what propagation changes."""

from odoo.exceptions import AccessError
from odoo.tests import Form, new_test_user, tagged

from odoo.addons.contact_partner_sync.contact_partner_sync.compat import USER_GROUPS
from odoo.addons.contact_partner_sync.contact_partner_sync.context_keys import SYNC_SKIP

from .common import ContactSyncCase

OPERATIONS = ("read", "write", "create", "unlink")
CONFIG_MODELS = (
    "business.relation",
    "contact.partner.template",
    "contact.interaction.template",
)
WIZARDS = (
    "contact.link.wizard",
    "contact.create.partner.wizard",
    "contact.create.contacts.wizard",
)
LINKERS = "sales_team.group_sale_salesman", "purchase.group_purchase_user"


@tagged("post_install", "-at_install")
class TestAccessRights(ContactSyncCase):
    """Access rights of every model of the addon, per kind of user."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = {
            "portal": new_test_user(cls.env, "cps_portal", "base.group_portal"),
            "public": new_test_user(cls.env, "cps_public", "base.group_public"),
            "internal": new_test_user(cls.env, "cps_internal", "base.group_user"),
            "salesman": new_test_user(cls.env, "cps_salesman", LINKERS[0]),
            "purchaser": new_test_user(cls.env, "cps_purchaser", LINKERS[1]),
            "settings": new_test_user(cls.env, "cps_settings", "base.group_system"),
        }

    def expected(self, kind, model):
        """The operations ``kind`` of user may do on ``model``."""
        if kind in ("portal", "public"):
            return set()
        if kind == "settings":
            return set(OPERATIONS)
        linker = kind in ("salesman", "purchaser")
        if model in WIZARDS:
            return set(OPERATIONS) if linker else set()
        if model == "contact.business.relation" and linker:
            return set(OPERATIONS)
        if model == "contact.interaction.log" and linker:
            return {"read", "create"}
        return {"read"}

    def test_access_rights_table(self):
        Access = self.env["ir.model.access"]
        models = (
            *CONFIG_MODELS,
            "contact.business.relation",
            "contact.interaction.log",
            *WIZARDS,
        )
        for kind, user in self.users.items():
            for model in models:
                allowed = {
                    operation
                    for operation in OPERATIONS
                    if Access.with_user(user).check(model, operation, False)
                }
                self.assertEqual(
                    allowed, self.expected(kind, model), f"{kind} on {model}"
                )

    def test_portal_and_public_see_nothing(self):
        contact = self.make_contact("Secret Contact")
        contact.create_customer()
        for kind in ("portal", "public"):
            env = self.env(user=self.users[kind])
            for model in (*CONFIG_MODELS, "contact.business.relation"):
                with self.assertRaises(AccessError, msg=f"{kind} on {model}"):
                    env[model].search([])
            with self.assertRaises(AccessError):
                contact.with_env(env).business_relation_ids.read(["link_to"])

    def test_internal_user_reads_but_does_not_link(self):
        contact = self.make_contact("Read Only Contact")
        customer = self.make_customer("Read Only Customer")
        internal = contact.with_user(self.users["internal"])
        self.assertEqual(internal.contact_business_relation, "none")
        with self.assertRaises(AccessError):
            internal.link_customer(customer)
        with self.assertRaises(AccessError):
            internal.create_customer()
        self.assertFalse(contact.business_relation_ids)
        contact.link_customer(customer)
        self.assertEqual(
            internal.business_relation_ids.partner_id.name, "Read Only Contact"
        )

    def test_salesman_and_purchaser_link_and_create(self):
        for kind, method in (
            ("salesman", "create_customer"),
            ("purchaser", "create_vendor"),
        ):
            user = self.users[kind]
            user[USER_GROUPS] += self.env.ref("base.group_partner_manager")
            contact = self.make_contact(f"Contact of the {kind}").with_user(user)
            partner = getattr(contact, method)()
            self.assertEqual(partner.linked_contact_id, contact)
            self.assertEqual(partner.create_uid, user)
            other = self.make_contact(f"Second contact of the {kind}").with_user(user)
            link = other.link_customer(self.make_customer(f"Customer for {kind}"))
            self.assertEqual(link.create_uid, user)

    def test_only_settings_users_configure(self):
        salesman = self.users["salesman"]
        with self.assertRaises(AccessError):
            self.company.with_user(salesman).write(
                {"customer_business_relation_id": False}
            )
        with self.assertRaises(AccessError):
            self.env["business.relation"].with_user(salesman).create(
                {"code": "CPSTEST", "name": "Test relation"}
            )
        with self.assertRaises(AccessError):
            self.env["contact.partner.template"].with_user(salesman).create(
                {"name": "Template"}
            )
        with self.assertRaises(AccessError):
            self.env["res.config.settings"].with_user(salesman).create({})
        self.assertEqual(
            self.company.customer_business_relation_id, self.relation_customer
        )
        # a Settings user does all of it
        settings_user = self.users["settings"]
        prospect = (
            self.env["business.relation"]
            .with_user(settings_user)
            .create({"code": "CPSTEST", "name": "Test relation"})
        )
        with Form(self.env["res.config.settings"].with_user(settings_user)) as form:
            form.customer_business_relation_id = prospect
        form.save().execute()
        self.assertEqual(self.company.customer_business_relation_id, prospect)


@tagged("post_install", "-at_install")
class TestMultiCompany(ContactSyncCase):
    """Record rules: nobody reaches another company's records, through links neither."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_b = cls.env["res.company"].create({"name": "Company B (rules)"})
        # existing before the codes are set: without contact
        cls.vendor_b = cls.make_vendor("Vendor B", company_id=cls.company_b.id)
        cls.set_codes(cls.company_b)
        cls.user_a = new_test_user(
            cls.env,
            "cps_user_a",
            f"{LINKERS[0]},{LINKERS[1]},base.group_partner_manager",
            company_id=cls.company.id,
            company_ids=[(6, 0, cls.company.ids)],
        )
        cls.contact_b = cls.make_contact("Contact B", company_id=cls.company_b.id)
        cls.customer_b = cls.contact_b.create_customer()
        cls.template_b = cls.env["contact.partner.template"].create(
            {"name": "Template B", "company_id": cls.company_b.id}
        )
        # a contact without company may link to records of any company
        cls.shared = cls.make_contact("Shared Contact")
        cls.customer_a = cls.make_customer("Customer A", company_id=cls.company.id)
        cls.shared.link_customer(cls.customer_a)
        cls.shared.link_vendor(cls.vendor_b)

    def test_other_company_links_and_templates_are_invisible(self):
        env = self.env(user=self.user_a)
        link_b = self.contact_b.business_relation_ids
        self.assertFalse(
            env["contact.business.relation"].search([("id", "=", link_b.id)])
        )
        with self.assertRaises(AccessError):
            link_b.with_env(env).read(["partner_id"])
        self.assertNotIn(self.template_b, env["contact.partner.template"].search([]))
        log_b = self.env["contact.interaction.log"].create(
            {
                "contact_id": self.contact_b.id,
                "company_id": self.company_b.id,
                "template_id": self.env["contact.interaction.template"]
                .search([], limit=1)
                .id,
                "description": "Call",
            }
        )
        self.assertFalse(env["contact.interaction.log"].search([("id", "=", log_b.id)]))

    def test_a_link_does_not_lead_to_another_company(self):
        self.env.invalidate_all()  # as in the user's own request
        shared = self.shared.with_user(self.user_a)
        links = shared.business_relation_ids
        self.assertEqual(links.mapped("link_to"), ["customer"])
        self.assertEqual(links.partner_id.mapped("name"), ["Shared Contact"])
        self.assertFalse(
            self.env["contact.business.relation"]
            .with_user(self.user_a)
            .search([("partner_id", "=", self.vendor_b.id)])
        )
        with self.assertRaises(AccessError):
            self.vendor_b.with_user(self.user_a).read(["name", "phone"])

    def test_no_link_to_an_invisible_record(self):
        contact = self.make_contact("Contact Without Company").with_user(self.user_a)
        with self.assertRaises(AccessError):
            contact.link_customer(self.customer_b.id)
        with self.assertRaises(AccessError):
            self.contact_b.with_user(self.user_a).create_vendor()
        self.assertFalse(contact.business_relation_ids)
        self.assertEqual(self.contact_b.contact_business_relation, "customer")


@tagged("post_install", "-at_install")
class TestPropagationRights(ContactSyncCase):
    """Propagation runs as superuser, but only on the declared fields and only after a
    write the user was allowed to make."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.editor = new_test_user(
            cls.env, "cps_editor", f"{LINKERS[0]},base.group_partner_manager"
        )
        cls.reader = new_test_user(cls.env, "cps_reader", LINKERS[0])
        cls.contact = cls.make_contact("Rights Oy", city="Oulu")
        cls.customer = cls.contact.create_customer()
        cls.vendor = cls.make_vendor("Rights Vendor")
        cls.contact.link_vendor(cls.vendor)
        cls.account = cls.contact.create_bank_account("FI2112345600000785")
        cls.bank = cls.account.bank_id

    def stored_values(self, records):
        """{(record, field): value} of the stored, non-computed fields of records."""
        records.env.invalidate_all()
        values = {}
        for record in records:
            for fname, field in record._fields.items():
                if field.store and field.column_type and not field.compute:
                    if fname in ("write_date", "write_uid", "__last_update"):
                        continue
                    values[record, fname] = field.convert_to_write(
                        record[fname], record
                    )
        return values

    def changed_fields(self, before, after):
        return {key for key in before if before[key] != after[key]}

    def test_only_declared_fields_change(self):
        targets = self.contact | self.customer | self.vendor
        before = self.stored_values(targets) | self.stored_values(self.bank)
        self.customer.with_user(self.editor).write(
            {"phone": "+358 8", "comment": "Only mine", "ref": "C-1", "city": "Kemi"}
        )
        after = self.stored_values(targets) | self.stored_values(self.bank)
        changed = self.changed_fields(before, after)
        self.assertEqual(
            {(record, fname) for record, fname in changed if record != self.customer},
            {
                (self.contact, "phone"),
                (self.contact, "city"),
                (self.vendor, "phone"),
                (self.vendor, "city"),
                (self.bank, "phone"),
                (self.bank, "city"),
            },
        )

    def test_a_refused_write_propagates_nothing(self):
        with self.assertRaises(AccessError):
            self.customer.with_user(self.reader).write({"phone": "+358 9"})
        self.assertFalse(self.contact.phone)
        self.assertFalse(self.bank.phone)

    def test_a_link_writes_the_declared_fields_only(self):
        """Linking is the salesman's right (not writing partners): the losing side
        takes the synchronized fields, nothing else, and stays closed to the user."""
        contact = self.make_contact("Overwriting Oy", phone="+358 7")
        customer = self.make_customer("Overwritten Customer", ref="C-7")
        before = self.stored_values(customer)
        contact.with_user(self.reader).link_customer(customer)
        changed = {
            fname
            for __, fname in self.changed_fields(before, self.stored_values(customer))
        }
        self.assertEqual(changed, {"name", "phone"})
        with self.assertRaises(AccessError):
            customer.with_user(self.reader).write({"ref": "C-8"})

    def test_users_cannot_skip_propagation(self):
        """The flag of the synchronization's own writes means nothing to users."""
        self.customer.with_user(self.editor).with_context(**{SYNC_SKIP: True}).write(
            {"email": "sneaky@example.com"}
        )
        self.assertEqual(self.contact.email, "sneaky@example.com")
        self.assertEqual(self.vendor.email, "sneaky@example.com")
