# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What a partner is, in words: where a contact and its customer or vendor would look
alike (dropdowns, breadcrumbs, the chatter's "Synchronized from" notes)."""

from .link_kinds import LINK_KINDS


def partner_labels(partners, short=False):
    """{partner: what it is} for the contacts and the linked customers / vendors of
    ``partners``: "Contact CT000007", "Customer", "Customer / Vendor"; ``short``, where
    room is scarce (breadcrumbs): a contact is its number, "CT000007"."""
    Link = partners.env["contact.business.relation"]
    labels = {}
    for partner in partners:
        if partner.is_contact and short and partner.contact_no:
            labels[partner] = partner.contact_no
        elif partner.is_contact:
            labels[partner] = (
                partners.env._("Contact %s", partner.contact_no)
                if partner.contact_no
                else partners.env._("Contact")
            )
        elif partner.linked_business_relation_ids:
            kinds = partner.linked_business_relation_ids.mapped("link_to")
            labels[partner] = " / ".join(
                Link._link_to_label(kind) for kind in LINK_KINDS if kind in kinds
            )
    return labels
