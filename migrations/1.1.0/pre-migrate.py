# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Databases installed before 1.1.0: before the models are updated."""

from odoo.tools import SQL, sql


def migrate(cr, version):
    # Odoo keeps an index of the expected name whatever its kind: drop the GIN
    # (trigram) index of contact_no of the first installations, so that the
    # update makes the btree one
    index = "res_partner__contact_no_index"
    cr.execute(
        SQL(
            "SELECT 1 FROM pg_indexes WHERE indexname = %s AND indexdef ILIKE %s",
            index,
            "% USING gin %",
        )
    )
    if cr.fetchone():
        sql.drop_index(cr, index, "res_partner")
    # a customer's own Business Relation is empty (it was "None" at first)
    cr.execute(
        SQL(
            "UPDATE res_partner SET contact_business_relation = NULL"
            " WHERE contact_business_relation IS NOT NULL"
            " AND is_contact IS NOT TRUE"
        )
    )
