# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from ..link_kinds import LINK_KINDS
from ..notifications import notify_then


class ContactCreatePartnerWizard(models.TransientModel):
    """Create as: the customer, vendor or bank account of a contact."""

    _name = "contact.create.partner.wizard"
    _inherit = "contact.wizard.mixin"
    _description = "Create Customer / Vendor / Bank Account from Contact"

    link_to = fields.Selection(string="Create")
    contact_is_company = fields.Boolean(
        related="contact_id.commercial_partner_id.is_company"
    )
    template_id = fields.Many2one(
        "contact.partner.template",
        compute="_compute_template_id",
        store=True,
        readonly=False,
        domain="[('link_to', '=', link_to)]",
    )
    acc_number = fields.Char(string="Account Number")
    bic = fields.Char(
        string="Bank Identifier Code", help="An existing bank of this BIC is reused."
    )

    @api.depends("contact_id", "link_to")
    def _compute_template_id(self):
        for wizard in self:
            company = wizard.contact_id.company_id or self.env.company
            kind = LINK_KINDS.get(wizard.link_to)
            fname = kind and kind.template_field
            wizard.template_id = company[fname] if fname else False

    def _create_arguments(self):
        """The arguments of the contact's create method of the chosen kind: a
        template for customers / vendors, the account number and BIC for a bank
        account."""
        if LINK_KINDS[self.link_to].template_field:
            return {"template": self.template_id or None}
        return {"acc_number": self.acc_number, "bic": self.bic}

    def action_create(self):
        self.ensure_one()
        kind = LINK_KINDS[self.link_to]
        create = getattr(self.contact_id, kind.create_method)
        record = create(**self._create_arguments())
        return notify_then(
            self.env._(
                "%(kind)s %(record)s created from the contact %(contact)s.",
                kind=self.env["contact.business.relation"]._link_to_label(kind.key),
                record=record.display_name,
                contact=self.contact_id.display_name,
            ),
            {
                "type": "ir.actions.act_window",
                "res_model": record._name,
                "res_id": record.id,
                "view_mode": "form",
                "target": "current",
            },
        )
