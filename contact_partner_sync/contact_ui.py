# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What the web client shows: smart buttons, notifications, missing contact counts."""

from odoo import api, fields, models

from .const import LINK_TO_SELECTION, RANK_FIELDS

KINDS = [kind for kind, _label in LINK_TO_SELECTION]


def _notify(message, next_action, title=None):
    """A client action showing ``message``, then running ``next_action``."""
    if next_action.get("type") == "ir.actions.act_window" and not next_action.get(
        "views"
    ):
        # the web client cleans the actions returned by buttons, not their "next"
        next_action = dict(
            next_action,
            views=[(False, mode) for mode in next_action["view_mode"].split(",")],
        )
    return {
        "type": "ir.actions.client",
        "tag": "display_notification",
        "params": {
            "title": title,
            "message": message,
            "type": "success",
            "sticky": False,
            "next": next_action,
        },
    }


class ResPartner(models.Model):
    _inherit = "res.partner"

    contact_customer_id = fields.Many2one(
        "res.partner", string="Linked Customer", compute="_compute_contact_links"
    )
    contact_vendor_id = fields.Many2one(
        "res.partner", string="Linked Vendor", compute="_compute_contact_links"
    )
    contact_bank_account_count = fields.Integer(
        string="Linked Bank Accounts", compute="_compute_contact_links"
    )
    linked_contact_no = fields.Char(
        related="linked_contact_id.contact_no", string="Linked Contact No."
    )
    # not the ranks themselves in the form: a rank sent by the form (0) would stop the
    # Customers / Vendors menus from setting it (account's res_partner_search_mode)
    is_customer_or_vendor = fields.Boolean(compute="_compute_is_customer_or_vendor")

    @api.depends("customer_rank", "supplier_rank")
    def _compute_is_customer_or_vendor(self):
        for partner in self:
            partner.is_customer_or_vendor = bool(
                partner.customer_rank or partner.supplier_rank
            )

    @api.depends(
        "business_relation_ids.link_to",
        "business_relation_ids.partner_id",
        "business_relation_ids.bank_account_id",
    )
    def _compute_contact_links(self):
        for partner in self:
            links = partner.business_relation_ids
            partner.contact_customer_id = links.filtered(
                lambda link: link.link_to == "customer"
            )[:1].partner_id
            partner.contact_vendor_id = links.filtered(
                lambda link: link.link_to == "vendor"
            )[:1].partner_id
            partner.contact_bank_account_count = len(links.bank_account_id)

    def action_view_contact_customer(self):
        self.ensure_one()
        return self.contact_customer_id._get_records_action(
            context={"res_partner_search_mode": "customer"}
        )

    def action_view_contact_vendor(self):
        self.ensure_one()
        return self.contact_vendor_id._get_records_action(
            context={"res_partner_search_mode": "supplier"}
        )

    def action_view_contact_bank_accounts(self):
        self.ensure_one()
        return self.business_relation_ids.bank_account_id._get_records_action(
            name=self.env._("Bank Accounts")
        )

    def action_view_linked_contact(self):
        self.ensure_one()
        return self.linked_contact_id._get_records_action()


class ResPartnerBank(models.Model):
    _inherit = "res.partner.bank"

    contact_no = fields.Char(related="contact_id.contact_no", string="Contact No.")

    def action_view_contact(self):
        self.ensure_one()
        return self.contact_id._get_records_action()

    def action_create_contact(self):
        """Button of a bank account: create its contact (from its bank) and open it."""
        self.ensure_one()
        contact = self.create_contacts()
        return _notify(
            self.env._(
                "Contact %(contact)s created for the bank account %(account)s.",
                contact=contact.display_name,
                account=self.display_name,
            ),
            contact._get_records_action(),
        )


class ContactWizardMixin(models.AbstractModel):
    _inherit = "contact.wizard.mixin"

    @api.model
    def default_get(self, fields_list):
        """Opened from a contact, the wizard proposes the first kind of link the
        contact has not got yet."""
        res = super().default_get(fields_list)
        contact = self.env["res.partner"].browse(res.get("contact_id"))
        if contact and "default_link_to" not in self.env.context:
            links = contact.commercial_partner_id.business_relation_ids
            taken = set(links.mapped("link_to"))
            res["link_to"] = next(
                (kind for kind in KINDS if kind not in taken), res.get("link_to")
            )
        return res


class ContactCreatePartnerWizard(models.TransientModel):
    _inherit = "contact.create.partner.wizard"

    contact_is_company = fields.Boolean(
        related="contact_id.commercial_partner_id.is_company"
    )

    def action_create(self):
        action = super().action_create()
        record = self.env[action["res_model"]].browse(action["res_id"])
        kind = self.env["contact.business.relation"]._link_to_label(self.link_to)
        return _notify(
            self.env._(
                "%(kind)s %(record)s created from the contact %(contact)s.",
                kind=kind,
                record=record.display_name,
                contact=self.contact_id.display_name,
            ),
            action,
        )


