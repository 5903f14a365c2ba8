from . import contact_partner_sync
