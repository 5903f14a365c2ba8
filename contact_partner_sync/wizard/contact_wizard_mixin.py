# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from ..link_kinds import LINK_TO_SELECTION


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
    # the kinds the contact has not got yet and its company has a code for: the only
    # ones offered
    available_link_tos = fields.Json(
        string="Kinds Offered", compute="_compute_available_link_tos"
    )
    # the kinds not offered for want of a code, said in the dialog
    missing_code_note = fields.Char(
        string="Kinds Not Offered", compute="_compute_available_link_tos"
    )

    @api.depends("contact_id")
    def _compute_available_link_tos(self):
        Link = self.env["contact.business.relation"]
        for wizard in self:
            contact = wizard.contact_id
            company = contact.company_id or self.env.company
            free = contact.contact_free_link_tos or []
            coded = [key for key in free if company._contact_sync_relation(key)]
            wizard.available_link_tos = coded
            uncoded = [
                Link._link_to_label(key).lower() for key in free if key not in coded
            ]
            wizard.missing_code_note = (
                self.env._(
                    "Not offered: %(kinds)s. %(company)s has no business relation code "
                    "for them yet; an administrator sets it in Settings, under "
                    "Relationship Management.",
                    kinds=", ".join(uncoded),
                    company=company.display_name,
                )
                if uncoded
                else False
            )

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
            offered = self.new({"contact_id": contact.id}).available_link_tos
            res["link_to"] = (
                offered or contact.contact_free_link_tos or [res.get("link_to")]
            )[0]
        return res

    @api.constrains("contact_id", "link_to")
    def _check_link_to_free(self):
        for wizard in self:
            holder = wizard.contact_id.commercial_partner_id
            if wizard.link_to not in wizard.contact_id.contact_free_link_tos:
                holder._contact_sync_check_free(wizard.link_to)
                raise UserError(
                    self.env._(
                        "%(kind)s: only company contacts can have one, and %(contact)s "
                        "is a person.",
                        kind=self.env["contact.business.relation"]._link_to_label(
                            wizard.link_to
                        ),
                        contact=holder.display_name,
                    )
                )
