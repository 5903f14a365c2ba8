# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Contacts created for customers and vendors: ``create_contacts()`` of a batch, the
automatic creation of the contacts of new customers / vendors, and the alignment of
those linked to an existing contact instead (see matching/)."""

from collections import defaultdict

from odoo import api, models
from odoo.exceptions import UserError
from odoo.tools import clean_context

from ...context_keys import CONTACT_LABEL, FROM_CONTACT
from ...link_kinds import LINK_KINDS, kind_of_rank
from ...readers import read_values_multi


class ResPartner(models.Model):
    _inherit = "res.partner"

    # ------------------------------------------------------------------ ORM
    @api.model_create_multi
    def create(self, vals_list):
        partners = super().create(vals_list)
        customers_vendors = partners.filtered(
            lambda p: p.customer_rank or p.supplier_rank
        )
        if customers_vendors and not self.env.context.get(FROM_CONTACT):
            customers_vendors._contact_sync_auto_create()
        return partners

    def _increase_rank(self, field, n=1):
        kind = kind_of_rank(field)
        new = self.filtered(lambda p: not p[field]) if kind else self.browse()
        res = super()._increase_rank(field, n=n)
        if new and not self.env.context.get(FROM_CONTACT):
            new.filtered(field)._contact_sync_auto_create(kind.key)
        return res

    # ------------------------------------------------------------------ contacts
    @api.model
    def _contact_sync_missing_domain(self, link_to):
        """The customers / vendors that have no contact for ``link_to`` yet."""
        return [
            (LINK_KINDS[link_to].rank_field, ">", 0),
            ("is_contact", "=", False),
            ("parent_id", "=", False),
            ("user_ids", "=", False),
            ("ref_company_ids", "=", False),
            ("linked_business_relation_ids", "not any", [("link_to", "=", link_to)]),
        ]

    def action_create_contact(self):
        """Button of a customer / vendor: create its contact and open it."""
        self.ensure_one()
        if not self._contact_sync_kinds():
            raise UserError(
                self.env._("%s is neither a customer nor a vendor.", self.display_name)
            )
        self.create_contacts()
        return self.linked_contact_id._get_records_action(
            context={CONTACT_LABEL: "short"}  # the breadcrumbs have little room
        )

    def _contact_sync_auto_create(self, link_to=None):
        """Automatic creation of the contacts of new customers / vendors: only where the
        company has the business relation code set; never blocks anything."""
        return (
            self.sudo()
            ._contact_sync_make_contacts(link_to, strict=False)
            .with_env(self.env)
        )

    def _contact_sync_make_contacts(self, link_to, strict):
        """Link each partner of self to its contact for each kind (``link_to`` or its
        own kinds) it is not linked as yet; its missing contacts are created in one go.
        ``strict``: raise when a business relation code is unset (else skip)."""
        Link = self.env["contact.business.relation"]
        if not self:
            return self
        link_vals, new_contacts = [], defaultdict(list)  # {kinds: [(partner, vals)]}
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
                    LINK_KINDS[kind].link_field: partner.id,
                }
                for kind, relation in relations.items()
                if relation
            ]
            if not vals:
                continue
            if contact:
                link_vals += [dict(v, contact_id=contact.id) for v in vals]
            else:
                new_contacts[tuple(v["link_to"] for v in vals)].append((partner, vals))
        # an existing contact matching a partner is linked instead of a new twin
        matches = self._contact_sync_matching_contacts(
            {
                partner: kinds
                for kinds, partner_links in new_contacts.items()
                for partner, _vals in partner_links
            }
        )
        adopted = self.browse()
        for partner_links in new_contacts.values():
            for partner, vals in partner_links:
                if partner in matches:
                    link_vals += [dict(v, contact_id=matches[partner].id) for v in vals]
                    adopted |= partner
        contacts = self.browse()
        for kinds, partner_links in new_contacts.items():
            partner_links = [pl for pl in partner_links if pl[0] not in adopted]
            if not partner_links:
                continue
            partners = self.browse([partner.id for partner, _vals in partner_links])
            kind_contacts = self._contact_sync_create_contacts(
                partners._contact_sync_contact_values(kinds)
            )
            for contact, (_partner, vals) in zip(
                kind_contacts, partner_links, strict=True
            ):
                link_vals += [dict(v, contact_id=contact.id) for v in vals]
            contacts |= kind_contacts
        if link_vals:
            Link.create(link_vals)._contact_sync_log_links(new_contacts=contacts)
        adopted._contact_sync_align_with_existing_contacts()
        return contacts

    def _contact_sync_matching_contacts(self, partner_kinds):
        """{partner: the existing contact to link it to instead of creating one} for
        ``partner_kinds`` ({partner: kinds it is to be linked as}); none here, see
        matching/res_partner.py."""
        return {}

    def _contact_sync_align_with_existing_contacts(self):
        """The partners self were just linked to existing contacts: their non-empty
        synchronized values win, their contacts fill the empty ones; in batch."""
        self.env["contact.partner.sync"]._align_new_links(
            self.linked_business_relation_ids, "linked", fill_empty=True
        )

    @api.model
    def _contact_sync_create_contacts(self, vals_list):
        """Create the automatic contacts of ``vals_list``: plain contacts, which the
        context defaults of the screen that made their customer, vendor or bank
        account (``default_*``, ``res_partner_search_mode``) never reach. A default
        that is the same for every record is evaluated once for the batch."""
        context = clean_context(self.env.context)
        context.pop("res_partner_search_mode", None)
        Partner = self.env(context=context)["res.partner"]
        # account's default of this form helper counts the invoice reports, a query
        # per record otherwise
        fname = "display_invoice_template_pdf_report_id"
        if len(vals_list) > 1 and fname in Partner._fields:
            default = Partner.default_get([fname]).get(fname)
            Partner = Partner.with_context(**{f"default_{fname}": default})
        return Partner.create(vals_list)

    def _contact_sync_contact_values(self, kinds):
        """Values of the new contacts of the partners self, linked as ``kinds``, in
        their order: their synchronized fields, read in batch."""
        field_map = {}
        for kind in kinds:
            field_map.update(self._contact_sync_field_map(kind, "to_contact"))
        values = read_values_multi(self, field_map)
        return [
            dict(
                values[partner.id],
                is_contact=True,
                is_company=partner.is_company,
                company_id=partner.company_id.id,
            )
            for partner in self
        ]
