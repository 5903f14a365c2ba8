# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every kind of ``link_kinds.LINK_KINDS`` walked through the life of a link: a new
entry there is tested by adding it (and, for a new model, its factory below)."""

from odoo.tests import tagged

from odoo.addons.contact_partner_sync.contact_partner_sync.link_kinds import (
    LINK_KINDS,
)

from .common import ContactSyncCase


@tagged("post_install", "-at_install")
class TestLinkKinds(ContactSyncCase):
    def make_record(self, kind, name):
        """An existing record of ``kind``, without contact, whose synchronized
        ``name`` is ``name``."""
        if kind.model == "res.partner":
            with self.codes_unset():
                return self.Partner.create(
                    {"name": name, "is_company": True, kind.rank_field: 1}
                )
        self.assertEqual(
            kind.model,
            "res.partner.bank",
            f"no factory for the records of the kind {kind.key} ({kind.model})",
        )
        bank = self.env["res.bank"].create({"name": name})
        return self.make_bank_account(f"FI21 1234 5600 {len(name):04d}", bank)

    def create_arguments(self, kind):
        """The arguments of the contact's create method of ``kind``."""
        if kind.template_field:
            return {}
        return {"acc_number": f"NO93 8601 1117 {kind.key[:4]}"}

    def data_record(self, kind, record):
        return record[kind.data_path] if kind.data_path else record

    def test_every_kind_links_creates_propagates_and_deletes(self):
        for kind in LINK_KINDS.values():
            with self.subTest(kind=kind.key):
                self.assertIn("name", kind.sync_fields)
                # link with an existing record: the contact's values win
                contact = self.make_contact(f"Walk {kind.key}")
                record = self.make_record(kind, f"Record {kind.key}")
                link = getattr(contact, kind.link_method)(record)
                self.assertEqual(
                    (link.link_to, link[kind.link_field], link.contact_id),
                    (kind.key, record, contact),
                )
                data = self.data_record(kind, record)
                self.assertEqual(data[kind.sync_fields["name"]], contact.name)
                self.assertEqual(contact.contact_business_relation, kind.key)
                # propagation, both ways
                contact.name = f"Walk {kind.key} renamed"
                self.assertEqual(data[kind.sync_fields["name"]], contact.name)
                data[kind.sync_fields["name"]] = f"Walk {kind.key} from the record"
                self.assertEqual(contact.name, f"Walk {kind.key} from the record")
                # create from a contact
                other = self.make_contact(f"Created {kind.key}")
                created = getattr(other, kind.create_method)(
                    **self.create_arguments(kind)
                )
                self.assertEqual(created._name, kind.model)
                self.assertEqual(
                    other.business_relation_ids._of_kind(kind.key)[kind.link_field],
                    created,
                )
                self.assertEqual(
                    self.data_record(kind, created)[kind.sync_fields["name"]],
                    other.name,
                )
                # create_contacts() of a record without contact
                alone = self.make_record(kind, f"Alone {kind.key}")
                new_contact = alone.create_contacts()
                self.assertTrue(new_contact.is_contact)
                self.assertEqual(
                    new_contact.business_relation_ids[kind.link_field], alone
                )
                self.assertEqual(new_contact.name, f"Alone {kind.key}")
                # deleting one side keeps the other
                record.unlink()
                self.assertTrue(contact.exists())
                self.assertFalse(contact.business_relation_ids)
                self.assertEqual(contact.contact_business_relation, "none")
                other.unlink()
                self.assertTrue(created.exists())
                self.assertFalse(self.Link.search([(kind.link_field, "=", created.id)]))
