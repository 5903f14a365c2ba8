# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Databases installed before 1.2.0, after the update: every company numbers its
contacts from the database's one Contact Nos. (the per-company sequences of the addon
are left unused), which goes on after the highest number in use; the contacts the
pre-migration renumbered say so in their chatter."""

import json
import re

from odoo import SUPERUSER_ID, api

from odoo.addons.contact_partner_sync.contact_partner_sync.models.res_company import (
    SEQUENCE_CODE,
)

RENUMBERED = "contact_partner_sync.renumbered_1_2_0"


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    Company = env["res.company"].with_context(active_test=False)
    shared = Company._contact_sync_shared_sequence()
    own = Company.search(
        [
            ("contact_sequence_id.code", "=", SEQUENCE_CODE),
            ("contact_sequence_id.company_id", "!=", False),
        ]
    )
    own._contact_sync_set_sequence()
    numbers = [
        int(match.group(1))
        for number in env["res.partner"]
        .with_context(active_test=False)
        .search([("contact_no", "=like", "CT%")])
        .mapped("contact_no")
        if (match := re.fullmatch(r"CT(\d+)", number))
    ]
    highest = max(numbers, default=0)
    if shared.number_next_actual <= highest:
        shared.number_next_actual = highest + 1

    Param = env["ir.config_parameter"]
    renumbered = json.loads(Param.get_param(RENUMBERED) or "{}")
    partners = env["res.partner"].browse([int(pid) for pid in renumbered]).exists()
    if partners:
        partners._message_log_batch(
            bodies={
                partner.id: env._(
                    "Contact No. %(old)s was another contact's too: this contact is "
                    "%(new)s now (a Contact No. is unique across companies).",
                    old=renumbered[str(partner.id)][0],
                    new=renumbered[str(partner.id)][1],
                )
                for partner in partners
            }
        )
    Param.search([("key", "=", RENUMBERED)]).unlink()

    # only the companies' own bank accounts are linked to contacts: the links of
    # customers' and vendors' accounts go, the contacts stay and say so
    Link = env["contact.business.relation"].with_context(active_test=False)
    foreign = Link.search(
        [
            ("link_to", "=", "bank_account"),
            ("bank_account_id.partner_id.ref_company_ids", "=", False),
        ]
    )
    if foreign:
        foreign.contact_id._message_log_batch(
            bodies={
                link.contact_id.id: env._(
                    "No longer linked with the bank account %(account)s: it belongs to "
                    "%(holder)s, and only your companies' own accounts are linked to "
                    "contacts.",
                    account=link.bank_account_id.display_name,
                    holder=link.bank_account_id.partner_id.display_name,
                )
                for link in foreign
            }
        )
        foreign.unlink()
