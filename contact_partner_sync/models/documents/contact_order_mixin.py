# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.exceptions import UserError


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
            if not contact.is_contact:
                # a person of the contact, gone under its new customer / vendor with
                # a document confirmed before this one
                partner = contact.commercial_partner_id
                order._contact_write_linked_partner(partner, person=contact)
                order._contact_post_person_message(contact, partner, link_to)
                continue
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
            if contact.parent_id and contact.commercial_partner_id != partner:
                # a person of the contact: it lives under the customer / vendor now
                contact.commercial_partner_id._contact_persons_gather()
            if contact.commercial_partner_id == partner:
                # the document keeps the person, its accounting goes to the partner
                order._contact_write_linked_partner(partner, person=contact)
                order._contact_post_person_message(contact, partner, link_to)
                continue
            order._contact_write_linked_partner(partner)
            order._contact_post_moved_message(contact, partner, link_to, template)

    def _contact_of_other_face(self, link_to):
        """The documents self made for a person living under a face of a linked
        pair other than its ``link_to`` partner (a contact whose customer and
        vendor are two partners): their accounting is that partner's."""
        return self.filtered(
            lambda doc: (
                doc.partner_id.parent_id
                and not doc.partner_id.is_contact
                and doc.partner_id.commercial_partner_id.linked_contact_id
                and doc._contact_other_face(link_to)
            )
        )

    def _contact_other_face(self, link_to):
        self.ensure_one()
        face = self.partner_id.commercial_partner_id
        partner = face.linked_contact_id._contact_linked_partner(link_to)
        return partner if partner and partner != face else self.env["res.partner"]

    def _contact_move_to_other_face(self, link_to):
        """Move the documents self (see _contact_of_other_face) to the ``link_to``
        partner of their person's contact; say so in the chatter."""
        kind = self._contact_kind_label(link_to)
        for doc in self:
            person, partner = doc.partner_id, doc._contact_other_face(link_to)
            doc._contact_write_linked_partner(partner)
            doc.message_post(
                body=self.env._(
                    "%(person)s lives under %(face)s; the document was moved to "
                    "%(partner)s, the %(kind)s of their contact %(contact)s.",
                    person=person._get_html_link(),
                    face=person.parent_id._get_html_link(),
                    partner=partner._get_html_link(),
                    kind=kind,
                    contact=partner.linked_contact_id._get_html_link(),
                ),
                subtype_xmlid="mail.mt_note",
            )

    def _contact_kind_label(self, link_to):
        """The kind ``link_to`` as the chatter notes say it: "customer"."""
        return self.env["contact.business.relation"]._link_to_label(link_to).lower()

    def _contact_post_person_message(self, person, partner, link_to):
        self.ensure_one()
        kind = self._contact_kind_label(link_to)
        self.message_post(
            body=self.env._(
                "%(person)s is a person of the %(kind)s %(partner)s: the document "
                "stays made for %(person)s and goes to the accounts of %(partner)s.",
                person=person._get_html_link(),
                kind=kind,
                partner=partner._get_html_link(),
            ),
            subtype_xmlid="mail.mt_note",
        )

    def _contact_post_moved_message(self, contact, partner, link_to, template):
        self.ensure_one()
        kind = self._contact_kind_label(link_to)
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

    def _contact_write_linked_partner(self, partner, person=None):
        """Make ``partner`` the partner of the document self; with ``person`` (a
        person of ``partner``, the document's partner already), keep the person and
        compute again what Odoo takes from the partner (commercial partner, invoice
        address, fiscal position, terms)."""
        self.ensure_one()
        self.partner_id = partner
        if person:
            # through the partner: what Odoo's write computes from a new partner
            # (an invoice's receivable line and due dates too) is the partner's
            self.partner_id = person
