# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.osv import expression

from ..link_kinds import kinds_of_model


class ContactLinkableMixin(models.AbstractModel):
    """Records a contact is linked with (customers / vendors, bank accounts): the one
    definition of "without contact" (``_contact_sync_missing_domain`` of each model)
    behind their ``contact_missing_link_to`` field, which the Settings counts, the
    "without Contact" filters and the Create Contacts pickers all use."""

    _name = "contact.linkable.mixin"
    _description = "Records Linked with Contacts"

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
        return expression.OR(
            [self._contact_sync_missing_domain(key) for key in keys if key]
        )
