# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, fields, models

from .res_company import INTERACTION_EVENT_FIELDS


class ContactInteractionLog(models.Model):
    """Interaction Log Entry: what was printed or e-mailed to a contact."""

    _name = "contact.interaction.log"
    _description = "Interaction Log Entry"
    _order = "date desc, id desc"
    _check_company_auto = True

    contact_id = fields.Many2one(
        "res.partner",
        required=True,
        index=True,
        ondelete="cascade",
        domain="[('is_contact', '=', True)]",
    )
    date = fields.Datetime(required=True, default=fields.Datetime.now, index=True)
    template_id = fields.Many2one(
        "contact.interaction.template",
        string="Interaction Template",
        required=True,
        # a template in use cannot be deleted (its _unlink_except_used); uninstalling
        # deletes the templates and their log entries
        ondelete="cascade",
        check_company=True,
    )
    direction = fields.Selection(related="template_id.direction")
    description = fields.Char()
    user_id = fields.Many2one("res.users", default=lambda self: self.env.user)
    res_model = fields.Char(string="Document Model", index=True)
    res_id = fields.Many2oneReference(
        string="Document ID", model_field="res_model", index=True
    )
    document_ref = fields.Reference(
        selection="_selection_document_models",
        string="Document",
        compute="_compute_document_ref",
    )
    message_id = fields.Many2one(
        "mail.message", index="btree_not_null", ondelete="set null"
    )
    company_id = fields.Many2one(
        "res.company",
        index=True,
        default=lambda self: self.env.company,
    )

    @api.model
    def _selection_document_models(self):
        return [
            (model.model, model.name)
            for model in self.env["ir.model"].sudo().search([])
        ]

    @api.depends("res_model", "res_id")
    def _compute_document_ref(self):
        """The document, while it exists (one query per model)."""
        existing = defaultdict(set)
        by_model = defaultdict(set)
        for log in self:
            if log.res_model in self.env and log.res_id:
                by_model[log.res_model].add(log.res_id)
        for model, ids in by_model.items():
            existing[model] = set(self.env[model].sudo().browse(ids).exists().ids)
        for log in self:
            if log.res_id in existing[log.res_model]:
                log.document_ref = f"{log.res_model},{log.res_id}"
            else:
                log.document_ref = False

    # ------------------------------------------------------------------ logging
    @api.model
    def _log_documents(self, records, action, messages=None):
        """Log the ``action`` ("print" or "email") made on the documents ``records``
        (any model with ``_contact_interaction_event``) on their contacts, with the
        template the company chose for the event; ``messages``: the mail.message of
        each record id. Documents without contact or without template are skipped.
        Return the new log entries."""
        messages = messages or {}
        vals_list = []
        for record in records.sudo():
            event = record._contact_interaction_event()
            contact = record._contact_interaction_contact()
            company = record._contact_interaction_company()
            template = company[INTERACTION_EVENT_FIELDS[event]] if event else None
            if not template or not contact:
                continue
            message = messages.get(record.id)
            vals_list.append(
                {
                    "contact_id": contact.id,
                    "template_id": template.id,
                    "description": record._contact_interaction_description(
                        action, message
                    ),
                    "user_id": self.env.uid,
                    "res_model": record._name,
                    "res_id": record.id,
                    "message_id": message.id if message else False,
                    "company_id": company.id,
                }
            )
        return self.sudo().create(vals_list).with_env(self.env)
