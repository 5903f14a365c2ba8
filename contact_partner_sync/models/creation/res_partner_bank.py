# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Contacts created for bank accounts, from their bank."""

from odoo import api, models

from ...context_keys import FROM_CONTACT
from ...link_kinds import LINK_KINDS, kinds_of_model
from ...notifications import notify_then
from ...readers import read_values_multi


class ResPartnerBank(models.Model):
    _inherit = "res.partner.bank"

    # ------------------------------------------------------------------ ORM
    @api.model_create_multi
    def create(self, vals_list):
        accounts = super().create(vals_list)
        if accounts and not self.env.context.get(FROM_CONTACT):
            accounts.sudo()._contact_sync_make_contacts(None, strict=False)
        return accounts

    # ------------------------------------------------------------------ contacts
    @api.model
    def _contact_sync_missing_domain(self, link_to):
        """The bank accounts that have no contact yet and can have one: your
        companies' own accounts at a bank (a customer's or vendor's account is its
        own data, as in Business Central)."""
        return [
            ("bank_id", "!=", False),
            ("contact_id", "=", False),
            ("partner_id.ref_company_ids", "!=", False),
        ]

    def _contact_sync_make_contacts(self, link_to, strict):
        """Create and link the contacts of the accounts of self that have a bank and
        no contact. ``strict``: raise when the business relation code is unset."""
        link_to = link_to or kinds_of_model(self._name)[0].key
        accounts = self.filtered(
            lambda a: (
                a.bank_id
                and not a.business_relation_ids
                and a.partner_id.ref_company_ids
            )
        )
        relations = {
            account: account._contact_sync_company()._contact_sync_relation(
                link_to, raise_if_unset=strict
            )
            for account in accounts
        }
        accounts = accounts.filtered(lambda account: relations[account])
        if not accounts:
            return self.env["res.partner"]

        # one contact per bank (and company): the one an account at that bank has
        # already, else one made for all the accounts of the bank
        def key(account):
            return account.bank_id.id, account.company_id.id

        contacts_by_key = self._contact_sync_bank_contacts(link_to, accounts)
        firsts = {}
        for account in accounts:
            if key(account) not in contacts_by_key:
                firsts.setdefault(key(account), account)
        new_keys = list(firsts)
        firsts = self.browse([account.id for account in firsts.values()])
        vals_list = firsts._contact_sync_contact_values([link_to])
        contacts = self.env["res.partner"]._contact_sync_create_contacts(vals_list)
        contacts_by_key.update(zip(new_keys, contacts, strict=True))
        links = self.env["contact.business.relation"].create(
            [
                {
                    "contact_id": contacts_by_key[key(account)].id,
                    "business_relation_id": relations[account].id,
                    "link_to": link_to,
                    LINK_KINDS[link_to].link_field: account.id,
                }
                for account in accounts
            ]
        )
        links._contact_sync_log_links(new_contacts=contacts)
        return contacts.with_env(self.env)

    def _contact_sync_company(self):
        """The company whose business relation codes apply to an account of self:
        its own company, else the company holding it, else the current one."""
        self.ensure_one()
        return (
            self.company_id or self.partner_id.ref_company_ids[:1] or self.env.company
        )

    def _contact_sync_bank_contacts(self, link_to, accounts):
        """{(bank id, company id): the contact already linked to an account at that
        bank} for the banks of ``accounts`` (a contact of that company or none)."""
        kind = LINK_KINDS[link_to]
        links = (
            self.env["contact.business.relation"]
            .sudo()
            .search(
                [
                    ("link_to", "=", link_to),
                    (f"{kind.link_field}.{kind.data_path}", "in", accounts.bank_id.ids),
                ],
                order="id",
            )
        )
        found = {}
        companies = set(accounts.mapped("company_id.id")) | {False}
        for link in links:
            contact = link.contact_id
            bank = link[kind.link_field][kind.data_path]
            for company_id in companies:
                if contact.company_id.id in (False, company_id):
                    found.setdefault((bank.id, company_id), contact)
        return found

    def _contact_sync_contact_values(self, kinds):
        """Values of the new contacts of the accounts self, linked as ``kinds``, in
        their order: their bank's synchronized fields, read in batch."""
        field_map = {}
        for kind in kinds:
            field_map.update(
                self.env["res.partner"]._contact_sync_field_map(kind, "to_contact")
            )
        values = read_values_multi(self.bank_id, field_map)
        return [
            dict(
                values[account.bank_id.id],
                is_contact=True,
                is_company=True,
                company_id=account.company_id.id,
            )
            for account in self
        ]

    # ------------------------------------------------------------------ buttons
    def action_create_contact(self):
        """Button of a bank account: create its contact (from its bank) and open it."""
        self.ensure_one()
        created = self.create_contacts()
        contact = self.contact_id
        if not contact:  # not one of your companies' accounts, or without bank
            self._contact_sync_check_linkable("bank_account", self.env["res.partner"])
            return False
        message = (
            self.env._(
                "Contact %(contact)s created for the bank account %(account)s.",
                contact=contact.display_name,
                account=self.display_name,
            )
            if created
            else self.env._(
                "The bank account %(account)s joined the contact %(contact)s of its "
                "bank.",
                contact=contact.display_name,
                account=self.display_name,
            )
        )
        return notify_then(message, contact._get_records_action())
