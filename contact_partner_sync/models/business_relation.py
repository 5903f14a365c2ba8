# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from ..compat import Constraint


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
