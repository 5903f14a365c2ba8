# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

from ...context_keys import NO_PRINT_LOG


class MailTemplate(models.Model):
    """A report attached to an e-mail is no print of its own."""

    _inherit = "mail.template"

    def _generate_template_attachments(
        self, res_ids, render_fields, render_results=None
    ):
        return super(
            MailTemplate, self.with_context(**{NO_PRINT_LOG: True})
        )._generate_template_attachments(
            res_ids, render_fields, render_results=render_results
        )
