# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Printing a document is an interaction logged on its contact."""

from odoo import models

from ...context_keys import NO_PRINT_LOG


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
