# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.exceptions import UserError


class ResPartnerBank(models.Model):
    _inherit = "res.partner.bank"

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
        if not self.partner_id.sudo().ref_company_ids:
            raise UserError(
                self.env._(
                    "The bank account %(account)s belongs to %(holder)s, not to one of "
                    "your companies: only your companies' own bank accounts are "
                    "linked to contacts (the contact stands for the bank). A "
                    "customer's or vendor's account stays its own data, on its "
                    "Invoicing tab.",
                    account=self.display_name,
                    holder=self.partner_id.display_name,
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
