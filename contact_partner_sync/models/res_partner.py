# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..compat import (
    ADDRESS_UPDATE,
    DROPDOWN_SEARCHES,
    Constraint,
    Index,
    create_indexes,
)
from ..context_keys import CONTACT_LABEL, IMPORT_DRYRUN, SYNC_SKIP, sync_skipped
from ..labels import partner_labels
from ..link_kinds import (
    LINK_KINDS,
    LINK_TO_SELECTION,
    PARTNER_KINDS,
    PARTNER_LINKED_RELATIONS,
    kinds_of_model,
)


class ResPartner(models.Model):
    """Contacts (``is_contact``), synchronized with customers, vendors and bank
    accounts; and customers / vendors, synchronized with their contact."""

    _name = "res.partner"
    _inherit = ["res.partner", "contact.linkable.mixin"]

    is_contact = fields.Boolean(
        string="Relationship Contact",
        index=True,
        help="A contact of Relationship Management: it has a Contact No. and "
        "business relations, and its customer, vendor and bank account are kept "
        "synchronized with it. Customers and vendors are not contacts themselves.",
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

    # across companies: two contacts never show one number
    _contact_no_uniq = Constraint(
        "unique(contact_no)", "This Contact No. is another contact's already."
    )
    # the Contacts app's default filter (One per Company: linked_contact_id = False)
    # counts its rows in this small index, with the columns of Odoo's partner record
    # rule, not in the table: as fast as the list without the filter
    # (active a column, not a condition: 18.0 filters "active = true", 19.0 "active
    # IS TRUE", which PostgreSQL does not match with an index's condition)
    _contact_one_face_idx = Index(
        "(company_id, partner_share, active) WHERE linked_contact_id IS NULL"
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
            *LINK_TO_SELECTION,
            ("multiple", "Multiple"),
            ("other", "Other"),
        ],
        compute="_compute_contact_business_relation",
        store=True,
        index=True,
    )
    # a contact with a customer or vendor: it is not offered where they are (the
    # documents' partner fields), its persons live under them
    contact_partner_linked = fields.Boolean(
        string="Has a Customer or Vendor",
        compute="_compute_contact_partner_linked",
        search="_search_contact_partner_linked",
    )
    linked_contact_id = fields.Many2one(
        "res.partner",
        compute="_compute_linked_contact_id",
        store=True,
        index="btree_not_null",
        help="The contact this customer / vendor is synchronized with.",
    )
    linked_contact_no = fields.Char(
        related="linked_contact_id.contact_no", string="Linked Contact No."
    )
    # what a partner is, for lists where a contact and its customer look alike (the
    # merge wizard): "Contact CT000007", "Customer of CT000007"
    contact_sync_role = fields.Char(
        string="Relationship", compute="_compute_contact_sync_role"
    )
    linked_contact_archived = fields.Boolean(
        string="Its Contact Is Archived",
        compute="_compute_linked_contact_archived",
        compute_sudo=True,  # the contact may be of a company the user has not
    )
    # one column for both: a contact's own number, a customer's / vendor's contact's
    contact_ref_no = fields.Char(
        string="Own or Linked Contact No.",
        compute="_compute_contact_ref_no",
        help="The contact's number; for a customer or vendor, the number of the "
        "contact it is synchronized with.",
    )
    # the smart buttons of a contact
    contact_customer_id = fields.Many2one(
        "res.partner", string="Linked Customer", compute="_compute_contact_links"
    )
    contact_vendor_id = fields.Many2one(
        "res.partner", string="Linked Vendor", compute="_compute_contact_links"
    )
    contact_bank_account_count = fields.Integer(
        string="Linked Bank Accounts", compute="_compute_contact_links"
    )
    # not the ranks themselves in the form: a rank sent by the form (0) would stop the
    # Customers / Vendors menus from setting it (account's res_partner_search_mode)
    is_customer_or_vendor = fields.Boolean(compute="_compute_is_customer_or_vendor")
    # what Create as / Link with Existing can still add to a contact
    contact_free_link_tos = fields.Json(
        string="Links Still Possible", compute="_compute_contact_free_link_tos"
    )
    # the business relations of the contact's company that only a link may carry
    contact_link_relation_ids = fields.Many2many(
        "business.relation",
        string="Business Relations of Links",
        compute="_compute_contact_free_link_tos",
    )
    # the one definition of "without contact" (counts, filters, pickers)
    contact_missing_link_to = fields.Selection(
        [(key, label) for key, label in LINK_TO_SELECTION if key in PARTNER_KINDS],
        string="Without Contact as",
        compute="_compute_contact_missing_link_to",
        search="_search_contact_missing_link_to",
    )

    def init(self):
        super().init()
        create_indexes(self)

    # ------------------------------------------------------------------ computes
    @api.depends("is_contact", "business_relation_ids.link_to")
    def _compute_contact_business_relation(self):
        for partner in self:
            if not partner.is_contact:
                # a customer's own column stays empty: "None" would read "not linked"
                partner.contact_business_relation = False
                continue
            links = partner.business_relation_ids
            kinds = {link.link_to for link in links if link.link_to}
            if len(kinds) > 1:
                partner.contact_business_relation = "multiple"
            elif kinds:
                partner.contact_business_relation = kinds.pop()
            else:
                partner.contact_business_relation = "other" if links else "none"

    @api.depends("contact_business_relation")
    def _compute_contact_partner_linked(self):
        for partner in self:
            partner.contact_partner_linked = (
                partner.contact_business_relation in PARTNER_LINKED_RELATIONS
            )

    def _search_contact_partner_linked(self, operator, value):
        # one stored, indexed column: as cheap as Odoo's own conditions
        if operator in ("=", "!="):
            values, positive = {bool(value)}, operator == "="
        elif operator in ("in", "not in"):
            values, positive = {bool(v) for v in value}, operator == "in"
        else:
            return NotImplemented
        wanted = values if positive else {True, False} - values
        if len(wanted) != 1:
            return [("id", "!=", 0)] if wanted else [("id", "=", 0)]
        return [
            (
                "contact_business_relation",
                "in" if True in wanted else "not in",
                list(PARTNER_LINKED_RELATIONS),
            )
        ]

    @api.depends("is_contact", "contact_no", "linked_contact_id.contact_no")
    def _compute_contact_ref_no(self):
        # a person that was a contact before it went under a customer keeps its
        # number (it is its again if it goes back), but shows none
        for partner in self:
            partner.contact_ref_no = (
                partner.contact_no if partner.is_contact else partner.linked_contact_no
            )

    @api.depends("is_contact", "contact_no", "linked_contact_id.contact_no")
    def _compute_contact_sync_role(self):
        labels = partner_labels(self)
        for partner in self:
            label = labels.get(partner, "")
            contact = partner.linked_contact_id
            if label and not partner.is_contact and contact.contact_no:
                label = self.env._(
                    "%(kinds)s of %(contact)s", kinds=label, contact=contact.contact_no
                )
            partner.contact_sync_role = label

    @api.depends("linked_contact_id.active")
    def _compute_linked_contact_archived(self):
        for partner in self:
            contact = partner.linked_contact_id
            partner.linked_contact_archived = bool(contact) and not contact.active

    @api.depends("linked_business_relation_ids.contact_id")
    def _compute_linked_contact_id(self):
        for partner in self:
            partner.linked_contact_id = partner.linked_business_relation_ids[
                :1
            ].contact_id

    @api.depends(
        "business_relation_ids.link_to",
        "business_relation_ids.partner_id",
        "business_relation_ids.bank_account_id",
    )
    def _compute_contact_links(self):
        for partner in self:
            links = partner.business_relation_ids
            partner.contact_customer_id = links._of_kind("customer")[:1].partner_id
            partner.contact_vendor_id = links._of_kind("vendor")[:1].partner_id
            partner.contact_bank_account_count = len(links.bank_account_id)

    @api.depends("customer_rank", "supplier_rank")
    def _compute_is_customer_or_vendor(self):
        for partner in self:
            partner.is_customer_or_vendor = bool(
                partner.customer_rank or partner.supplier_rank
            )

    @api.depends("is_contact", "is_company", "business_relation_ids.link_to")
    @api.depends_context("company")
    def _compute_contact_free_link_tos(self):
        for partner in self:
            holder = partner.commercial_partner_id
            company = partner.company_id or self.env.company
            partner.contact_free_link_tos = (
                holder._contact_sync_free_link_tos() if partner.is_contact else []
            )
            partner.contact_link_relation_ids = company._contact_sync_link_relations()

    @api.depends("is_contact", "contact_no", "linked_business_relation_ids.link_to")
    @api.depends_context(CONTACT_LABEL)
    def _compute_display_name(self):
        super()._compute_display_name()
        if not self.env.context.get(CONTACT_LABEL):
            return
        short = self.env.context.get(CONTACT_LABEL) == "short"
        for partner, label in partner_labels(self, short=short).items():
            # on the first line: dropdowns show only that one (show_address)
            first, newline, address = partner.display_name.partition("\n")
            partner.display_name = f"{first} ({label}){newline}{address}"

    def _compute_same_vat_partner_id(self):
        # a contact and its customer / vendor share their VAT: no duplicate warning
        super()._compute_same_vat_partner_id()
        for partner in self:
            fnames = [
                (fname, key)
                for fname, key in (
                    ("same_vat_partner_id", "vat"),
                    ("same_company_registry_partner_id", "company_registry"),
                )
                if partner[fname]
            ]
            # a record not saved yet is linked to nothing: no twin of its own
            origin = partner._origin
            twins = origin._contact_sync_twins() if fnames and origin else self.browse()
            for fname, key in fnames:
                if partner[fname] in twins:
                    partner[fname] = (
                        self.with_context(active_test=False)
                        .sudo()
                        .search(
                            [
                                (key, "=", partner[key]),
                                ("company_id", "in", [False, partner.company_id.id]),
                                "!",
                                ("id", "child_of", (twins | origin).ids),
                            ],
                            limit=1,
                        )
                    )

    # ------------------------------------------------------------------ constraints
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
                        "%(contact)s has business relations (%(relations)s): it "
                        "remains a contact while it has them. To make it a plain "
                        "partner, delete its rows on its Business Relations tab "
                        "first; its customer, vendor and bank account are kept.",
                        contact=partner.display_name,
                        relations=", ".join(
                            partner.business_relation_ids.business_relation_id.mapped(
                                "display_name"
                            )
                        ),
                    )
                )

    @api.constrains("company_id")
    def _check_contact_company(self):
        """A linked contact, customer, vendor or holder of a linked bank account
        stays in a company of its links."""
        partners = self.sudo()
        (
            partners.business_relation_ids
            | partners.linked_business_relation_ids
            | partners.bank_ids.business_relation_ids
        )._check_link()

    # -------------------------------------------------------------- synchronized fields
    @api.model
    def _commercial_fields(self):
        # the persons and addresses of a company contact are contacts too
        return super()._commercial_fields() + ["is_contact"]

    @api.model
    def _contact_sync_field_map(self, link_to, direction=None):
        """The synchronized fields of a ``link_to`` link: {contact_field:
        linked_field}, as set in Settings (contact.sync.field): all of them
        (``direction`` None), those that flow from the contact ("to_linked"), from
        the linked record ("to_contact"), or each way ("both": the pairs of both
        maps). Read from a cache: no query once warm. Override to synchronize more
        (or fewer) fields in code."""
        if link_to not in LINK_KINDS:
            return {}
        if direction == "both":
            to_contact = self._contact_sync_field_map(link_to, "to_contact")
            return {
                cfield: lfield
                for cfield, lfield in self._contact_sync_field_map(
                    link_to, "to_linked"
                ).items()
                if to_contact.get(cfield) == lfield
            }
        return dict(self.env["contact.sync.field"]._field_pairs(link_to, direction))

    @api.model
    def _contact_sync_contact_fnames(self):
        """The contact fields synchronized by some link."""
        return self.env["contact.partner.sync"]._sync_fields().contact_fnames

    @api.model
    def _contact_sync_fnames(self):
        """The res.partner fields whose change is propagated (both sides)."""
        return self.env["contact.partner.sync"]._sync_fields().partner_fnames

    # ------------------------------------------------------------------ ORM
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
        if self.env.context.get(IMPORT_DRYRUN):
            to_number = {}  # an import's test run: no number drawn for nothing
        # the numbers given in the batch are not drawn for others of it
        given = [vals["contact_no"] for vals in vals_list if vals.get("contact_no")]
        for company, company_vals in to_number.items():
            numbers = company._contact_sync_next_numbers(len(company_vals), given)
            for vals, number in zip(company_vals, numbers, strict=True):
                vals["contact_no"] = number
            given += [number for number in numbers if number]
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("is_contact"):
            self._contact_sync_check_can_become_contact()
        res = super().write(vals)
        if vals.get("is_contact"):
            self.filtered(lambda p: not p.contact_no)._contact_sync_assign_numbers()
        if not sync_skipped(self):
            Sync = self.env["contact.partner.sync"]
            sync_fields = Sync._sync_fields()
            fnames = vals.keys() & sync_fields.partner_fnames
            if fnames:
                Sync._synchronize(self, fnames, sync_fields)
        return res

    def _contact_sync_update_address(self, vals):
        # Odoo writes the address of a parent (its first contact's) and of children
        # past write(): propagate it here (the method's name is the series',
        # compat.ADDRESS_UPDATE, set below the class)
        res = getattr(super(), ADDRESS_UPDATE)(vals)
        fnames = vals.keys() & set(self._address_fields()) & self._contact_sync_fnames()
        if fnames and not sync_skipped(self):
            self.env["contact.partner.sync"]._synchronize(self, fnames)
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
        links._contact_sync_log_removal(self)
        # a deleted customer's / vendor's persons stay with the company (persons/)
        self._contact_persons_rehome_before_unlink(links)
        links.unlink()
        return super().unlink()

    def _creation_message(self):
        # Odoo says "Contact created" of any partner; a contact is the Relationship
        # Management one here: say what was created
        self.ensure_one()
        if self.is_contact:
            return self.env._("Contact %s created", self.contact_no or self.name)
        labels = [
            self.env["contact.business.relation"]._link_to_label(kind.key)
            for kind in kinds_of_model(self._name)
            if self[kind.rank_field]
        ]
        if labels:
            return self.env._("%s created", " / ".join(labels))
        return super()._creation_message()

    def _contact_sync_check_can_become_contact(self):
        """A customer or vendor does not become a contact: it would stay the partner
        of its documents while posing as their contact. Its contact is made
        instead."""
        ranked = self.filtered(
            lambda p: (
                not p.is_contact
                and any(p[kind.rank_field] for kind in kinds_of_model(p._name))
            )
        )
        if ranked:
            partner = ranked[0]
            if partner.linked_contact_id:
                raise ValidationError(
                    self.env._(
                        "%(partner)s is a customer or vendor: it cannot become a "
                        "contact. It has one already, %(contact)s, linked to it and "
                        "synchronized (its Contact button opens it).",
                        partner=partner.display_name,
                        contact=partner.linked_contact_id._contact_sync_numbered_name(),
                    )
                )
            raise ValidationError(
                self.env._(
                    "%s is a customer or vendor: it cannot become a contact. Create "
                    "its contact instead (the Create Contact button of the customer "
                    "or vendor), which is linked to it and synchronized.",
                    partner.display_name,
                )
            )

    def _contact_sync_list_action(self, name):
        """The contacts self in the list of Relationship Contacts (by Contact No.),
        whatever they were created for."""
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": "res.partner",
            "view_mode": "list,form",
            "views": [
                (
                    self.env.ref(
                        "contact_partner_sync.view_relationship_contact_list"
                    ).id,
                    "list",
                ),
                (False, "form"),
            ],
            "domain": [("id", "in", self.ids)],
            "target": "current",
        }

    def _contact_sync_numbered_name(self):
        """The contact self as a user finds it: "CT000007 Polaris Oy"."""
        self.ensure_one()
        return f"{self.contact_no} {self.name}" if self.contact_no else self.name

    def _contact_sync_assign_numbers(self):
        if self.env.context.get(IMPORT_DRYRUN):
            return
        by_company = defaultdict(list)
        for partner in self:
            by_company[partner.company_id or self.env.company].append(partner)
        for company, partners in by_company.items():
            numbers = company._contact_sync_next_numbers(len(partners))
            for partner, number in zip(partners, numbers, strict=True):
                if number:
                    partner.with_context(**{SYNC_SKIP: True}).contact_no = number

    # ------------------------------------------------------------------ what it is
    def _contact_sync_twins(self):
        """The partners synchronized with the partner self (same name, VAT...)."""
        self.ensure_one()
        contact = self if self.is_contact else self.linked_contact_id
        return (contact | contact.business_relation_ids.partner_id) - self

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
            kind.key
            for kind in kinds_of_model(self._name)
            if self[kind.rank_field] > 0 or kind.key in linked
        ]

    # ------------------------------------------------------------------ smart buttons
    def action_view_contact_customer(self):
        self.ensure_one()
        return self.contact_customer_id._get_records_action(
            context={
                "res_partner_search_mode": LINK_KINDS["customer"].search_mode,
                CONTACT_LABEL: "short",  # the breadcrumbs have little room
            }
        )

    def action_view_contact_vendor(self):
        self.ensure_one()
        return self.contact_vendor_id._get_records_action(
            context={
                "res_partner_search_mode": LINK_KINDS["vendor"].search_mode,
                CONTACT_LABEL: "short",  # the breadcrumbs have little room
            }
        )

    def action_view_contact_bank_accounts(self):
        self.ensure_one()
        return self.business_relation_ids.bank_account_id._get_records_action(
            name=self.env._("Bank Accounts")
        )

    def action_view_linked_contact(self):
        self.ensure_one()
        return self.linked_contact_id._get_records_action(
            context={CONTACT_LABEL: "short"}  # the breadcrumbs have little room
        )


def _labelled_search(method):
    """The override of the dropdown search ``method``: the dropdowns of partner
    fields tell a contact from its customer / vendor."""

    @api.model
    def search(self, *args, **kwargs):
        labelled = super(ResPartner, self.with_context(**{CONTACT_LABEL: True}))
        return getattr(labelled, method)(*args, **kwargs)

    search.__name__ = method
    return api.readonly(search)


# the names of the series (compat): Odoo calls them, not the addon
setattr(ResPartner, ADDRESS_UPDATE, ResPartner._contact_sync_update_address)
for _method in DROPDOWN_SEARCHES:
    setattr(ResPartner, _method, _labelled_search(_method))
