# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, fields, models, tools

# the fields existing contacts are matched on, as installed
DEFAULT_MATCH_FIELDS = ("vat", "company_registry")


class ResCompany(models.Model):
    _inherit = "res.company"

    contact_match_field_ids = fields.Many2many(
        "ir.model.fields",
        "res_company_contact_match_field_rel",
        "company_id",
        "field_id",
        string="Match Contacts on",
        domain=[
            ("model", "=", "res.partner"),
            ("store", "=", True),
            ("ttype", "=", "char"),
        ],
        default=lambda self: self._contact_sync_default_match_fields(),
        help="A new customer or vendor whose value of one of these fields equals "
        "that of exactly one existing contact is linked to that contact instead of "
        "getting a new one; the contact form warns of contacts matching it.",
    )

    def write(self, vals):
        res = super().write(vals)
        if "contact_match_field_ids" in vals:
            self.env.registry.clear_cache()  # _contact_sync_match_fnames
        return res

    @api.model
    @tools.ormcache("company_id")
    def _contact_sync_match_fnames(self, company_id):
        """The names of the fields the company ``company_id`` matches contacts on:
        read once per registry, not on every batch of new customers."""
        company = self.sudo().browse(company_id)
        return tuple(company.contact_match_field_ids.mapped("name"))

    @api.model
    def _contact_sync_default_match_fields(self):
        return self.env["ir.model.fields"].search(
            [("model", "=", "res.partner"), ("name", "in", DEFAULT_MATCH_FIELDS)]
        )

    @api.model
    def _contact_sync_init_match_fields(self):
        """Installation: every company matches contacts on the default fields."""
        self.sudo().with_context(active_test=False).search([]).write(
            {
                "contact_match_field_ids": [
                    Command.set(self._contact_sync_default_match_fields().ids)
                ]
            }
        )
