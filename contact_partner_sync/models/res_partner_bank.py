# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from ..context_keys import FROM_CONTACT, sync_skipped
from ..link_kinds import LINK_KINDS, kinds_of_model
from ..notifications import notify_then


class ResPartnerBank(models.Model):
    """Bank accounts linked to a contact, which stands for their bank."""

    _name = "res.partner.bank"
    _inherit = ["res.partner.bank", "contact.linkable.mixin"]

    business_relation_ids = fields.One2many(
        "contact.business.relation", "bank_account_id", string="Contact Links"
    )
    contact_id = fields.Many2one(
        "res.partner",
        compute="_compute_contact_id",
        store=True,
        index="btree_not_null",
        help="The contact synchronized with the bank of this account.",
    )
    contact_no = fields.Char(related="contact_id.contact_no", string="Contact No.")
    # the one definition of "without contact" (counts, filters, pickers)
    contact_missing_link_to = fields.Selection(
        [(kind.key, kind.label) for kind in kinds_of_model(_name)],
        string="Without Contact as",
        compute="_compute_contact_missing_link_to",
        search="_search_contact_missing_link_to",
    )

    @api.depends("business_relation_ids.contact_id")
    def _compute_contact_id(self):
        for account in self:
            account.contact_id = account.business_relation_ids[:1].contact_id

    @api.constrains("partner_id")
    def _check_contact_company(self):
        # a linked account moving to a holder of another company
        self.sudo().business_relation_ids._check_link()

    # ------------------------------------------------------------------ ORM
    @api.model_create_multi
    def create(self, vals_list):
        accounts = super().create(vals_list)
        if accounts and not self.env.context.get(FROM_CONTACT):
            accounts.sudo()._contact_sync_make_contacts(None, strict=False)
        return accounts

    def write(self, vals):
        moved = self.browse()
        if "bank_id" in vals and not sync_skipped(self):
            # a linked account moves to another bank, whose data its contact takes:
            # what the contact stands for changes, as when it is linked (first the
            # new bank, the contacts and the accounts are touched, see
            # contact.partner.sync._lock)
            moved = self.sudo().filtered("contact_id")
            if moved:
                self.env["contact.partner.sync"]._lock(
                    self.env["res.bank"].browse(vals["bank_id"] or ()),
                    moved.contact_id,
                    moved,
                    touch=True,
                )
        res = super().write(vals)
        if moved:
            self.env["contact.partner.sync"]._synchronize(moved.bank_id)
        return res

    def unlink(self):
        # Odoo archives bank accounts instead of deleting them: the link goes anyway
        links = self.business_relation_ids.sudo()
        links._contact_sync_log_removal(self)
        links.unlink()
        return super().unlink()

    # ------------------------------------------------------------------ contacts
    def create_contacts(self, link_to=None):
        """Create and link the contacts of the bank accounts self (from their bank);
        return them. Linked accounts and accounts without bank are skipped."""
        if link_to and LINK_KINDS[link_to].model != self._name:
            raise ValueError(link_to)
        return self.env["contact.partner.sync"]._create_contacts_in_chunks(
            self,
            lambda accounts: accounts._contact_sync_make_contacts(link_to, strict=True),
        )

    @api.model
    def _contact_sync_missing_domain(self, link_to):
        """The bank accounts that have no contact yet (and can have one)."""
        return [("bank_id", "!=", False), ("contact_id", "=", False)]

    def _contact_sync_check_linkable(self, link_to, contact):
        """Refuse to link the bank account self to ``contact``."""
        self.ensure_one()
        if not self.bank_id:
            raise UserError(
                self.env._(
                    "The bank account %s has no bank: set its bank before linking "
                    "it to a contact.",
                    self.display_name,
                )
            )
        if self.contact_id:
            raise UserError(
                self.env._(
                    "The bank account %(account)s is already linked to the "
                    "contact %(contact)s.",
                    account=self.display_name,
                    contact=self.contact_id.display_name,
                )
            )

    def _contact_sync_mark_as(self, link_to):
        """Nothing marks a bank account as linked but its link."""

    def _contact_sync_make_contacts(self, link_to, strict):
        """Create and link the contacts of the accounts of self that have a bank and
        no contact. ``strict``: raise when the business relation code is unset."""
        link_to = link_to or kinds_of_model(self._name)[0].key
        accounts = self.filtered(lambda a: a.bank_id and not a.business_relation_ids)
        vals_list, relations = [], []
        for account in accounts:
            company = account.company_id or self.env.company
            relation = company._contact_sync_relation(link_to, raise_if_unset=strict)
            if relation:
                vals_list.append(account._contact_sync_contact_values(link_to))
                relations.append((relation, account))
        if not vals_list:
            return self.env["res.partner"]
        contacts = self.env["res.partner"]._contact_sync_create_contacts(vals_list)
        links = self.env["contact.business.relation"].create(
            [
                {
                    "contact_id": contact.id,
                    "business_relation_id": relation.id,
                    "link_to": link_to,
                    LINK_KINDS[link_to].link_field: account.id,
                }
                for contact, (relation, account) in zip(
                    contacts, relations, strict=True
                )
            ]
        )
        links._contact_sync_log_links(new_contacts=contacts)
        return contacts.with_env(self.env)

    def _contact_sync_contact_values(self, link_to):
        self.ensure_one()
        field_map = self.env["res.partner"]._contact_sync_field_map(
            link_to, "to_contact"
        )
        vals = self.env["contact.partner.sync"]._read_values(self.bank_id, field_map)
        vals.update(is_contact=True, is_company=True, company_id=self.company_id.id)
        return vals

    # ------------------------------------------------------------------ buttons
    def action_view_contact(self):
        self.ensure_one()
        return self.contact_id._get_records_action()

    def action_create_contact(self):
        """Button of a bank account: create its contact (from its bank) and open it."""
        self.ensure_one()
        contact = self.create_contacts()
        return notify_then(
            self.env._(
                "Contact %(contact)s created for the bank account %(account)s.",
                contact=contact.display_name,
                account=self.display_name,
            ),
            contact._get_records_action(),
        )
