# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Quotations, orders and interactions of contacts (the consequences of the
synchronization beyond the data)."""

from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError

from ...compat import name_search_with_domain
from ...link_kinds import (
    LINK_KINDS,
    PARTNER_KINDS,
    PARTNER_LINKED_RELATIONS,
    kind_of_search_mode,
)


class ResPartner(models.Model):
    _name = "res.partner"
    _inherit = ["res.partner", "contact.interaction.mixin"]
    _contact_interaction_log_prints = False

    interaction_log_ids = fields.One2many(
        "contact.interaction.log", "contact_id", string="Interaction Log Entries"
    )
    interaction_log_count = fields.Integer(
        string="Interactions",
        compute="_compute_interaction_log_stats",
        help="Interaction log entries of the contact and of its persons.",
    )
    interaction_last_date = fields.Datetime(
        string="Last Interaction", compute="_compute_interaction_log_stats"
    )
    contact_sale_order_count = fields.Integer(
        string="Quotations / Orders",
        compute="_compute_contact_sale_order_count",
        groups="sales_team.group_sale_salesman",
    )
    contact_purchase_order_count = fields.Integer(
        string="Purchases",
        compute="_compute_contact_purchase_order_count",
        groups="purchase.group_purchase_user",
    )

    # ------------------------------------------------------------------ search
    @api.model
    def _contact_search_mode_domain(self):
        """In the partner fields of documents (``res_partner_search_mode`` customer
        or supplier: quotations, orders, invoices, RFQs, bills) and the Customers /
        Vendors lists, a linked pair is offered once: the customer / vendor, not its
        contact; for a bill, a contact's customer stands for it too (it becomes its
        vendor: one partner is both). A contact without customer or vendor is still
        offered; the persons of a linked pair live under its customer / vendor and
        are offered with it. One stored column: the dropdowns stay as fast as
        Odoo's own."""
        kind = kind_of_search_mode(self.env.context.get("res_partner_search_mode"))
        if not kind or kind.model != self._name:
            return []
        return [("contact_business_relation", "not in", list(PARTNER_LINKED_RELATIONS))]

    @api.model
    @api.readonly
    def name_search(self, name="", *args, **kwargs):
        extra = self._contact_search_mode_domain()
        if extra:
            args, kwargs = name_search_with_domain(args, kwargs, extra)
        return super().name_search(name, *args, **kwargs)

    @api.model
    def web_search_read(self, domain, specification, *args, **kwargs):
        # "Search More..." and the lists of the Customers / Vendors menus
        extra = self._contact_search_mode_domain()
        if extra:
            domain = [*(domain or []), *extra]
        return super().web_search_read(domain, specification, *args, **kwargs)

    # ------------------------------------------------------------------ helpers
    def _contact_commercial_contact(self):
        """The contact of the partner self as the partner of a document: its commercial
        partner when that is a contact, else the commercial partner's linked contact."""
        self.ensure_one()
        commercial = self.commercial_partner_id
        return commercial if commercial.is_contact else commercial.linked_contact_id

    def _contact_linked_partner(self, link_to):
        """The customer / vendor of the contact self: a person contact acts through its
        company contact."""
        self.ensure_one()
        holder = self.commercial_partner_id if self.is_contact else self.browse()
        return holder.business_relation_ids._of_kind(link_to)[:1].partner_id

    def _contact_lineage_ids(self):
        """The ids of the partner self and of its parents (child_of, the other way)."""
        self.ensure_one()
        ids, partner = set(), self.sudo()
        while partner and partner.id not in ids:
            ids.add(partner.id)
            partner = partner.parent_id
        return ids

    def _contact_document_roots(self, link_to):
        """{partner: the partners whose documents (and their addresses') are the
        partner's}: itself, and for a contact its customer / vendor."""
        return {
            partner: partner | partner._contact_linked_partner(link_to)
            for partner in self
        }

    def _contact_count_documents(self, link_to):
        """{partner: number of documents} of the partners of self, in one query
        (only saved contacts have the smart buttons: the others count 0)."""
        contacts = self.filtered(lambda p: p.is_contact and p.id)
        roots = contacts._contact_document_roots(link_to)
        all_roots = self.browse().union(*roots.values())
        if not all_roots:
            return dict.fromkeys(self, 0)
        groups = self.env[LINK_KINDS[link_to].document_model]._read_group(
            [("partner_id", "child_of", all_roots.ids)], ["partner_id"], ["__count"]
        )
        counts = defaultdict(int)
        for partner, count in groups:
            for ancestor in partner._contact_lineage_ids():
                counts[ancestor] += count
        return {
            partner: sum(counts[root.id] for root in roots.get(partner, ()))
            for partner in self
        }

    # ------------------------------------------------------------------ computes
    def _compute_contact_sale_order_count(self):
        counts = self._contact_count_documents("customer")
        for partner in self:
            partner.contact_sale_order_count = counts[partner]

    def _compute_contact_purchase_order_count(self):
        counts = self._contact_count_documents("vendor")
        for partner in self:
            partner.contact_purchase_order_count = counts[partner]

    def _contact_interaction_roots(self):
        """{contact: the partners whose interaction entries (and their persons')
        are the contact's}: itself and its customers / vendors, whose persons are
        the company's."""
        return {
            contact: contact
            | contact.business_relation_ids._of_kind(*PARTNER_KINDS).partner_id
            for contact in self
        }

    @api.depends("interaction_log_ids")
    def _compute_interaction_log_stats(self):
        contacts = self.filtered(lambda p: p.is_contact and p.id)
        roots = contacts._contact_interaction_roots()
        all_roots = self.browse().union(*roots.values())
        groups = (
            self.env["contact.interaction.log"]._read_group(
                [("contact_id", "child_of", all_roots.ids)],
                ["contact_id"],
                ["__count", "date:max"],
            )
            if contacts
            else []
        )
        counts, last = defaultdict(int), {}
        for contact, count, date in groups:
            for ancestor in contact._contact_lineage_ids():
                counts[ancestor] += count
                last[ancestor] = max(last.get(ancestor) or date, date)
        for partner in self:
            partner_roots = roots.get(partner, ())
            partner.interaction_log_count = sum(counts[r.id] for r in partner_roots)
            dates = [last[r.id] for r in partner_roots if r.id in last]
            partner.interaction_last_date = max(dates) if dates else False

    # ------------------------------------------------------------------ documents
    def _contact_document_partner(self, link_to, company):
        """The partner the confirmed documents of the contact self go to: its customer
        / vendor, created from the contact with ``company``'s default template when it
        has none. Return (partner, template of the creation, or None if it existed)."""
        self.ensure_one()
        partner = self._contact_linked_partner(link_to)
        if partner:
            return partner, None
        kind = LINK_KINDS[link_to]
        partner = getattr(self.with_company(company), kind.create_method)()
        return partner, company[kind.template_field]

    def _contact_new_document_action(self, link_to, name):
        self.ensure_one()
        if not self.is_contact:
            raise UserError(self.env._("%s is not a contact.", self.display_name))
        partner = self._contact_linked_partner(link_to) or self
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": LINK_KINDS[link_to].document_model,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
            "context": {"default_partner_id": partner.id},
        }

    def action_contact_new_quotation(self):
        """New Quotation for the contact: on its customer, or on the contact itself
        (the customer is made when the quotation is confirmed)."""
        return self._contact_new_document_action(
            "customer", self.env._("New Quotation")
        )

    def action_contact_new_rfq(self):
        """New Request for Quotation for the contact: on its vendor, or on itself."""
        return self._contact_new_document_action(
            "vendor", self.env._("New Request for Quotation")
        )

    def _contact_documents_action(self, link_to, xmlid):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        roots = self._contact_document_roots(link_to)[self]
        action["domain"] = [("partner_id", "child_of", roots.ids)]
        action["context"] = {
            "default_partner_id": (self._contact_linked_partner(link_to) or self).id
        }
        return action

    def action_view_contact_sale_orders(self):
        return self._contact_documents_action(
            "customer", "sale.action_quotations_with_onboarding"
        )

    def action_view_contact_purchase_orders(self):
        return self._contact_documents_action("vendor", "purchase.purchase_rfq")

    def action_view_interaction_log(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "contact_partner_sync.action_contact_interaction_log"
        )
        roots = self._contact_interaction_roots()[self]
        action["domain"] = [("contact_id", "child_of", roots.ids)]
        action["context"] = {"default_contact_id": self.id}
        return action

    # ------------------------------------------------------------------ interactions
    def _contact_interaction_event(self):
        self.ensure_one()
        return "email" if self._contact_interaction_contact() else False

    def _contact_interaction_partner(self):
        self.ensure_one()
        return self

    def _contact_interaction_contact(self):
        # an e-mail from the chatter of a contact is logged on that very contact; of
        # a person of a linked pair (who lives under its customer / vendor), on the
        # pair's contact; of a customer or vendor itself, nowhere
        if self.is_contact:
            return self
        if self.parent_id and self.type == "contact" and not self.is_company:
            return self.commercial_partner_id.linked_contact_id
        return self.browse()

    def _contact_interaction_description(self, action, message=None):
        if action == "email" and message:
            # the composer's default subject is the name of the contact: say more
            subject = message.subject if message.subject != self.display_name else False
            return self.env._(
                "E-mail: %s", subject or message.preview or self.display_name
            )
        return super()._contact_interaction_description(action, message)

    def _contact_interaction_is_email(self, message):
        """Whether ``message`` is a sent e-mail (not an internal note): a comment of
        the Discussions subtype with a recipient or a follower other than its author."""
        if message.message_type != "comment" or message.subtype_id != self.env.ref(
            "mail.mt_comment"
        ):
            return False
        return bool(
            (message.partner_ids | self.message_partner_ids) - message.author_id
        )

    def _message_post_after_hook(self, message, msg_vals):
        res = super()._message_post_after_hook(message, msg_vals)
        if (
            len(self) == 1
            and self._contact_interaction_contact()
            and self._contact_interaction_is_email(message)
        ):
            self._contact_interaction_log("email", {self.id: message})
        return res
