# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from ..link_kinds import LINK_KINDS

RELATION_FIELDS = [kind.relation_field for kind in LINK_KINDS.values()]
# the code of the Contact Nos. sequence
SEQUENCE_CODE = "contact_partner_sync.contact"


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
        )._contact_sync_set_sequence()
        return companies

    @api.model
    def _contact_sync_init_sequences(self):
        """Give the Contact Nos. to every company without one (installation)."""
        companies = (
            self.sudo()
            .with_context(active_test=False)
            .search([("contact_sequence_id", "=", False)])
        )
        companies._contact_sync_set_sequence()

    def _contact_sync_set_sequence(self):
        """The companies self number their contacts from the database's one
        Contact Nos.: a Contact No. is unique across companies."""
        if self:
            self.sudo().contact_sequence_id = self._contact_sync_shared_sequence()

    @api.model
    def _contact_sync_shared_sequence(self):
        """The database's Contact Nos. (CT000001, no company), made when missing,
        named in the main company's language (a sequence's name is not
        translated)."""
        Sequence = self.env["ir.sequence"].sudo()
        sequence = Sequence.search(
            [("code", "=", SEQUENCE_CODE), ("company_id", "=", False)],
            order="id",
            limit=1,
        )
        if not sequence:
            main = self.env.ref("base.main_company", raise_if_not_found=False)
            sequence = Sequence.create(
                {
                    "name": self._contact_sync_sequence_name(
                        main.partner_id.lang if main else None
                    ),
                    "code": SEQUENCE_CODE,
                    "prefix": "CT",
                    "padding": 6,
                    "company_id": False,
                }
            )
        return sequence

    @api.model
    def _contact_sync_sequence_name(self, lang=None):
        return self.with_context(lang=lang or self.env.lang).env._("Contact Nos.")

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

    def _contact_sync_next_numbers(self, count, taken=()):
        """The next ``count`` numbers of the company's Contact Nos. (Falses without
        one), none in use already (another company's own sequence, a number typed or
        imported) nor among ``taken`` (the numbers given in the same batch): checked
        in one query per batch."""
        self.ensure_one()
        numbers = self._contact_sync_draw_numbers(count)
        contact_no = self.env["res.partner"]._fields["contact_no"]
        while True:
            drawn = [number for number in numbers if number]
            if not drawn:
                return numbers
            used = set(taken).intersection(drawn) | {
                number
                for (number,) in self.env.execute_query(
                    SQL(
                        "SELECT contact_no FROM res_partner WHERE contact_no = ANY(%s)",
                        drawn,
                        to_flush=contact_no,
                    )
                )
            }
            if not used:
                return numbers
            fresh = iter(self._contact_sync_draw_numbers(len(used)))
            numbers = [next(fresh) if number in used else number for number in numbers]

    def _contact_sync_draw_numbers(self, count):
        """``count`` numbers drawn from the company's Contact Nos.: in one query from
        a standard sequence without date ranges, one by one from the others."""
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
