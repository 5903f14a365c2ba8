# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Databases installed before 1.3.0, after the update: the persons added under a
contact that has a customer / vendor go under it (one set of persons per company, the
customer's / vendor's persons stay where they are); the contact's chatter names them.
No person, link or account is deleted."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {"active_test": False})
    Partner = env["res.partner"]
    contacts = Partner.search([("contact_partner_linked", "=", True)])
    persons = Partner.search(Partner._contact_person_domain(contacts))
    persons.parent_id._contact_persons_gather(persons)
