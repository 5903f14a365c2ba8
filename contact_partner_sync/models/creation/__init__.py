from . import res_partner, res_partner_bank
