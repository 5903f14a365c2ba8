# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from ..link_kinds import LINK_KINDS, LINK_TO_SELECTION


class ContactWizardMixin(models.AbstractModel):
    """A wizard opened from a contact, about one kind of link."""

    _name = "contact.wizard.mixin"
    _description = "Contact Wizard"

    contact_id = fields.Many2one(
        "res.partner",
        required=True,
        domain=[("is_contact", "=", True)],
    )
    link_to = fields.Selection(LINK_TO_SELECTION, required=True, default="customer")

    @api.model
    def default_get(self, fields_list):
        """Opened from a contact, the wizard proposes the first kind of link the
        contact has not got yet."""
        res = super().default_get(fields_list)
        context = self.env.context
        if context.get("active_model") == "res.partner" and "contact_id" in fields_list:
            res.setdefault("contact_id", context.get("active_id"))
        contact = self.env["res.partner"].browse(res.get("contact_id"))
        if contact and "default_link_to" not in context:
            links = contact.commercial_partner_id.business_relation_ids
            taken = set(links.mapped("link_to"))
            res["link_to"] = next(
                (kind for kind in LINK_KINDS if kind not in taken), res.get("link_to")
            )
        return res
