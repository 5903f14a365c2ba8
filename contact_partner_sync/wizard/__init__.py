# the mixin first: the wizards below inherit it
from . import contact_wizard_mixin
from . import (
    base_partner_merge_automatic_wizard,
    contact_create_contacts_wizard,
    contact_create_partner_wizard,
    contact_link_wizard,
)
