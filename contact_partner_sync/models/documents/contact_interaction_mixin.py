# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The documents whose printing and e-mailing are logged as interactions."""

from odoo import models


class ContactInteractionMixin(models.AbstractModel):
    """Documents logged on the contact of their commercial partner. A model inheriting
    it says which event a record is (``_contact_interaction_event``) and whose contact
    gets the entry (``_contact_interaction_partner``)."""

    _name = "contact.interaction.mixin"
    _description = "Interaction Logging Mixin"
    # printing a document of the model is an interaction (else only e-mailing it)
    _contact_interaction_log_prints = True

    def _contact_interaction_event(self):
        """The event of the document self (a key of INTERACTION_EVENT_FIELDS), or
        False when it is not logged."""
        return False

    def _contact_interaction_partner(self):
        """The partner whose contact gets the log entries of the document self (by
        default its ``partner_id``)."""
        self.ensure_one()
        if "partner_id" in self._fields:
            return self["partner_id"]
        return self.env["res.partner"]

    def _contact_interaction_contact(self):
        """The contact that gets the log entries of the document self: the contact of
        its partner's commercial partner."""
        partner = self._contact_interaction_partner()
        return partner._contact_commercial_contact() if partner else partner

    def _contact_interaction_company(self):
        self.ensure_one()
        company = self["company_id"] if "company_id" in self._fields else False
        return company or self.env.company

    def _contact_interaction_document_name(self):
        """What the document is, as the log says it: "Quotation S00012"."""
        self.ensure_one()
        if "type_name" in self._fields:
            return f"{self['type_name']} {self.display_name}"
        return self.display_name

    def _contact_interaction_description(self, action, message=None):
        self.ensure_one()
        document = self._contact_interaction_document_name()
        if action == "print":
            return self.env._("%s printed", document)
        return self.env._("%s sent by e-mail", document)

    def _contact_interaction_log(self, action, messages=None):
        """Log ``action`` ("print" / "email") on the contacts of the documents self."""
        return self.env["contact.interaction.log"]._log_documents(
            self, action, messages
        )
