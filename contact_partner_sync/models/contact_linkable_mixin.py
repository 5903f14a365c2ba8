# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

from ..compat import domain_or
from ..link_kinds import kinds_of_model


class ContactLinkableMixin(models.AbstractModel):
    """Records a contact is linked with (customers / vendors, bank accounts), the
    ``model`` of a kind of ``link_kinds.LINK_KINDS``.

    It declares the hooks every such model implements (the model's own file and
    its ``linking/`` and ``creation/`` files), and builds on them what is the same
    for all: ``create_contacts()``, and the one definition of "without contact"
    (``contact_missing_link_to``, from ``_contact_sync_missing_domain``) that the
    Settings counts, the "without Contact" filters and the Create Contacts pickers
    all use."""

    _name = "contact.linkable.mixin"
    _description = "Records Linked with Contacts"

    # ------------------------------------------------------------------ public API
    def create_contacts(self, link_to=None):
        """Create and link the missing contacts of the records self (as
        ``link_to``, by default as what each record is); return the new contacts.
        Records already linked, and records that cannot have a contact, are
        skipped; an unset business relation code raises a UserError."""
        if link_to and link_to not in {k.key for k in kinds_of_model(self._name)}:
            raise ValueError(link_to)
        return self.env["contact.partner.sync"]._create_contacts_in_chunks(
            self,
            lambda records: records._contact_sync_make_contacts(link_to, strict=True),
        )

    # ------------------------------------------------------------------ hooks
    def _contact_sync_missing_domain(self, link_to):
        """The domain of the records of this model that have no contact for
        ``link_to`` yet and can have one."""
        raise NotImplementedError

    def _contact_sync_check_linkable(self, link_to, contact):
        """Raise a UserError naming the record self (one record) if it cannot be
        linked to ``contact`` as ``link_to``."""
        raise NotImplementedError

    def _contact_sync_mark_as(self, link_to):
        """Once linked as ``link_to``, make the records self what that kind is
        where a field says so (a customer's rank); nothing by default."""

    def _contact_sync_make_contacts(self, link_to, strict):
        """Link each record of self to its contact for ``link_to`` (by default each
        kind it is), the missing contacts created in one go; return the new
        contacts. ``strict``: raise when a business relation code is unset (else
        skip the record)."""
        raise NotImplementedError

    def _contact_sync_contact_values(self, kinds):
        """The values of the new contacts of the records self, to be linked as
        ``kinds``, in the order of self: their synchronized fields, read in
        batch."""
        raise NotImplementedError

    # ------------------------------------------------------------------ without contact
    def _compute_contact_missing_link_to(self):
        missing = {
            kind.key: self.filtered_domain(self._contact_sync_missing_domain(kind.key))
            for kind in kinds_of_model(self._name)
        }
        for record in self:
            record.contact_missing_link_to = next(
                (key for key, records in missing.items() if record in records), False
            )

    def _search_contact_missing_link_to(self, operator, value):
        if operator not in ("=", "in"):
            return NotImplemented
        keys = [value] if operator == "=" else list(value)
        return domain_or(
            [self._contact_sync_missing_domain(key) for key in keys if key]
        )
