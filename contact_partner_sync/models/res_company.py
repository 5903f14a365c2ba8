# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from ..link_kinds import LINK_KINDS

RELATION_FIELDS = [kind.relation_field for kind in LINK_KINDS.values()]


class ResCompany(models.Model):
    """Relationship Management setup (the Marketing Setup of Business Central)."""

    _inherit = "res.company"

    contact_sequence_id = fields.Many2one(
        "ir.sequence", string="Contact Nos.", check_company=True
    )
    customer_business_relation_id = fields.Many2one(
        "business.relation", string="Business Relation Code for Customers"
    )
    vendor_business_relation_id = fields.Many2one(
        "business.relation", string="Business Relation Code for Vendors"
    )
    bank_account_business_relation_id = fields.Many2one(
        "business.relation", string="Business Relation Code for Bank Accounts"
    )
    default_customer_template_id = fields.Many2one(
        "contact.partner.template",
        domain="[('link_to', '=', 'customer')]",
        check_company=True,
    )
    default_vendor_template_id = fields.Many2one(
        "contact.partner.template",
        domain="[('link_to', '=', 'vendor')]",
        check_company=True,
    )

    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        companies.filtered(
            lambda c: not c.contact_sequence_id
        )._contact_sync_create_sequences()
        return companies

    @api.model
    def _contact_sync_init_sequences(self):
        """Give a Contact Nos. sequence to every company without one (installation)."""
        companies = (
            self.sudo()
            .with_context(active_test=False)
            .search([("contact_sequence_id", "=", False)])
        )
        companies._contact_sync_create_sequences()

    def _contact_sync_create_sequences(self):
        # named in the company's language: a sequence name is not translated
        sequences = (
            self.env["ir.sequence"]
            .sudo()
            .create(
                [
                    {
                        "name": self.with_context(
                            lang=company.partner_id.lang or self.env.lang
                        ).env._("Contact Nos. (%s)", company.name),
                        "code": "contact_partner_sync.contact",
                        "prefix": "CT",
                        "padding": 6,
                        "company_id": company.id,
                    }
                    for company in self
                ]
            )
        )
        for company, sequence in zip(self.sudo(), sequences, strict=True):
            company.contact_sequence_id = sequence

    @api.constrains(*RELATION_FIELDS)
    def _check_business_relation_codes(self):
        for company in self:
            relations = [company[fname] for fname in RELATION_FIELDS if company[fname]]
            if len(relations) != len(set(relations)):
                raise ValidationError(
                    self.env._(
                        "The business relation codes for customers, vendors and bank "
                        "accounts of %s must be different.",
                        company.display_name,
                    )
                )

    def _contact_sync_relation(self, link_to, raise_if_unset=False):
        """The business relation this company uses for ``link_to`` links."""
        self.ensure_one()
        relation = self[LINK_KINDS[link_to].relation_field]
        if not relation and raise_if_unset:
            raise UserError(
                self.env._(
                    "No business relation code for %(kind)s is set for the company "
                    "%(company)s. Set it in Settings > Relationship Management first.",
                    kind=self.env["contact.business.relation"]._link_to_label(link_to),
                    company=self.display_name,
                )
            )
        return relation

    def _contact_sync_link_relations(self):
        """The business relations this company gives to its links: rows of a
        contact's Business Relations tab with them need their linked record."""
        self.ensure_one()
        return self.env["business.relation"].union(
            *(self[fname] for fname in RELATION_FIELDS)
        )

    def _contact_sync_next_number(self):
        """The next number of the company's Contact Nos. (False without one)."""
        return self._contact_sync_next_numbers(1)[0]

    def _contact_sync_next_numbers(self, count):
        """The next ``count`` numbers of the company's Contact Nos. (Falses without
        one): drawn in one query from a standard sequence without date ranges, one
        by one from the others."""
        self.ensure_one()
        sequence = self.sudo().contact_sequence_id
        if not sequence:
            return [False] * count
        if (
            count == 1
            or sequence.implementation != "standard"
            or sequence.use_date_range
        ):
            return [sequence.next_by_id() for __ in range(count)]
        rows = self.env.execute_query(
            SQL(
                "SELECT nextval(%s) FROM generate_series(1, %s)",
                f"ir_sequence_{sequence.id:03d}",
                count,
            )
        )
        # read before: the prefix may run queries of its own (19.0 does)
        prefix, suffix = sequence._get_prefix_suffix()
        return [f"{prefix}{number:0{sequence.padding}d}{suffix}" for (number,) in rows]
