from . import (
    base_partner_merge,
    business_relation,
    contact_business_relation,
    contact_wizard_mixin,
    contact_create_contacts_wizard,
    contact_create_partner_wizard,
    contact_link_wizard,
    contact_partner_template,
    contact_sync,
    res_bank,
    res_company,
    res_config_settings,
    res_partner,
    res_partner_bank,
    res_partner_contacts,
    res_partner_link,
)

# quotes, orders and interactions (the mixins first: the models below inherit them)
from . import (
    contact_interaction_mixin,
    contact_interaction_template,
    contact_interaction_log,
    res_company_interaction,
    res_partner_documents,
    sale_order,
    purchase_order,
    purchase_requisition,
    account_move,
    mail_interaction_hooks,
)

# the web client: smart buttons, notifications, counts of missing contacts
from . import contact_ui
