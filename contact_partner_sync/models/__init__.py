# the mixin first: the models below inherit it
from . import contact_linkable_mixin
from . import (
    base_import_import,
    business_relation,
    contact_business_relation,
    contact_partner_sync,
    contact_partner_template,
    contact_sync_difference,
    contact_sync_field,
    contact_sync_job,
    ir_sequence,
    res_bank,
    res_company,
    res_config_settings,
    res_partner,
    res_partner_bank,
)

# a contact linked with an existing customer, vendor or bank account, or creating one
from . import linking

# contacts created for customers, vendors and bank accounts
from . import creation

# existing contacts matched instead of twins made (builds on creation)
from . import matching

# quotes and orders from contacts, interactions logged on contacts
from . import documents

# one set of persons per company: they live under the customer / vendor of a pair
from . import persons
