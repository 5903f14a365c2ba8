# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from contextlib import contextmanager

from odoo.tests import TransactionCase

CODE_FIELDS = (
    "customer_business_relation_id",
    "vendor_business_relation_id",
    "bank_account_business_relation_id",
)


class ContactSyncCase(TransactionCase):
    """Company with the three business relation codes set, and record factories."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.Partner = cls.env["res.partner"]
        cls.Link = cls.env["contact.business.relation"]
        cls.relation_customer = cls.env.ref(
            "contact_partner_sync.business_relation_customer"
        )
        cls.relation_vendor = cls.env.ref(
            "contact_partner_sync.business_relation_vendor"
        )
        cls.relation_bank = cls.env.ref(
            "contact_partner_sync.business_relation_bank_account"
        )
        cls.set_codes(cls.company)
        # independent of the demo data
        cls.company.write(
            {"default_customer_template_id": False, "default_vendor_template_id": False}
        )
        cls.country_be = cls.env.ref("base.be")
        cls.country_fi = cls.env.ref("base.fi")

    @classmethod
    def set_codes(cls, company, customer=True, vendor=True, bank=True):
        company.write(
            {
                "customer_business_relation_id": customer and cls.relation_customer.id,
                "vendor_business_relation_id": vendor and cls.relation_vendor.id,
                "bank_account_business_relation_id": bank and cls.relation_bank.id,
            }
        )

    @classmethod
    def make_contact(cls, name, **vals):
        return cls.Partner.create(
            dict({"name": name, "is_contact": True, "is_company": True}, **vals)
        )

    @classmethod
    @contextmanager
    def codes_unset(cls):
        """Create records as before the codes were set: no contact is made for them."""
        codes = {fname: cls.company[fname] for fname in CODE_FIELDS}
        cls.company.write(dict.fromkeys(CODE_FIELDS, False))
        try:
            yield
        finally:
            cls.company.write({fname: record.id for fname, record in codes.items()})

    @classmethod
    def make_customer(cls, name, **vals):
        """An existing customer, without contact."""
        with cls.codes_unset():
            return cls.Partner.create(
                dict({"name": name, "is_company": True, "customer_rank": 1}, **vals)
            )

    @classmethod
    def make_vendor(cls, name, **vals):
        """An existing vendor, without contact."""
        with cls.codes_unset():
            return cls.Partner.create(
                dict({"name": name, "is_company": True, "supplier_rank": 1}, **vals)
            )

    @classmethod
    def make_bank_account(cls, acc_number, bank=None, **vals):
        """An existing bank account of the company, without contact."""
        bank = bank or cls.env["res.bank"].create({"name": "Test Bank"})
        with cls.codes_unset():
            return cls.env["res.partner.bank"].create(
                dict(
                    {
                        "acc_number": acc_number,
                        "partner_id": cls.company.partner_id.id,
                        "bank_id": bank.id,
                    },
                    **vals,
                )
            )

    def count_queries(self, func):
        """Number of SQL queries made by ``func()``, flushed."""
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        func()
        self.env.flush_all()
        return self.env.cr.sql_log_count - before
