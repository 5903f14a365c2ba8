# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from ...compat import Constraint


class ContactInteractionTemplate(models.Model):
    """Interaction Template (Relationship Management setup)."""

    _name = "contact.interaction.template"
    _description = "Interaction Template"
    _order = "code"
    _rec_names_search = ["code", "name"]

    code = fields.Char(required=True)
    name = fields.Char(string="Description", required=True, translate=True)
    direction = fields.Selection(
        [("outbound", "Outbound"), ("inbound", "Inbound")],
        string="Information Flow",
        required=True,
        default="outbound",
    )
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", index=True)
    log_ids = fields.One2many(
        "contact.interaction.log", "template_id", string="Log Entries"
    )

    _code_uniq = Constraint(
        "unique(code)",
        "The code of an interaction template must be unique.",
    )

    @api.depends("code", "name")
    def _compute_display_name(self):
        for template in self:
            template.display_name = (
                f"{template.code} - {template.name}" if template.code else template.name
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used(self):
        used = self.filtered("log_ids")
        if used:
            raise UserError(
                self.env._(
                    "The interaction template %s has log entries: archive it "
                    "instead of deleting it.",
                    used[0].display_name,
                )
            )
