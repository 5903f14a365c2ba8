# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The contact's side of linking: link with an existing customer, vendor or bank
account, or create one from the contact (``link_*`` / ``create_*``), with their
checks."""

from odoo import models
from odoo.exceptions import UserError, ValidationError

from ...context_keys import FROM_CONTACT
from ...link_kinds import LINK_KINDS, PARTNER_KINDS
from ...readers import read_values


class ResPartner(models.Model):
    _inherit = "res.partner"

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
        # one contact per bank: the bank it stands for already, else that of the
        # BIC, else a new one
        bank = contact.business_relation_ids._of_kind(
            "bank_account"
        ).bank_account_id.bank_id[:1] or (
            self.env["res.bank"].search([("bic", "=ilike", bic)], limit=1)
            if bic
            else self.env["res.bank"]
        )
        contact._contact_sync_touch_before_link("bank_account", bank=bank)
        if not bank:
            bank_values = read_values(
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
        self.env["contact.partner.sync"]._align_new_links(link, "contact")
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

    def _contact_sync_touch_before_link(self, link_to, record=None, bank=None):
        """Before this contact is linked (as ``link_to``) with the existing
        ``record``, or with a bank account at the existing ``bank``: touch both
        sides (with the banks of the contact's bank accounts, as a propagation
        locks them), in conflict with any concurrent propagation to or from either
        side, before anything is written. The new link touches them again, then as
        rows this transaction wrote already."""
        kind = LINK_KINDS[link_to]
        if record and kind.data_path:
            bank = record[kind.data_path]
        links = self.sudo().business_relation_ids
        self.env["contact.partner.sync"]._touch(
            links._contact_sync_data_records(*([bank] if bank else [])),
            self,
            [record] if record else [],
        )

    def _contact_sync_check_free(self, link_to):
        links = self.business_relation_ids._of_kind(link_to)
        if links and not LINK_KINDS[link_to].several_per_contact:
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
            if (kind.key not in taken or kind.several_per_contact)
            and (self.is_company or not kind.company_contacts_only)
        ]

    def _contact_sync_check_company(self, record, company=None):
        """Refuse to link this contact with a record of another company; return the
        company whose business relation codes apply."""
        record_company = company or record.company_id
        if self.company_id and record_company and record_company != self.company_id:
            record_kind = (
                self.env._("bank account")
                if record._name == "res.partner.bank"
                else self.env._("customer / vendor")
            )
            raise ValidationError(
                self.env._(
                    "The contact %(contact)s belongs to %(company)s, but the "
                    "%(record_kind)s %(record)s belongs to %(other)s: a contact is "
                    "linked only with records of its own company.",
                    contact=self._contact_sync_numbered_name(),
                    company=self.company_id.display_name,
                    record_kind=record_kind,
                    record=record.display_name,
                    other=record_company.display_name,
                )
            )
        return self.company_id or record_company or self.env.company

    # ---------------------------------------------------------------- contact: helpers
    def _contact_sync_create_link(self, relation, link_to, record):
        # a plain row of the relation (a link's are its siblings: bank accounts)
        blocking = self.business_relation_ids.filtered(
            lambda link: link.business_relation_id == relation and not link.link_to
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
        contact._contact_sync_touch_before_link(link_to, record)
        link = contact._contact_sync_create_link(relation, link_to, record)
        # the master's values win; its empty ones are filled from the other side
        self.env["contact.partner.sync"]._align_new_links(
            link, "contact" if master == "contact" else "linked", fill_empty=True
        )
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
        contact._contact_sync_touch_before_link(link_to, partner)
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
                for fname, value in read_values(
                    contact, {lf: cf for cf, lf in field_map.items()}
                ).items()
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
        self.env["contact.partner.sync"]._align_new_links(
            link, "contact", fill_empty=True
        )
        link._contact_sync_log_links(new_records=partner - reused, reused=reused)
        return partner.with_env(self.env)

    # ------------------------------------------------------------- customer / vendor
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
