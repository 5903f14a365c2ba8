# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, fields, models
from odoo.exceptions import UserError

from ..compat import usable_accounts_domain
from ..link_kinds import LINK_TO_SELECTION, TEMPLATE_KINDS

# fields of the template named after the res.partner fields they fill
FILLED_FIELDS = (
    "property_payment_term_id",
    "property_supplier_payment_term_id",
    "property_account_position_id",
    "property_product_pricelist",
    "property_account_receivable_id",
    "property_account_payable_id",
    "user_id",
    "team_id",
    "category_id",
)


class ContactPartnerTemplate(models.Model):
    """Customer / Vendor template: the invoicing details a contact does not carry."""

    _name = "contact.partner.template"
    _description = "Customer / Vendor Template"
    _order = "link_to, name"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    link_to = fields.Selection(
        [(key, label) for key, label in LINK_TO_SELECTION if key in TEMPLATE_KINDS],
        string="Template for",
        required=True,
        default="customer",
    )
    contact_type = fields.Selection(
        [("company", "Company"), ("person", "Person"), ("both", "Both")],
        required=True,
        default="both",
    )
    company_id = fields.Many2one(
        "res.company",
        index=True,
        default=lambda self: self.env.company,
    )
    property_payment_term_id = fields.Many2one(
        "account.payment.term", string="Customer Payment Terms", check_company=True
    )
    property_supplier_payment_term_id = fields.Many2one(
        "account.payment.term", string="Vendor Payment Terms", check_company=True
    )
    property_account_position_id = fields.Many2one(
        "account.fiscal.position", string="Fiscal Position", check_company=True
    )
    property_product_pricelist = fields.Many2one(
        "product.pricelist", string="Pricelist", check_company=True
    )
    property_account_receivable_id = fields.Many2one(
        "account.account",
        string="Account Receivable",
        domain=usable_accounts_domain("asset_receivable"),
        check_company=True,
    )
    property_account_payable_id = fields.Many2one(
        "account.account",
        string="Account Payable",
        domain=usable_accounts_domain("liability_payable"),
        check_company=True,
    )
    user_id = fields.Many2one("res.users", string="Salesperson")
    team_id = fields.Many2one("crm.team", string="Sales Team", check_company=True)
    category_id = fields.Many2many("res.partner.category", string="Tags")

    def _is_applicable(self, contact, link_to, company):
        """Whether the template is made for this kind, contact type and company."""
        self.ensure_one()
        contact_type = "company" if contact.is_company else "person"
        return (
            self.link_to == link_to
            and self.contact_type in ("both", contact_type)
            and self.company_id in (company, self.env["res.company"])
        )

    def _check_applicable(self, contact, link_to, company):
        """Refuse a template made for another kind, contact type or company."""
        if not self._is_applicable(contact, link_to, company):
            raise UserError(
                self.env._(
                    "The template %(template)s cannot be used to create a %(kind)s "
                    "from the contact %(contact)s (%(company)s).",
                    template=self.display_name,
                    kind=self.env["contact.business.relation"]._link_to_label(link_to),
                    contact=contact.display_name,
                    company=company.display_name,
                )
            )

    def _fill_values(self, current):
        """Write values of the template for the fields empty in ``current`` (a partner
        or a dict of values of a partner to create): a template never overrides."""
        self.ensure_one()
        get = current.get if isinstance(current, dict) else current.__getitem__
        values = {}
        for fname in FILLED_FIELDS:
            value = self[fname]
            if not value or get(fname):
                continue
            values[fname] = (
                [Command.set(value.ids)] if fname == "category_id" else value.id
            )
        return values
