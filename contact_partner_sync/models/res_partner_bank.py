# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from ..context_keys import sync_skipped
from ..link_kinds import kinds_of_model


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

    @api.constrains("partner_id", "bank_id")
    def _check_contact_company(self):
        # a linked account moving to a holder of another company, or to another
        # bank than the other accounts of its contact (one contact per bank)
        self.sudo().business_relation_ids._check_link()

    # ------------------------------------------------------------------ ORM
    def write(self, vals):
        moved = self.browse()
        if "bank_id" in vals and not sync_skipped(self):
            # a linked account moves to another bank, whose data its contact takes:
            # what the contact stands for changes, as when it is linked (first the
            # new bank, the contacts and the accounts are touched, see
            # contact.partner.sync._lock)
            moved = self.sudo().filtered("contact_id")
            if moved:
                self.env["contact.partner.sync"]._touch(
                    [self.env["res.bank"].browse(vals["bank_id"] or ())],
                    moved.contact_id,
                    [moved],
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

    # ------------------------------------------------------------------ buttons
    def action_view_contact(self):
        self.ensure_one()
        return self.contact_id._get_records_action()
