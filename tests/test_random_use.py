# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Random use of the addon on real Odoo, the invariants checked after every step (the
state machine is in random_use.py). hypothesis is a test-only dependency
(tools/requirements-dev.txt): without it this test is skipped, the others run."""

import unittest

from odoo.tests import new_test_user, tagged

from .common import ContactSyncCase

try:
    from .random_use import run_random_use
except ImportError as error:
    if not (error.name or "").startswith("hypothesis"):
        raise
    run_random_use = None


@tagged("post_install", "-at_install")
class TestRandomUse(ContactSyncCase):
    """Random sequences of everything a user and Odoo do, the invariants always hold."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        other = cls.env["res.company"].create({"name": "Other Company (random use)"})
        cls.set_codes(other)
        cls.companies = {"main": cls.company, "other": other}
        cls.users = {
            "admin": cls.env.ref("base.user_admin"),
            "salesman": new_test_user(
                cls.env,
                login="random_salesman",
                groups="sales_team.group_sale_salesman",
                company_ids=[(6, 0, [cls.company.id, other.id])],
            ),
        }

    @unittest.skipIf(
        run_random_use is None,
        "hypothesis is not installed (pip install -r tools/requirements-dev.txt)",
    )
    def test_invariants_hold_under_random_use(self):
        run_random_use(self)
