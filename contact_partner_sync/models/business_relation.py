# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from ..compat import Constraint
from ..link_kinds import LINK_KINDS


class BusinessRelation(models.Model):
    _name = "business.relation"
    _description = "Business Relation"
    _order = "code"
    _rec_names_search = ["code", "name"]

    code = fields.Char(string="Business Relation Code", required=True, index=True)
    name = fields.Char(string="Description", required=True, translate=True)
    active = fields.Boolean(default=True)
    contact_count = fields.Integer(string="Contacts", compute="_compute_contact_count")

    _code_uniq = Constraint(
        "unique(code)",
        "The business relation code must be unique.",
    )

    @api.depends("code", "name")
    def _compute_display_name(self):
        for relation in self:
            relation.display_name = f"[{relation.code}] {relation.name}"

    def _compute_contact_count(self):
        groups = self.env["contact.business.relation"]._read_group(
            [("business_relation_id", "in", self.ids)],
            ["business_relation_id"],
            ["contact_id:count_distinct"],
        )
        counts = {relation.id: count for relation, count in groups}
        for relation in self:
            relation.contact_count = counts.get(relation.id, 0)

    def write(self, vals):
        if "active" in vals and not vals["active"]:
            self._check_not_a_company_code()
        return super().write(vals)

    def _check_not_a_company_code(self):
        """A code a company gives to its customers', vendors' or bank accounts'
        links stays active while it does: archived, it would leave the links and
        the synchronization carrying on under a code nobody can choose."""
        Company = self.env["res.company"].sudo().with_context(active_test=False)
        Link = self.env["contact.business.relation"]
        for kind in LINK_KINDS.values():
            company = Company.search([(kind.relation_field, "in", self.ids)], limit=1)
            if company:
                raise UserError(
                    self.env._(
                        "%(relation)s is the business relation code for "
                        "%(kind)s of %(company)s: set another one there first "
                        "(Settings, Relationship Management), then archive it.",
                        relation=company[kind.relation_field].display_name,
                        kind=Link._link_to_label(kind.key).lower(),
                        company=company.display_name,
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used(self):
        links = (
            self.env["contact.business.relation"]
            .sudo()
            .search([("business_relation_id", "in", self.ids)], limit=1)
        )
        if links:
            raise UserError(
                self.env._(
                    "The business relation %(relation)s is used by the contact "
                    "%(contact)s: archive it instead.",
                    relation=links.business_relation_id.display_name,
                    contact=links.contact_id.display_name,
                )
            )
