# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every context key the addon reads, each with one meaning.

Keys marked "superuser only" are obeyed only in superuser environments (the
synchronization's own writes): sent by a user through RPC, they change nothing.
"""

# superuser only. Set by the synchronization on the writes it makes itself, so that they
# are not propagated again: True, or the ids of the records it writes (what Odoo
# writes on other records meanwhile, children or parents, is still propagated).
SYNC_SKIP = "contact_partner_sync_skip"

# Any caller. Records created from a contact (its customer, vendor, bank account): no
# contact is created automatically for them. It can only make the addon do less.
FROM_CONTACT = "contact_partner_sync_from_contact"

# Any caller. Set around the rendering of reports that are not a print of their own (the
# HTML of a PDF, the attachment of an e-mail): no "printed" interaction is logged.
NO_PRINT_LOG = "contact_interaction_no_print_log"

# Any caller. Set by the invoice sending wizard on the invoice whose message it posts:
# that message is logged as a "sent" interaction on the invoice's contact.
INVOICE_SENDING = "contact_interaction_invoice_sending"

# Any caller. Set by Odoo's import on its test run (Test, base_import's dryrun), which
# is rolled back: contacts created then get no Contact No. (a number drawn from a
# sequence is never given back, even when the transaction is).
IMPORT_DRYRUN = "contact_partner_sync_import_dryrun"

# Any caller. Display names say what a partner is, where a contact and its customer
# or vendor would otherwise look alike (autocomplete dropdowns, breadcrumbs): "Polaris
# Oy (Contact CT000007)", "Polaris Oy (Customer)"; "short" where room is scarce
# (breadcrumbs): "Polaris Oy (CT000007)". Reports and e-mails never set it.
CONTACT_LABEL = "contact_partner_sync_label"

# superuser only. Set where the addon moves persons between the faces of a linked pair
# itself (a face deleted): the company given is where they go, not redirected to the
# pair's customer / vendor (persons/res_partner.py).
PERSON_PLACED = "contact_partner_sync_person_placed"


def sync_skipped(records):
    """Whether this write of ``records`` is the synchronization's own (SYNC_SKIP),
    not to be propagated again."""
    flag = records.env.context.get(SYNC_SKIP)
    if not flag or not records.env.su:
        return False
    return flag is True or set(records.ids) <= set(flag)
