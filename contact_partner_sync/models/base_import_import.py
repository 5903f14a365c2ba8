# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

from ..context_keys import IMPORT_DRYRUN


class BaseImportImport(models.TransientModel):
    """Odoo's import: its test run draws no Contact No.; a real run says how many
    contacts it created and how many existing ones it linked."""

    _inherit = "base_import.import"

    def execute_import(self, fields, columns, options, dryrun=False):
        if dryrun:
            return super(
                BaseImportImport, self.with_context(**{IMPORT_DRYRUN: True})
            ).execute_import(fields, columns, options, dryrun=dryrun)
        Link = self.env["contact.business.relation"].sudo()
        last_partner = self._contact_sync_last_id("res.partner")
        last_link = self._contact_sync_last_id("contact.business.relation")
        result = super().execute_import(fields, columns, options, dryrun=dryrun)
        if not result.get("ids") or result.get("messages"):
            return result
        links = Link.search([("id", ">", last_link), ("link_to", "!=", False)])
        if not links:
            return result
        created = links.contact_id.filtered(lambda contact: contact.id > last_partner)
        linked = links.filtered(lambda link: link.contact_id.id <= last_partner)
        # new contacts with the VAT (or another matched value) of another contact:
        # another row of the file, or a contact linked already
        twins = [
            contact
            for contact, others in created.with_env(self.env)
            ._contact_sync_candidates()
            .items()
            if others
        ]
        summary = {
            "created": len(created),
            "linked": len(linked.contact_id),
            "twins": len(twins),
        }
        summary["message"] = self._contact_sync_import_message(**summary)
        result["contact_partner_sync"] = summary
        self.env["bus.bus"]._sendone(
            self.env.user.partner_id,
            "simple_notification",
            {
                "title": self.env._("Contacts"),
                "message": summary["message"],
                "type": "warning" if twins else "info",
                "sticky": bool(twins),
            },
        )
        return result

    def _contact_sync_last_id(self, model):
        last = (
            self.env[model]
            .sudo()
            .with_context(active_test=False)
            .search([], order="id desc", limit=1)
        )
        return last.id or 0

    def _contact_sync_import_message(self, created, linked, twins):
        message = self.env._(
            "Contacts: %(created)s created, %(linked)s existing ones linked.",
            created=created,
            linked=linked,
        )
        if twins:
            message += " " + self.env._(
                "%s of the new contacts have the VAT or company ID of another "
                "contact (another row of the file, or a contact linked to another "
                "customer or vendor already): their forms say so in a banner; merge "
                "them if they are one company.",
                twins,
            )
        return message
