# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Where documents are printed and e-mailed: the interactions logged on contacts."""

from odoo import models

# context flags: a report rendered as an attachment of an e-mail is not a print, and the
# HTML rendered for a PDF is the same print
NO_PRINT_LOG = "contact_interaction_no_print_log"


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _contact_interaction_log_print(self, report_ref, res_ids):
        if (
            self.env.context.get(NO_PRINT_LOG)
            or not res_ids
            or not self.env.user._is_internal()
        ):
            return
        model = self._get_report(report_ref).model
        Model = self.env.get(model)
        if (
            Model is None
            or not isinstance(Model, self.pool["contact.interaction.mixin"])
            or not Model._contact_interaction_log_prints
        ):
            return
        Model.browse(res_ids).exists()._contact_interaction_log("print")

    def _pre_render_qweb_pdf(self, report_ref, res_ids=None, data=None):
        # the HTML of a PDF is no print of its own (nor is a PDF made to be sent)
        return super(
            IrActionsReport, self.with_context(**{NO_PRINT_LOG: True})
        )._pre_render_qweb_pdf(report_ref, res_ids=res_ids, data=data)

    def _render_qweb_pdf(self, report_ref, res_ids=None, data=None):
        res = super(
            IrActionsReport, self.with_context(**{NO_PRINT_LOG: True})
        )._render_qweb_pdf(report_ref, res_ids=res_ids, data=data)
        self._contact_interaction_log_print(
            report_ref, [res_ids] if isinstance(res_ids, int) else res_ids
        )
        return res

    def _render_qweb_html(self, report_ref, docids, data=None):
        # the web client shows the HTML report when it cannot make PDFs (no wkhtmltopdf)
        res = super()._render_qweb_html(report_ref, docids, data=data)
        self._contact_interaction_log_print(report_ref, docids)
        return res


class MailTemplate(models.Model):
    _inherit = "mail.template"

    def _generate_template_attachments(
        self, res_ids, render_fields, render_results=None
    ):
        return super(
            MailTemplate, self.with_context(**{NO_PRINT_LOG: True})
        )._generate_template_attachments(
            res_ids, render_fields, render_results=render_results
        )


class MailComposeMessage(models.TransientModel):
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
