# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The documents whose printing and e-mailing are logged as interactions."""

from odoo import models
from odoo.exceptions import UserError


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


class ContactOrderMixin(models.AbstractModel):
    """Orders that can be made for a contact (sales quotations, RFQs): on confirmation
    they move to the contact's customer / vendor."""

    _name = "contact.order.mixin"
    _description = "Orders Made for Contacts"

    def _contact_move_to_linked_partner(self, link_to):
        """Move the documents self, made for contacts, to the contacts' customer (or
        vendor), created from the contact with the company's default template when
        missing; say so in the chatter."""
        for order in self:
            contact = order.partner_id
            try:
                partner, template = contact._contact_document_partner(
                    link_to, order.company_id
                )
            except UserError as error:
                raise UserError(
                    self.env._(
                        "%(document)s cannot be confirmed for the contact %(contact)s: "
                        "%(reason)s",
                        document=order.display_name,
                        contact=contact.display_name,
                        reason=error.args[0],
                    )
                ) from error
            order._contact_write_linked_partner(partner)
            order._contact_post_moved_message(contact, partner, link_to, template)

    def _contact_post_moved_message(self, contact, partner, link_to, template):
        self.ensure_one()
        kind = self.env._("customer") if link_to == "customer" else self.env._("vendor")
        if template is None:
            body = self.env._(
                "Moved from the contact %(contact)s to its %(kind)s %(partner)s "
                "on confirmation.",
                contact=contact._get_html_link(),
                kind=kind,
                partner=partner._get_html_link(),
            )
        elif template:
            body = self.env._(
                "The %(kind)s %(partner)s was created from the contact %(contact)s "
                "with the template %(template)s, and the document was moved to it "
                "on confirmation.",
                kind=kind,
                partner=partner._get_html_link(),
                contact=contact._get_html_link(),
                template=template.display_name,
            )
        else:
            body = self.env._(
                "The %(kind)s %(partner)s was created from the contact %(contact)s, "
                "and the document was moved to it on confirmation.",
                kind=kind,
                partner=partner._get_html_link(),
                contact=contact._get_html_link(),
            )
        self.message_post(body=body, subtype_xmlid="mail.mt_note")

    def _contact_write_linked_partner(self, partner):
        self.ensure_one()
        self.partner_id = partner
