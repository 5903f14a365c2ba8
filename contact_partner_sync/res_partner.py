# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL, sql

from .const import (
    BANK_SYNC_FIELDS,
    FROM_CONTACT,
    PARTNER_KINDS,
    PARTNER_SYNC_FIELDS,
    RANK_FIELDS,
    SYNC_SKIP,
)
from .contact_sync import sync_skipped


class ResPartner(models.Model):
    """Contacts (``is_contact``), synchronized with customers and vendors."""

    _inherit = "res.partner"

    is_contact = fields.Boolean(
        string="Is a Contact",
        index=True,
        help="Relationship Management contact, synchronized with its customer, vendor "
        "and bank account through its business relations.",
    )
    # a btree index, as Odoo's own ``ref``: a trigram (GIN) index would be
    # maintained on every write of a contact (each synchronized write), for
    # substring searches that a scan of the contacts serves well enough
    contact_no = fields.Char(
        string="Contact No.", copy=False, index="btree_not_null", readonly=True
    )
    business_relation_ids = fields.One2many(
        "contact.business.relation", "contact_id", string="Business Relations"
    )
    linked_business_relation_ids = fields.One2many(
        "contact.business.relation",
        "partner_id",
        string="Contact Links",
        help="The links of this customer / vendor to its contact.",
    )
    contact_business_relation = fields.Selection(
        [
            ("none", "None"),
            ("customer", "Customer"),
            ("vendor", "Vendor"),
            ("bank_account", "Bank Account"),
            ("multiple", "Multiple"),
            ("other", "Other"),
        ],
        compute="_compute_contact_business_relation",
        store=True,
        index=True,
    )
    linked_contact_id = fields.Many2one(
        "res.partner",
        compute="_compute_linked_contact_id",
        store=True,
        index="btree_not_null",
        help="The contact this customer / vendor is synchronized with.",
    )

    @api.depends("is_contact", "business_relation_ids.link_to")
    def _compute_contact_business_relation(self):
        for partner in self:
            links = partner.business_relation_ids if partner.is_contact else ()
            kinds = {link.link_to for link in links if link.link_to}
            if len(kinds) > 1:
                partner.contact_business_relation = "multiple"
            elif kinds:
                partner.contact_business_relation = kinds.pop()
            else:
                partner.contact_business_relation = "other" if links else "none"

    @api.depends("linked_business_relation_ids.contact_id")
    def _compute_linked_contact_id(self):
        for partner in self:
            partner.linked_contact_id = partner.linked_business_relation_ids[
                :1
            ].contact_id

    @api.constrains("is_contact")
    def _check_is_contact_links(self):
        for partner in self:
            if partner.is_contact and partner.linked_business_relation_ids:
                raise ValidationError(
                    self.env._(
                        "%(partner)s is linked to the contact %(contact)s: "
                        "it cannot become a contact itself.",
                        partner=partner.display_name,
                        contact=partner.linked_contact_id.display_name,
                    )
                )
            if not partner.is_contact and partner.business_relation_ids:
                raise ValidationError(
                    self.env._(
                        "%s has business relations: it remains a contact.",
                        partner.display_name,
                    )
                )

    @api.model
    def _commercial_fields(self):
        # the persons and addresses of a company contact are contacts too
        return super()._commercial_fields() + ["is_contact"]

    @api.model
    def _contact_sync_field_map(self, link_to):
        """The synchronized fields of a ``link_to`` link: {contact_field: linked_field}.
        Override to synchronize more (or fewer) fields."""
        if link_to == "customer":
            return {fname: fname for fname in PARTNER_SYNC_FIELDS}
        if link_to == "vendor":
            return {fname: fname for fname in PARTNER_SYNC_FIELDS if fname != "user_id"}
        if link_to == "bank_account":
            return dict(BANK_SYNC_FIELDS)
        return {}

    @api.model
    def _contact_sync_contact_fnames(self):
        """The contact fields synchronized by some link."""
        return {
            fname
            for link_to in (*PARTNER_KINDS, "bank_account")
            for fname in self._contact_sync_field_map(link_to)
        }

    @api.model
    def _contact_sync_fnames(self):
        """The res.partner fields whose change is propagated (both sides)."""
        linked = {
            fname
            for link_to in PARTNER_KINDS
            for fname in self._contact_sync_field_map(link_to).values()
        }
        return self._contact_sync_contact_fnames() | linked

    # ------------------------------------------------------------------ ORM
    def init(self):
        super().init()
        # Odoo keeps an index of the expected name whatever its kind: drop the GIN
        # (trigram) index of contact_no of former installations, it is made again
        index = "res_partner__contact_no_index"
        self.env.cr.execute(
            SQL(
                "SELECT 1 FROM pg_indexes WHERE indexname = %s AND indexdef ILIKE %s",
                index,
                "% USING gin %",
            )
        )
        if self.env.cr.fetchone():
            sql.drop_index(self.env.cr, index, self._table)

    @api.model_create_multi
    def create(self, vals_list):
        to_number = defaultdict(list)  # numbered per company, in one go
        for vals in vals_list:
            if vals.get("is_contact") and not vals.get("contact_no"):
                company = (
                    self.env["res.company"].browse(vals.get("company_id"))
                    or self.env.company
                )
                to_number[company].append(vals)
        for company, company_vals in to_number.items():
            numbers = company._contact_sync_next_numbers(len(company_vals))
            for vals, number in zip(company_vals, numbers, strict=True):
                vals["contact_no"] = number
        partners = super().create(vals_list)
        customers_vendors = partners.filtered(
            lambda p: p.customer_rank or p.supplier_rank
        )
        if customers_vendors and not self.env.context.get(FROM_CONTACT):
            customers_vendors._contact_sync_auto_create()
        return partners

    def write(self, vals):
        res = super().write(vals)
        if vals.get("is_contact"):
            self.filtered(lambda p: not p.contact_no)._contact_sync_assign_numbers()
        if not sync_skipped(self) and vals.keys() & self._contact_sync_fnames():
            self._contact_sync_propagate(vals.keys())
        return res

    def update_address(self, vals):
        # Odoo writes the address of a parent (its first contact's) and of children
        # past write(): propagate it here
        res = super().update_address(vals)
        fnames = vals.keys() & set(self._address_fields())
        if not sync_skipped(self) and fnames & self._contact_sync_fnames():
            self._contact_sync_propagate(fnames)
        return res

    def unlink(self):
        # remove the links through the ORM so that what depends on them is recomputed,
        # those of the bank accounts Odoo deletes with their holder too (in SQL)
        links = (
            self.env["contact.business.relation"]
            .sudo()
            .with_context(active_test=False)
            .search(
                [
                    "|",
                    "|",
                    ("contact_id", "in", self.ids),
                    ("partner_id", "in", self.ids),
                    ("bank_account_id.partner_id", "in", self.ids),
                ]
            )
        )
        links.unlink()
        return super().unlink()

    def _increase_rank(self, field, n=1):
        kind = {rank: kind for kind, rank in RANK_FIELDS.items()}.get(field)
        new = self.filtered(lambda p: not p[field]) if kind else self.browse()
        res = super()._increase_rank(field, n=n)
        if new and not self.env.context.get(FROM_CONTACT):
            new.filtered(field)._contact_sync_auto_create(kind)
        return res

    def _contact_sync_assign_numbers(self):
        by_company = defaultdict(list)
        for partner in self:
            by_company[partner.company_id or self.env.company].append(partner)
        for company, partners in by_company.items():
            numbers = company._contact_sync_next_numbers(len(partners))
            for partner, number in zip(partners, numbers, strict=True):
                if number:
                    partner.with_context(**{SYNC_SKIP: True}).contact_no = number

    # ------------------------------------------------------------------ propagation
    def _contact_sync_propagate(self, fnames):
        """Propagate the synchronized ``fnames`` of ``self`` (just written) through the
        contacts to every linked record. Everything is read in batch, with the
        prefetch set of ``self``; unlinked partners cost nothing (their stored link
        columns say so)."""
        Sync = self.env["contact.partner.sync"]
        partners = self.sudo()
        contact_ids, linked = [], {}  # linked: {customer / vendor id: its contact id}
        for partner_id, is_contact, relation, contact_id in zip(
            partners._ids,
            Sync._cache_column(partners, "is_contact"),
            Sync._cache_column(partners, "contact_business_relation"),
            Sync._cache_column(partners, "linked_contact_id"),
            strict=True,
        ):
            if is_contact and relation not in ("none", "other"):
                contact_ids.append(partner_id)
            elif not is_contact and contact_id:
                linked[partner_id] = contact_id
        contact_values, visited = {}, set()
        prefetch_ids, links = partners._prefetch_ids, None
        if contact_ids:
            contact_fnames = self._contact_sync_contact_fnames()
            contact_values = Sync._read_values_multi(
                partners.browse(contact_ids),
                {fname: fname for fname in fnames if fname in contact_fnames},
            )
            visited.update(("res.partner", contact_id) for contact_id in contact_ids)
        if linked:
            # a customer / vendor has one contact (customer and vendor links
            # included), whose links say which fields it shares
            sources = partners.browse(linked).with_prefetch(partners._prefetch_ids)
            synced = self._contact_sync_fnames()
            values = Sync._read_values_multi(
                sources, {fname: fname for fname in fnames if fname in synced}
            )
            if contact_ids:
                prefetch_ids = tuple(contact_values) + tuple(set(linked.values()))
            elif len(sources) == 1:
                prefetch_ids = sources.linked_contact_id._prefetch_ids
            else:
                prefetch_ids = tuple(set(linked.values()))
            contacts = partners.browse(set(linked.values())).with_prefetch(prefetch_ids)
            links = Sync._contact_links(contacts)
            field_maps = {
                link_to: {
                    cfield: fname
                    for cfield, fname in self._contact_sync_field_map(link_to).items()
                    if fname in fnames
                }
                for link_to in PARTNER_KINDS
            }
            for link_to, contact_id, partner_id, _bank_id in links[0]:
                if partner_id in values and link_to in field_maps:
                    contact_values.setdefault(contact_id, {}).update(
                        (cfield, values[partner_id][fname])
                        for cfield, fname in field_maps[link_to].items()
                    )
            visited.update(("res.partner", partner_id) for partner_id in linked)
            if contact_ids:
                links = None  # the links of the contacts of self are read too
        if contact_values:
            Sync._propagate(contact_values, visited, prefetch_ids, links)
