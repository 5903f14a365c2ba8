# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.exceptions import UserError

from ..link_kinds import LINK_KINDS


class MergePartnerAutomatic(models.TransientModel):
    """Merging partners keeps one valid link per kind (Odoo would move the links in SQL,
    or drop them where a unique constraint fails, without recomputing anything)."""

    _inherit = "base.partner.merge.automatic.wizard"

    def _merge(self, partner_ids, dst_partner=None, extra_checks=True):
        partners = self.env["res.partner"].browse(partner_ids).exists()
        contacts = partners.filtered("is_contact")
        if contacts and contacts != partners:
            others = partners - contacts
            names = {
                "contacts": ", ".join(
                    c._contact_sync_numbered_name() for c in contacts
                ),
                "partners": ", ".join(others.mapped("display_name")),
            }
            if others.linked_contact_id & contacts:
                raise UserError(
                    self.env._(
                        "Contacts (%(contacts)s) cannot be merged with customers or "
                        "vendors (%(partners)s): they are linked already, and "
                        "synchronized. Merge contacts with contacts, customers and "
                        "vendors with customers and vendors.",
                        **names,
                    )
                )
            raise UserError(
                self.env._(
                    "Contacts (%(contacts)s) cannot be merged with customers or "
                    "vendors (%(partners)s): link them instead (Link with Existing "
                    "on the contact).",
                    **names,
                )
            )
        if not contacts:
            # customers / vendors: their contacts are merged too, first, so that
            # their links meet on one contact (no contact left behind unlinked)
            self._contact_sync_merge_contacts(partners, dst_partner)
        links = (
            self.env["contact.business.relation"]
            .sudo()
            .search(
                [
                    "|",
                    ("contact_id", "in", partners.ids),
                    ("partner_id", "in", partners.ids),
                ]
            )
        )
        if links:
            # the links change: the banks of their contacts, the contacts, then the
            # partners are touched first (see contact.partner.sync._lock)
            linked = contacts | links.contact_id
            self.env["contact.partner.sync"]._touch(
                linked.sudo().business_relation_ids._contact_sync_data_records(),
                linked,
                [partners - linked],
            )
        res = super()._merge(
            partner_ids, dst_partner=dst_partner, extra_checks=extra_checks
        )
        # the kept contact's values win over what its new links carry (Odoo's merge
        # writes only some fields, e.g. not the computed salesperson)
        contacts = links.exists().filtered("link_to").contact_id
        self.env["contact.partner.sync"]._synchronize(contacts)
        # the persons a merged contact brings go under the kept one's customer /
        # vendor (one set of persons per company)
        partners.exists().filtered("is_contact")._contact_persons_gather()
        return res

    def _contact_sync_merge_contacts(self, partners, dst_partner):
        """The contacts of the customers / vendors ``partners`` merged into the
        contact of the destination (Odoo's merge: links, persons, interactions and
        documents move), with a note in its chatter."""
        contacts = partners.linked_contact_id
        if len(contacts) < 2:
            return
        dst_partner = dst_partner or self._get_ordered_partner(partners.ids)[-1]
        kept = dst_partner.linked_contact_id or contacts[0]
        lost = contacts - kept
        names = ", ".join(contact._contact_sync_numbered_name() for contact in lost)
        self._merge(contacts.ids, kept, extra_checks=False)
        kept._message_log(
            body=self.env._(
                "The customers / vendors %(partners)s were merged: their contacts "
                "%(contacts)s were merged into this one.",
                partners=", ".join(partners.mapped("display_name")),
                contacts=names,
            )
        )

    def _update_foreign_keys(self, src_partners, dst_partner):
        # the bank accounts were just merged in SQL: recompute their contact
        self.env.invalidate_all()
        accounts = dst_partner.with_context(active_test=False).bank_ids
        self.env.add_to_compute(accounts._fields["contact_id"], accounts)
        self._contact_sync_merge_links(src_partners, dst_partner, "partner_id")
        self._contact_sync_merge_links(src_partners, dst_partner, "contact_id")
        return super()._update_foreign_keys(src_partners, dst_partner)

    def _contact_sync_merge_links(self, src_partners, dst_partner, fname):
        """Move the links of ``src_partners`` (as ``fname``) to ``dst_partner``, but
        those that would duplicate one of its links, which are deleted."""
        Link = self.env["contact.business.relation"].sudo()
        dst_links = Link.search([(fname, "=", dst_partner.id)])
        kinds = {link.link_to for link in dst_links if link.link_to}
        relations = set(dst_links.business_relation_id.ids)
        # a customer / vendor has a single contact
        contact = dst_links.contact_id[:1] if fname == "partner_id" else None
        # a contact holds several bank accounts, all at its bank
        data = {
            kind.key: dst_links._of_kind(kind.key).mapped(
                f"{kind.link_field}.{kind.data_path}"
            )
            for kind in LINK_KINDS.values()
            if kind.several_per_contact and kind.data_path
        }
        to_move = to_drop = Link
        for link in Link.search([(fname, "in", src_partners.ids)]):
            if fname == "contact_id" and link.link_to in data:
                kind = LINK_KINDS[link.link_to]
                record = link[kind.link_field][kind.data_path]
                if data[kind.key] and record not in data[kind.key]:
                    to_drop |= link  # an account at another bank: not this contact's
                else:
                    to_move |= link
                    data[kind.key] |= record
                continue
            if (
                link.link_to in kinds
                or link.business_relation_id.id in relations
                or (contact and link.contact_id != contact)
            ):
                to_drop |= link
                continue
            to_move |= link
            if link.link_to:
                kinds.add(link.link_to)
            relations.add(link.business_relation_id.id)
            if fname == "partner_id":
                contact = link.contact_id
        to_drop.unlink()
        to_move.write({fname: dst_partner.id})
