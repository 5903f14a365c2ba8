# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.exceptions import UserError

EMAIL_LAYOUT = "mail.mail_notification_layout_with_responsible_signature"


class PurchaseRequisition(models.Model):
    _name = "purchase.requisition"
    _inherit = ["purchase.requisition", "contact.interaction.mixin"]

    def action_send_agreement(self):
        """Send by E-mail: the mail composer with the purchase agreement attached."""
        self.ensure_one()
        if not self.vendor_id:
            raise UserError(
                self.env._(
                    "Set the vendor of the purchase agreement %s before sending it.",
                    self.name,
                )
            )
        template = self.env.ref(
            "contact_partner_sync.mail_template_purchase_agreement",
            raise_if_not_found=False,
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Send Purchase Agreement"),
            "res_model": "mail.compose.message",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {
                "default_model": self._name,
                "default_res_ids": self.ids,
                "default_template_id": template.id if template else False,
                "default_composition_mode": "comment",
                "default_email_layout_xmlid": EMAIL_LAYOUT,
                "force_email": True,
            },
        }

    # ------------------------------------------------------------------ interactions
    def _contact_interaction_event(self):
        self.ensure_one()
        return "purchase_agreement"

    def _contact_interaction_partner(self):
        self.ensure_one()
        return self.vendor_id

    def _contact_interaction_document_name(self):
        self.ensure_one()
        kind = dict(
            self._fields["requisition_type"]._description_selection(self.env)
        ).get(self.requisition_type)
        return f"{kind} {self.name}" if kind else self.name
