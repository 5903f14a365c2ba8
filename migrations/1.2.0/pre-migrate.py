# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Databases installed before 1.2.0, before the models are updated: a Contact No. is
unique across companies (a rule the update adds), so the contacts of a second company
that got a number another contact holds already get the next free one. Their old
numbers are kept for the post-migration, which says so in their chatter. The unique
rules of the links become partial indexes (one contact per bank)."""

import json
import re

from odoo.tools import SQL

RENUMBERED = "contact_partner_sync.renumbered_1_2_0"


def migrate(cr, version):
    drop_replaced_rules(cr)
    renumber_twins(cr)


def renumber_twins(cr):
    cr.execute(
        SQL(
            "SELECT id, contact_no FROM ("
            " SELECT id, contact_no, row_number() OVER ("
            "  PARTITION BY contact_no ORDER BY create_date, id) AS rank"
            " FROM res_partner WHERE contact_no IS NOT NULL) AS numbered"
            " WHERE rank > 1 ORDER BY id"
        )
    )
    twins = cr.fetchall()
    if not twins:
        return
    cr.execute(SQL("SELECT contact_no FROM res_partner WHERE contact_no LIKE 'CT%%'"))
    numbers = [
        int(match.group(1))
        for (number,) in cr.fetchall()
        if (match := re.fullmatch(r"CT(\d+)", number))
    ]
    next_number = max(numbers, default=0) + 1
    renumbered = {}
    for partner_id, old in twins:
        new = f"CT{next_number:06d}"
        next_number += 1
        cr.execute(
            SQL("UPDATE res_partner SET contact_no = %s WHERE id = %s", new, partner_id)
        )
        renumbered[partner_id] = [old, new]
    cr.execute(
        SQL(
            "INSERT INTO ir_config_parameter (key, value) VALUES (%s, %s)"
            " ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
            RENUMBERED,
            json.dumps(renumbered),
        )
    )


def drop_replaced_rules(cr):
    """The unique rules of the links that one contact per bank replaces with partial
    unique indexes (several bank account links per contact)."""
    for name in ("contact_relation_uniq", "contact_link_uniq"):
        conname = f"contact_business_relation_{name}"
        cr.execute(
            SQL(
                "ALTER TABLE contact_business_relation DROP CONSTRAINT IF EXISTS %s",
                SQL.identifier(conname),
            )
        )
        cr.execute(SQL("DELETE FROM ir_model_constraint WHERE name = %s", conname))
