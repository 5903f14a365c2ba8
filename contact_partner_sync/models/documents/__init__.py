# the mixins first: the models below inherit them
from . import contact_interaction_mixin, contact_order_mixin
from . import (
    account_move,
    account_move_send,
    account_payment,
    contact_interaction_log,
    contact_interaction_template,
    ir_actions_report,
    mail_compose_message,
    mail_template,
    purchase_order,
    purchase_requisition,
    res_company,
    res_config_settings,
    res_partner,
    sale_order,
)
