# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Names shared by the models of the addon."""

# Context flag of the writes made by the synchronization itself: they are not echoed.
SYNC_SKIP = "contact_partner_sync_skip"
# Context flag of the records created from a contact: no contact is created for them.
FROM_CONTACT = "contact_partner_sync_from_contact"

LINK_TO_SELECTION = [
    ("customer", "Customer"),
    ("vendor", "Vendor"),
    ("bank_account", "Bank Account"),
]
PARTNER_KINDS = ("customer", "vendor")
RANK_FIELDS = {"customer": "customer_rank", "vendor": "supplier_rank"}

# Synchronized fields (contact field -> linked field),
# see res.partner._contact_sync_field_map
PARTNER_SYNC_FIELDS = (
    "name",
    "street",
    "street2",
    "zip",
    "city",
    "state_id",
    "country_id",
    "phone",
    "mobile",
    "email",
    "website",
    "lang",
    "vat",
    "company_registry",
    "user_id",
    "image_1920",
)
BANK_SYNC_FIELDS = {
    "name": "name",
    "street": "street",
    "street2": "street2",
    "zip": "zip",
    "city": "city",
    "state_id": "state",
    "country_id": "country",
    "phone": "phone",
    "email": "email",
}