class ContactLinkWizard(models.TransientModel):
    _inherit = "contact.link.wizard"

    def action_link(self):
        action = super().action_link()
        record = (
            self.bank_account_id if self.link_to == "bank_account" else self.partner_id
        )
        kind = self.env["contact.business.relation"]._link_to_label(self.link_to)
        return _notify(
            self.env._(
                "The contact %(contact)s is now linked with the %(kind)s %(record)s.",
                contact=self.contact_id.commercial_partner_id.display_name,
                kind=kind.lower(),
                record=record.display_name,
            ),
            action,
        )


class ContactCreateContactsWizard(models.TransientModel):
    _inherit = "contact.create.contacts.wizard"

    missing_count = fields.Integer(
        string="Records without contact", compute="_compute_missing_count"
    )

    @api.model
    def _missing_contact_domain(self, link_to):
        """The customers / vendors (res.partner) or bank accounts (res.partner.bank)
        that have no contact for ``link_to`` yet."""
        if link_to == "bank_account":
            return [("bank_id", "!=", False), ("contact_id", "=", False)]
        return [
            (RANK_FIELDS[link_to], ">", 0),
            ("is_contact", "=", False),
            ("parent_id", "=", False),
            ("user_ids", "=", False),
            ("ref_company_ids", "=", False),
            ("linked_business_relation_ids", "not any", [("link_to", "=", link_to)]),
        ]

    @api.model
    def _missing_contact_count(self, link_to, records=None):
        model = "res.partner.bank" if link_to == "bank_account" else "res.partner"
        domain = self._missing_contact_domain(link_to)
        if records is not None:
            domain = [("id", "in", records.ids), *domain]
        return self.env[model].search_count(domain)

    @api.depends("link_to", "partner_ids", "bank_account_ids")
    def _compute_missing_count(self):
        for wizard in self:
            records = (
                wizard.bank_account_ids
                if wizard.link_to == "bank_account"
                else wizard.partner_ids
            )
            wizard.missing_count = (
                self._missing_contact_count(wizard.link_to, records or None)
                if wizard.link_to
                else 0
            )

    def action_create_contacts(self):
        action = super().action_create_contacts()
        ids = next(
            (leaf[2] for leaf in action.get("domain") or () if leaf[0] == "id"), None
        )
        if action.get("type") != "ir.actions.act_window" or ids is None:
            return action
        count = len(ids)
        return _notify(
            self.env._("%s contacts created and linked.", count),
            action if count else {"type": "ir.actions.act_window_close"},
        )


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    contact_missing_customer_count = fields.Integer(
        string="Customers without Contact", compute="_compute_contact_missing_counts"
    )
    contact_missing_vendor_count = fields.Integer(
        string="Vendors without Contact", compute="_compute_contact_missing_counts"
    )
    contact_missing_bank_account_count = fields.Integer(
        string="Bank Accounts without Contact",
        compute="_compute_contact_missing_counts",
    )

    @api.depends("company_id")
    def _compute_contact_missing_counts(self):
        Wizard = self.env["contact.create.contacts.wizard"]
        counts = {link_to: Wizard._missing_contact_count(link_to) for link_to in KINDS}
        for settings in self:
            settings.contact_missing_customer_count = counts["customer"]
            settings.contact_missing_vendor_count = counts["vendor"]
            settings.contact_missing_bank_account_count = counts["bank_account"]


class ResPartnerTwins(models.Model):
    _inherit = "res.partner"

    def _contact_sync_twins(self):
        """The partners synchronized with the partner self (same name, VAT...)."""
        self.ensure_one()
        contact = self if self.is_contact else self.linked_contact_id
        return (contact | contact.business_relation_ids.partner_id) - self

    def _compute_same_vat_partner_id(self):
        # a contact and its customer / vendor share their VAT: no duplicate warning
        super()._compute_same_vat_partner_id()
        for partner in self:
            fnames = [
                (fname, key)
                for fname, key in (
                    ("same_vat_partner_id", "vat"),
                    ("same_company_registry_partner_id", "company_registry"),
                )
                if partner[fname]
            ]
            twins = partner._origin._contact_sync_twins() if fnames else None
            for fname, key in fnames:
                if partner[fname] in twins:
                    partner[fname] = (
                        self.with_context(active_test=False)
                        .sudo()
                        .search(
                            [
                                (key, "=", partner[key]),
                                ("company_id", "in", [False, partner.company_id.id]),
                                "!",
                                ("id", "child_of", (twins | partner._origin).ids),
                            ],
                            limit=1,
                        )
                    )
