# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The customer / vendor side: create the contacts of existing partners."""

from odoo import models
from odoo.exceptions import UserError

from .const import PARTNER_KINDS, RANK_FIELDS


class ResPartner(models.Model):
    _inherit = "res.partner"

    def create_contacts(self, link_to=None):
        """Create and link the missing contacts of the customers / vendors ``self``
        (as ``link_to``, by default as what each partner is); return the new contacts.
        Contacts, already linked partners, and partners that cannot have a contact are
        skipped."""
        if link_to and link_to not in PARTNER_KINDS:
            raise ValueError(link_to)
        return self.env["contact.partner.sync"]._create_contacts_in_chunks(
            self,
            lambda partners: partners._contact_sync_make_contacts(link_to, strict=True),
        )

    def action_create_contact(self):
        """Button of a customer / vendor: create its contact and open it."""
        self.ensure_one()
        if not self._contact_sync_kinds():
            raise UserError(
                self.env._("%s is neither a customer nor a vendor.", self.display_name)
            )
        self.create_contacts()
        return self.linked_contact_id._get_records_action()

    def _contact_sync_auto_create(self, link_to=None):
        """Automatic creation of the contacts of new customers / vendors: only where the
        company has the business relation code set; never blocks anything."""
        return (
            self.sudo()
            ._contact_sync_make_contacts(link_to, strict=False)
            .with_env(self.env)
        )

    def _contact_sync_linkable(self):
        """The partners of self that may be linked as customer or vendor: commercial
        partners that are neither contacts nor the partner of a company or a user."""
        if not self:
            return self
        excluded = (
            self.env["res.company"]
            .sudo()
            .with_context(active_test=False)
            .search([("partner_id", "in", self.ids)])
            .partner_id
            | self.env["res.users"]
            .sudo()
            .with_context(active_test=False)
            .search([("partner_id", "in", self.ids)])
            .partner_id
        )
        return self.filtered(
            lambda p: (
                not p.is_contact and p.commercial_partner_id == p and p not in excluded
            )
        )

    def _contact_sync_kinds(self):
        """What the partner is: customer / vendor by rank or by link."""
        self.ensure_one()
        linked = self.linked_business_relation_ids.mapped("link_to")
        return [
            kind
            for kind in PARTNER_KINDS
            if self[RANK_FIELDS[kind]] > 0 or kind in linked
        ]

    def _contact_sync_make_contacts(self, link_to, strict):
        """Link each partner of self to its contact for each kind (``link_to`` or its
        own kinds) it is not linked as yet; its missing contacts are created in one go.
        ``strict``: raise when a business relation code is unset (else skip)."""
        Link = self.env["contact.business.relation"]
        if not self:
            return self
        link_vals, new_contact_vals, new_contact_links = [], [], []
        for partner in self._contact_sync_linkable():
            company = partner.company_id or self.env.company
            linked = partner.linked_business_relation_ids.mapped("link_to")
            contact = partner.linked_contact_id
            taken = contact.business_relation_ids.mapped("link_to")
            kinds = [link_to] if link_to else partner._contact_sync_kinds()
            relations = {
                kind: company._contact_sync_relation(kind, raise_if_unset=strict)
                for kind in kinds
                if kind not in linked and kind not in taken
            }
            vals = [
                {
                    "business_relation_id": relation.id,
                    "link_to": kind,
                    "partner_id": partner.id,
                }
                for kind, relation in relations.items()
                if relation
            ]
            if not vals:
                continue
            if contact:
                link_vals += [dict(v, contact_id=contact.id) for v in vals]
            else:
                new_contact_vals.append(
                    partner._contact_sync_contact_values([v["link_to"] for v in vals])
                )
                new_contact_links.append(vals)
        contacts = (
            self.env["res.partner"].create(new_contact_vals)
            if new_contact_vals
            else self.browse()
        )
        for contact, vals in zip(contacts, new_contact_links, strict=True):
            link_vals += [dict(v, contact_id=contact.id) for v in vals]
        if link_vals:
            Link.create(link_vals)
        return contacts

    def _contact_sync_contact_values(self, kinds):
        """Values of a new contact of the partner self, linked as ``kinds``."""
        self.ensure_one()
        Sync = self.env["contact.partner.sync"]
        vals = {}
        for kind in kinds:
            vals.update(Sync._read_values(self, self._contact_sync_field_map(kind)))
        vals.update(
            is_contact=True, is_company=self.is_company, company_id=self.company_id.id
        )
        return vals
