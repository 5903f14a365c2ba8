# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from .const import FROM_CONTACT
from .contact_sync import sync_skipped


class ResPartnerBank(models.Model):
    _inherit = "res.partner.bank"

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

    @api.depends("business_relation_ids.contact_id")
    def _compute_contact_id(self):
        for account in self:
            account.contact_id = account.business_relation_ids[:1].contact_id

    @api.constrains("partner_id")
    def _check_contact_company(self):
        # a linked account moving to a holder of another company
        self.sudo().business_relation_ids._check_link()

    @api.model_create_multi
    def create(self, vals_list):
        accounts = super().create(vals_list)
        if accounts and not self.env.context.get(FROM_CONTACT):
            accounts.sudo()._contact_sync_make_contacts(strict=False)
        return accounts

    def write(self, vals):
        res = super().write(vals)
        if "bank_id" in vals and not sync_skipped(self):
            # a linked account moved to another bank: its contact takes its data
            Sync = self.env["contact.partner.sync"]
            bank_map = self.env["res.partner"]._contact_sync_field_map("bank_account")
            accounts = self.sudo().filtered(lambda a: a.contact_id and a.bank_id)
            Sync._propagate(
                {
                    account.contact_id.id: Sync._read_values(account.bank_id, bank_map)
                    for account in accounts
                },
                {("res.bank", bank.id) for bank in accounts.bank_id},
            )
        return res

    def unlink(self):
        # Odoo archives bank accounts instead of deleting them: the link goes anyway
        self.business_relation_ids.sudo().unlink()
        return super().unlink()

    def create_contacts(self):
        """Create and link the contacts of the bank accounts self (from their bank);
        return them. Linked accounts and accounts without bank are skipped."""
        return self.env["contact.partner.sync"]._create_contacts_in_chunks(
            self, lambda accounts: accounts._contact_sync_make_contacts(strict=True)
        )

    def _contact_sync_make_contacts(self, strict):
        accounts = self.filtered(lambda a: a.bank_id and not a.business_relation_ids)
        vals_list, relations = [], []
        for account in accounts:
            company = account.company_id or self.env.company
            relation = company._contact_sync_relation(
                "bank_account", raise_if_unset=strict
            )
            if relation:
                vals_list.append(account._contact_sync_contact_values())
                relations.append((relation, account))
        if not vals_list:
            return self.env["res.partner"]
        contacts = self.env["res.partner"].create(vals_list)
        self.env["contact.business.relation"].create(
            [
                {
                    "contact_id": contact.id,
                    "business_relation_id": relation.id,
                    "link_to": "bank_account",
                    "bank_account_id": account.id,
                }
                for contact, (relation, account) in zip(
                    contacts, relations, strict=True
                )
            ]
        )
        return contacts.with_env(self.env)

    def _contact_sync_contact_values(self):
        self.ensure_one()
        bank_map = self.env["res.partner"]._contact_sync_field_map("bank_account")
        vals = self.env["contact.partner.sync"]._read_values(self.bank_id, bank_map)
        vals.update(is_contact=True, is_company=True, company_id=self.company_id.id)
        return vals
