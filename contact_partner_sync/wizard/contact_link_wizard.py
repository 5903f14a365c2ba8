# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..link_kinds import LINK_KINDS
from ..notifications import notify_then
from ..readers import display_texts, is_empty, read_values


class ContactLinkWizard(models.TransientModel):
    """Link with Existing: a contact with an existing customer, vendor or bank
    account. Its fields holding the record are named as the link's."""

    _name = "contact.link.wizard"
    _inherit = "contact.wizard.mixin"
    _description = "Link Contact with Existing"

    link_to = fields.Selection(string="Link with")
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer / Vendor",
        domain="[('is_contact', '=', False), ('parent_id', '=', False),"
        " ('user_ids', '=', False), ('ref_company_ids', '=', False),"
        " ('linked_contact_id', 'in', [False, contact_id]),"
        " ('linked_business_relation_ids', 'not any', [('link_to', '=', link_to)])]",
    )
    bank_account_id = fields.Many2one(
        "res.partner.bank",
        domain="[('contact_id', '=', False), ('bank_id', '!=', False),"
        " ('partner_id.ref_company_ids', '!=', False)]",
    )
    master = fields.Selection(
        [("contact", "Contact"), ("linked", "Customer / Vendor / Bank Account")],
        string="Keep the data of",
        required=True,
        default="contact",
        help="Whose synchronized fields (name, address, phone...) win when linking.",
    )

    # before linking: the synchronized fields whose values differ, and which is kept
    preview_html = fields.Html(
        string="What Linking Changes", compute="_compute_preview_html", sanitize=False
    )

    @api.depends("contact_id", "link_to", "partner_id", "bank_account_id", "master")
    def _compute_preview_html(self):
        for wizard in self:
            wizard.preview_html = wizard._contact_sync_preview()

    def _contact_sync_preview_rows(self):
        """[(field label, the contact's value, the record's value, who wins:
        "contact", "linked" or None when each side keeps its own)] of the
        synchronized fields whose values differ, as linking will align them (the
        master's values win, an empty one is filled from the other side, never
        written over a value)."""
        self.ensure_one()
        kind = LINK_KINDS.get(self.link_to)
        record = kind and self[kind.link_field]
        if not (kind and record and self.contact_id.is_contact):
            return []
        contact = self.contact_id.commercial_partner_id
        if not contact.is_contact:
            contact = self.contact_id
        target = record[kind.data_path] if kind.data_path else record
        if not target:
            return []
        Partner = self.env["res.partner"]
        field_map = Partner._contact_sync_field_map(kind.key)
        from_contact = Partner._contact_sync_field_map(kind.key, "to_linked")
        from_linked = Partner._contact_sync_field_map(kind.key, "to_contact")
        ours = read_values(contact, {cfield: cfield for cfield in field_map})
        theirs = read_values(target, field_map)
        rows = []
        for cfield, lfield in field_map.items():
            if ours[cfield] == theirs[cfield]:
                continue
            contact_empty = is_empty(contact._fields[cfield], ours[cfield])
            linked_empty = is_empty(target._fields[lfield], theirs[cfield])
            if self.master == "contact":
                if cfield in from_linked and contact_empty and not linked_empty:
                    winner = "linked"
                elif cfield in from_contact and not contact_empty:
                    winner = "contact"
                else:
                    winner = None
            elif cfield in from_contact and linked_empty and not contact_empty:
                winner = "contact"
            elif cfield in from_linked and not linked_empty:
                winner = "linked"
            else:
                winner = None
            rows.append(
                (
                    contact._fields[cfield]._description_string(self.env),
                    display_texts(contact, cfield)[contact.id],
                    display_texts(target, lfield)[target.id],
                    winner,
                )
            )
        return rows

    def _contact_sync_preview(self):
        """The rows of ``_contact_sync_preview_rows`` as a table."""
        kind = LINK_KINDS.get(self.link_to)
        if not kind or not self[kind.link_field]:
            return False
        kind_label = self.env["contact.business.relation"]._link_to_label(kind.key)
        rows = self._contact_sync_preview_rows()
        if not rows:
            return Markup('<p class="text-muted o_contact_sync_preview">%s</p>') % (
                self.env._(
                    "The contact and the %s hold the same values on the synchronized "
                    "fields: linking changes none.",
                    kind_label.lower(),
                )
            )
        kept = {
            "contact": self.env._("Contact"),
            "linked": kind_label,
            None: self.env._("Each keeps its own"),
        }
        body = Markup("").join(
            Markup(
                "<tr><td>%s</td><td class='%s'>%s</td><td class='%s'>%s</td>"
                "<td>%s</td></tr>"
            )
            % (
                label,
                "fw-bold" if winner == "contact" else "text-muted",
                contact_text or "—",
                "fw-bold" if winner == "linked" else "text-muted",
                linked_text or "—",
                kept[winner],
            )
            for label, contact_text, linked_text, winner in rows
        )
        return Markup(
            '<table class="table table-sm o_contact_sync_preview"><thead><tr>'
            "<th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr></thead>"
            "<tbody>%s</tbody></table>"
        ) % (
            self.env._("Field that differs"),
            self.env._("Contact"),
            kind_label,
            self.env._("Value kept"),
            body,
        )

    def action_link(self):
        self.ensure_one()
        kind = LINK_KINDS[self.link_to]
        record = self[kind.link_field]
        kind_label = self.env["contact.business.relation"]._link_to_label(kind.key)
        if not record:
            raise UserError(
                self.env._(
                    "Choose the %(kind)s to link with the contact %(contact)s.",
                    kind=kind_label,
                    contact=self.contact_id.display_name,
                )
            )
        master = "contact" if self.master == "contact" else kind.key
        getattr(self.contact_id, kind.link_method)(record, master=master)
        return notify_then(
            self.env._(
                "The contact %(contact)s is now linked with the %(kind)s %(record)s.",
                contact=self.contact_id.commercial_partner_id.display_name,
                kind=kind_label.lower(),
                record=record.display_name,
            ),
            {"type": "ir.actions.act_window_close"},
        )
