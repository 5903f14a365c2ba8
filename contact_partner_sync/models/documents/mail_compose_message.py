# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class MailComposeMessage(models.TransientModel):
    """Documents e-mailed from the composer are interactions of their contacts."""

    _inherit = "mail.compose.message"

    def _contact_interaction_documents(self, res_ids):
        """The documents of the composer whose sending is logged (not its internal
        notes; e-mails from a contact's chatter are logged by res.partner itself)."""
        self.ensure_one()
        Model = self.env.get(self.model) if self.model else None
        if (
            Model is None
            or self.model in ("res.partner", "account.move")
            or not isinstance(Model, self.pool["contact.interaction.mixin"])
            or self.subtype_is_log
        ):
            return None
        return Model.browse(res_ids)

    def _action_send_mail_comment(self, res_ids):
        messages = super()._action_send_mail_comment(res_ids)
        documents = self._contact_interaction_documents(res_ids)
        if documents:
            documents._contact_interaction_log(
                "email", {message.res_id: message for message in messages}
            )
        return messages

    def _action_send_mail_mass_mail(self, res_ids, auto_commit=False):
        mails = super()._action_send_mail_mass_mail(res_ids, auto_commit=auto_commit)
        documents = self._contact_interaction_documents(res_ids)
        if documents:
            documents._contact_interaction_log("email")
        return mails
