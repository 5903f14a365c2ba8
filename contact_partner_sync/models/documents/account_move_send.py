# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

from ...context_keys import INVOICE_SENDING


class AccountMoveSend(models.AbstractModel):
    _inherit = "account.move.send"

    @api.model
    def _send_mail(self, move, mail_template, **kwargs):
        # the message posted on the invoice is logged on its contact (account.move)
        return super()._send_mail(
            move.with_context(**{INVOICE_SENDING: True}), mail_template, **kwargs
        )
