# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, clean_context, sql

from ..context_keys import CONTACT_LABEL, FROM_CONTACT, SYNC_SKIP, sync_skipped
from ..link_kinds import (
    LINK_KINDS,
    LINK_TO_SELECTION,
    PARTNER_KINDS,
    kind_of_rank,
    kinds_of_model,
)


def partner_labels(partners):
    """{partner: what it is} for the contacts and the linked customers / vendors of
    ``partners``: "Contact CT000007", "Customer", "Customer / Vendor"."""
    Link = partners.env["contact.business.relation"]
    labels = {}
    for partner in partners:
        if partner.is_contact:
            labels[partner] = (
                partners.env._("Contact %s", partner.contact_no)
                if partner.contact_no
                else partners.env._("Contact")
            )
        elif partner.linked_business_relation_ids:
            kinds = partner.linked_business_relation_ids.mapped("link_to")
            labels[partner] = " / ".join(
                Link._link_to_label(kind) for kind in LINK_KINDS if kind in kinds
            )
    return labels


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

    @api.depends("contact_no", "linked_contact_id.contact_no")
    def _compute_contact_ref_no(self):
        for partner in self:
            partner.contact_ref_no = partner.contact_no or partner.linked_contact_no

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
        for partner, label in partner_labels(self).items():
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
                        "%s has business relations: it remains a contact.",
                        partner.display_name,
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
        # a customer's own Business Relation is empty (it was "None" before)
        self.env.cr.execute(
            SQL(
                "UPDATE res_partner SET contact_business_relation = NULL"
                " WHERE contact_business_relation IS NOT NULL"
                " AND is_contact IS NOT TRUE"
            )
        )

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

    def update_address(self, vals):
        # Odoo writes the address of a parent (its first contact's) and of children
        # past write(): propagate it here
        res = super().update_address(vals)
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
        links.unlink()
        return super().unlink()

    @api.model
    def name_search(self, name="", args=None, operator="ilike", limit=100):
        # the dropdowns of partner fields tell a contact from its customer / vendor
        return super(
            ResPartner, self.with_context(**{CONTACT_LABEL: True})
        ).name_search(name, args=args, operator=operator, limit=limit)

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

    def _increase_rank(self, field, n=1):
        kind = kind_of_rank(field)
        new = self.filtered(lambda p: not p[field]) if kind else self.browse()
        res = super()._increase_rank(field, n=n)
        if new and not self.env.context.get(FROM_CONTACT):
            new.filtered(field)._contact_sync_auto_create(kind.key)
        return res

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
            raise ValidationError(
                self.env._(
                    "%s is a customer or vendor: it cannot become a contact. Create "
                    "its contact instead (the Create Contact button of the customer "
                    "or vendor), which is linked to it and synchronized.",
                    ranked[0].display_name,
                )
            )

    def _contact_sync_assign_numbers(self):
        by_company = defaultdict(list)
        for partner in self:
            by_company[partner.company_id or self.env.company].append(partner)
        for company, partners in by_company.items():
            numbers = company._contact_sync_next_numbers(len(partners))
            for partner, number in zip(partners, numbers, strict=True):
                if number:
                    partner.with_context(**{SYNC_SKIP: True}).contact_no = number

    # ------------------------------------------------------------------ contact: API
    def link_customer(self, partner, master="contact"):
        """Link this contact with the existing customer ``partner``; ``master``
        ("contact" or "customer") says whose synchronized fields win."""
        return self._contact_sync_link(partner, "customer", master)

    def link_vendor(self, partner, master="contact"):
        """Link this contact with the existing vendor ``partner``."""
        return self._contact_sync_link(partner, "vendor", master)

    def link_bank_account(self, bank_account, master="contact"):
        """Link this company contact with the existing ``bank_account`` (its bank)."""
        return self._contact_sync_link(bank_account, "bank_account", master)

    def create_customer(self, template=None):
        """Create the customer of this contact; return it."""
        return self._contact_sync_create_partner("customer", template)

    def create_vendor(self, template=None):
        """Create the vendor of this contact; return it."""
        return self._contact_sync_create_partner("vendor", template)

    def create_bank_account(self, acc_number, bic=None):
        """Create a bank account of the current company at a bank made from this
        company contact (or the existing bank of that BIC); return the account."""
        contact = self._contact_sync_holder("bank_account")
        company = self.env.company
        contact._contact_sync_check_free("bank_account")
        contact._contact_sync_check_company(company.partner_id, company)
        relation = company._contact_sync_relation("bank_account", raise_if_unset=True)
        holder = company.partner_id
        if not acc_number:
            raise UserError(
                self.env._(
                    "Enter the account number of the bank account of %s.",
                    contact.display_name,
                )
            )
        Account = self.env["res.partner.bank"]
        if Account.with_context(active_test=False).search_count(
            [("acc_number", "=", acc_number), ("partner_id", "=", holder.id)], limit=1
        ):
            raise UserError(
                self.env._(
                    "%(holder)s already has the bank account %(number)s.",
                    holder=holder.display_name,
                    number=acc_number,
                )
            )
        bank = (
            self.env["res.bank"].search([("bic", "=ilike", bic)], limit=1)
            if bic
            else self.env["res.bank"]
        )
        contact._contact_sync_touch("bank_account", bank=bank)
        if not bank:
            bank_values = self.env["contact.partner.sync"]._read_values(
                contact,
                {
                    bfield: cfield
                    for cfield, bfield in self._contact_sync_field_map(
                        "bank_account", "to_linked"
                    ).items()
                },
            )
            bank = self.env["res.bank"].create(dict(bank_values, bic=bic or False))
        account = Account.with_context(**{FROM_CONTACT: True}).create(
            {"acc_number": acc_number, "partner_id": holder.id, "bank_id": bank.id}
        )
        link = contact._contact_sync_create_link(relation, "bank_account", account)
        link._contact_sync_align("contact")
        link._contact_sync_log_links(new_records=account)
        return account

    # ------------------------------------------------------------------ contact: checks
    def _contact_sync_holder(self, link_to):
        """The contact holding the ``link_to`` links of self: a person contact acts
        through its company contact."""
        self.ensure_one()
        if not self.is_contact:
            raise UserError(self.env._("%s is not a contact.", self.display_name))
        company_contact = self.commercial_partner_id
        if company_contact != self and company_contact.is_contact:
            return company_contact
        if LINK_KINDS[link_to].company_contacts_only and not self.is_company:
            raise UserError(
                self.env._(
                    "%s is a person contact without company: only company contacts "
                    "can have a bank account.",
                    self.display_name,
                )
            )
        return self

    def _contact_sync_touch(self, link_to, record=None, bank=None):
        """Before this contact is linked (as ``link_to``) with the existing
        ``record``, or with a bank account at the existing ``bank``: touch them,
        in conflict with any concurrent propagation to or from either side, before
        anything is written; the banks of the contact's bank accounts first, as a
        propagation does (see contact.partner.sync._lock). The new link touches
        them again, then as rows this transaction wrote already."""
        kind = LINK_KINDS[link_to]
        if record and kind.data_path:
            bank = record[kind.data_path]
        links = self.sudo().business_relation_ids
        self.env["contact.partner.sync"]._lock(
            *links._contact_sync_data_records(*([bank] if bank else [])),
            self.sudo(),
            *([record.sudo()] if record else []),
            touch=True,
        )

    def _contact_sync_check_free(self, link_to):
        links = self.business_relation_ids._of_kind(link_to)
        if links:
            raise UserError(
                self.env._(
                    "The contact %(contact)s is already linked to the %(kind)s "
                    "%(record)s.",
                    contact=self.display_name,
                    kind=links._link_to_label(link_to),
                    record=links._linked_record().display_name,
                )
            )

    def _contact_sync_free_link_tos(self):
        """The kinds of links the contact self can still get: those it has not got,
        bank accounts only for a company contact."""
        self.ensure_one()
        taken = set(self.business_relation_ids.mapped("link_to"))
        return [
            kind.key
            for kind in LINK_KINDS.values()
            if kind.key not in taken
            and (self.is_company or not kind.company_contacts_only)
        ]

    def _contact_sync_check_company(self, record, company=None):
        """Refuse to link this contact with a record of another company; return the
        company whose business relation codes apply."""
        record_company = company or record.company_id
        if self.company_id and record_company and record_company != self.company_id:
            raise ValidationError(
                self.env._(
                    "The contact %(contact)s belongs to %(company)s, "
                    "but %(record)s belongs to %(other)s.",
                    contact=self.display_name,
                    company=self.company_id.display_name,
                    record=record.display_name,
                    other=record_company.display_name,
                )
            )
        return self.company_id or record_company or self.env.company

    # ---------------------------------------------------------------- contact: helpers
    def _contact_sync_create_link(self, relation, link_to, record):
        blocking = self.business_relation_ids.filtered(
            lambda link: link.business_relation_id == relation
        )
        if blocking:
            raise UserError(
                self.env._(
                    "The contact %(contact)s already has the row %(row)s in its "
                    "Business Relations tab, without %(kind)s: remove that row, then "
                    "try again.",
                    contact=self.display_name,
                    row=blocking.business_relation_id.display_name,
                    kind=blocking._link_to_label(link_to).lower(),
                )
            )
        return self.env["contact.business.relation"].create(
            {
                "contact_id": self.id,
                "business_relation_id": relation.id,
                "link_to": link_to,
                LINK_KINDS[link_to].link_field: record.id,
            }
        )

    def _contact_sync_link(self, record, link_to, master):
        kind = LINK_KINDS[link_to]
        if isinstance(record, int):  # external API callers pass ids
            record = self.env[kind.model].browse(record)
        record = record.with_env(self.env)  # the caller's rights, not the record's
        record.ensure_one()
        contact = self._contact_sync_holder(link_to)
        if master not in ("contact", link_to):
            raise UserError(
                self.env._(
                    "Unknown master %(master)s: use 'contact' or '%(kind)s'.",
                    master=master,
                    kind=link_to,
                )
            )
        contact._contact_sync_check_free(link_to)
        record._contact_sync_check_linkable(link_to, contact)
        company = contact._contact_sync_check_company(record)
        relation = company._contact_sync_relation(link_to, raise_if_unset=True)
        contact._contact_sync_touch(link_to, record)
        link = contact._contact_sync_create_link(relation, link_to, record)
        link._contact_sync_align(master)
        link._contact_sync_log_links()
        record._contact_sync_mark_as(link_to)
        return link

    def _contact_sync_create_partner(self, link_to, template):
        if isinstance(template, int):  # external API callers pass ids
            template = self.env["contact.partner.template"].browse(template)
        kind = LINK_KINDS[link_to]
        contact = self._contact_sync_holder(link_to)
        contact._contact_sync_check_free(link_to)
        company = contact.company_id or self.env.company
        relation = company._contact_sync_relation(link_to, raise_if_unset=True)
        if template:
            template._check_applicable(contact, link_to, company)
        else:  # the company's default template, where it fits
            template = company[kind.template_field]
            if template and not template._is_applicable(contact, link_to, company):
                template = None
        Partner = self.with_company(company).with_context(**{FROM_CONTACT: True})
        # one Odoo partner is customer and vendor: reuse the other side's one
        partner = reused = contact.business_relation_ids._of_kind(
            *PARTNER_KINDS
        ).partner_id
        contact._contact_sync_touch(link_to, partner)
        if partner:
            partner = partner.with_env(Partner.env)
            vals = template._fill_values(partner) if template else {}
            if not partner[kind.rank_field]:
                vals[kind.rank_field] = 1
            partner.write(vals)
        else:
            field_map = self._contact_sync_field_map(link_to, "to_linked")
            vals = {
                fname: value
                for fname, value in self.env["contact.partner.sync"]
                ._read_values(contact, {lf: cf for cf, lf in field_map.items()})
                .items()
                if value
            }
            vals.update(
                is_company=contact.is_company,
                company_id=contact.company_id.id,
                **{kind.rank_field: 1},
            )
            if template:
                vals.update(template._fill_values(vals))
            partner = Partner.create(vals)
        link = contact._contact_sync_create_link(relation, link_to, partner)
        link._contact_sync_align("contact", fill_from_linked=True)
        link._contact_sync_log_links(new_records=partner - reused, reused=reused)
        return partner.with_env(self.env)

    def _contact_sync_twins(self):
        """The partners synchronized with the partner self (same name, VAT...)."""
        self.ensure_one()
        contact = self if self.is_contact else self.linked_contact_id
        return (contact | contact.business_relation_ids.partner_id) - self

    # ---------------------------------------------------------------- customer / vendor
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

    def _contact_sync_check_linkable(self, link_to, contact):
        """Refuse to link the partner self to ``contact`` as ``link_to``."""
        self.ensure_one()
        if self.is_contact:
            raise UserError(
                self.env._(
                    "%s is a contact: it cannot be linked as customer or vendor.",
                    self.display_name,
                )
            )
        if not self._contact_sync_linkable():
            raise UserError(
                self.env._(
                    "%s is a company of this database, a user or an address of "
                    "another partner: only customers and vendors can be linked to a "
                    "contact.",
                    self.display_name,
                )
            )
        if link_to in self.linked_business_relation_ids.mapped("link_to") or (
            self.linked_contact_id and self.linked_contact_id != contact
        ):
            raise UserError(
                self.env._(
                    "%(partner)s is already linked to the contact %(contact)s.",
                    partner=self.display_name,
                    contact=self.linked_contact_id.display_name,
                )
            )

    def _contact_sync_mark_as(self, link_to):
        """A partner linked as customer (vendor) is one: listed under Customers
        (Vendors) as Odoo lists them, by their rank."""
        rank = LINK_KINDS[link_to].rank_field
        self.sudo().filtered(lambda p: not p[rank]).with_context(
            **{FROM_CONTACT: True}
        ).write({rank: 1})

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
        return self.linked_contact_id._get_records_action(context={CONTACT_LABEL: True})

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
            kind.key
            for kind in kinds_of_model(self._name)
            if self[kind.rank_field] > 0 or kind.key in linked
        ]

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
        if not self:
            return
        Sync = self.env["contact.partner.sync"]
        field_map = {}
        for link in self.linked_business_relation_ids:
            field_map.update(self._contact_sync_field_map(link.link_to, "to_linked"))
        own = Sync._read_values_multi(self, {lf: lf for lf in field_map.values()})
        theirs = Sync._read_values_multi(
            self.linked_contact_id, {lf: cf for cf, lf in field_map.items()}
        )
        fill = {
            partner.id: {
                fname: value
                for fname, value in theirs[partner.linked_contact_id.id].items()
                if value and not own[partner.id][fname]
            }
            for partner in self
        }
        Sync._write_grouped(self._name, fill, set(), prefetch_ids=self.ids)
        to_contact = set()
        for link in self.linked_business_relation_ids:
            to_contact.update(
                self._contact_sync_field_map(link.link_to, "to_contact").values()
            )
        Sync._synchronize(self, to_contact)

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
        values = self.env["contact.partner.sync"]._read_values_multi(self, field_map)
        return [
            dict(
                values[partner.id],
                is_contact=True,
                is_company=partner.is_company,
                company_id=partner.company_id.id,
            )
            for partner in self
        ]

    # ------------------------------------------------------------------ smart buttons
    def action_view_contact_customer(self):
        self.ensure_one()
        return self.contact_customer_id._get_records_action(
            context={
                "res_partner_search_mode": LINK_KINDS["customer"].search_mode,
                CONTACT_LABEL: True,
            }
        )

    def action_view_contact_vendor(self):
        self.ensure_one()
        return self.contact_vendor_id._get_records_action(
            context={
                "res_partner_search_mode": LINK_KINDS["vendor"].search_mode,
                CONTACT_LABEL: True,
            }
        )

    def action_view_contact_bank_accounts(self):
        self.ensure_one()
        return self.business_relation_ids.bank_account_id._get_records_action(
            name=self.env._("Bank Accounts")
        )

    def action_view_linked_contact(self):
        self.ensure_one()
        return self.linked_contact_id._get_records_action(context={CONTACT_LABEL: True})
