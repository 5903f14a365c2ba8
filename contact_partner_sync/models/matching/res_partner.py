# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Matching instead of twins: a new customer or vendor is linked to the one existing
contact that matches it on the company's match fields (Settings), and the form warns
of contacts matching the record being edited."""

import re
from collections import defaultdict

from odoo import api, fields, models
from odoo.tools import SQL

# identification codes are compared without spaces, dots and dashes
CODE_FIELDS = ("vat", "company_registry")
CODE_NOISE = re.compile(r"[\s.\-]")


def normalized(fname, value):
    """The value of ``fname`` as it is compared: codes without spaces, dots and
    dashes, other values stripped; case-insensitive."""
    if not value or not isinstance(value, str):
        return ""
    if fname in CODE_FIELDS:
        return CODE_NOISE.sub("", value).upper()
    return value.strip().lower()


def _stored_char_fields(model):
    return [
        name
        for name, field in model._fields.items()
        if field.type == "char" and field.store and name != "contact_no"
    ]


class ResPartner(models.Model):
    _inherit = "res.partner"

    contact_duplicate_ids = fields.Many2many(
        "res.partner",
        string="Matching Contacts",
        compute="_compute_contact_duplicate_ids",
        help="Contacts with the same value of one of the fields the company matches "
        "contacts on (Settings: Match Contacts on).",
    )

    @api.depends(_stored_char_fields)
    @api.depends_context("company")
    def _compute_contact_duplicate_ids(self):
        candidates = self._contact_sync_candidates()
        for partner in self:
            own = partner._origin
            partner.contact_duplicate_ids = candidates.get(partner, self.browse()) - (
                own | own.linked_contact_id
            )

    def _compute_same_vat_partner_id(self):
        """One banner for one fact: where Odoo's duplicate (same Tax ID or company
        ID) is one of the matching contacts the addon's banner lists, or the
        customer / vendor of one, Odoo's banner stays hidden."""
        super()._compute_same_vat_partner_id()
        for partner in self:
            listed = set(partner.contact_duplicate_ids._origin.ids)  # form: new ids
            for fname in ("same_vat_partner_id", "same_company_registry_partner_id"):
                # as Odoo finds it: in any company the partner may be of
                other = partner[fname]._origin.sudo()
                if other and {other.id, other.linked_contact_id.id} & listed:
                    partner[fname] = False

    def _contact_sync_matching_contacts(self, partner_kinds):
        matches = super()._contact_sync_matching_contacts(partner_kinds)
        partners = self.browse([p.id for p in partner_kinds if p not in matches])
        candidates = partners._contact_sync_candidates()
        if not candidates:
            return matches
        found = self.browse().union(*candidates.values())
        taken = defaultdict(set)  # {contact: kinds it has or gets in this batch}
        for link in found.business_relation_ids:
            taken[link.contact_id].add(link.link_to)
        for partner in partners:
            kinds = set(partner_kinds[partner])
            free = [
                contact
                for contact in candidates.get(partner, ())
                if not taken[contact] & kinds
            ]
            if len(free) == 1:
                matches[partner] = free[0]
                taken[free[0]] |= kinds
        return matches

    def _contact_sync_candidates(self):
        """{partner: the contacts matching it} for the partners self (saved or not),
        on the match fields of their company: other company contacts (not persons
        of one) of the same company or none, that the user may read. A constant
        number of queries: one per match field in use."""
        Company = self.env["res.company"]
        by_field = defaultdict(lambda: defaultdict(list))  # {fname: {value: [p]}}
        for partner in self:
            company = partner.company_id or self.env.company
            for fname in Company._contact_sync_match_fnames(company.id):
                value = normalized(fname, partner[fname])
                if value:
                    by_field[fname][value].append(partner)
        found = defaultdict(set)  # {partner: contact ids}
        for fname, partners_by_value in by_field.items():
            for contact_id, value, company_id in self._contact_sync_match_rows(
                fname, partners_by_value
            ):
                for partner in partners_by_value[value]:
                    if contact_id != partner._origin.id and company_id in (
                        False,
                        None,
                        partner.company_id.id,
                    ):
                        found[partner].add(contact_id)
        if not found:
            return {}
        readable = set(
            self.search([("id", "in", list(set().union(*found.values())))]).ids
        )
        return {
            partner: self.browse(sorted(ids & readable))
            for partner, ids in found.items()
            if ids & readable
        }

    @api.model
    def _contact_sync_match_rows(self, fname, values):
        """(id, normalized value, company id) of the active company contacts whose
        normalized ``fname`` is among ``values``: one query, the values compared as
        normalized() does."""
        self.flush_model([fname, "is_contact", "active", "parent_id", "company_id"])
        column = SQL.identifier("p", fname)
        if fname in CODE_FIELDS:
            value = SQL("upper(regexp_replace(%s, '[[:space:].-]', '', 'g'))", column)
        else:
            value = SQL("lower(btrim(%s))", column)
        self.env.cr.execute(
            SQL(
                "SELECT p.id, %(value)s, p.company_id FROM res_partner p"
                " WHERE p.is_contact AND p.active AND p.parent_id IS NULL"
                " AND %(value)s IN %(values)s",
                value=value,
                values=tuple(values),
            )
        )
        return self.env.cr.fetchall()
