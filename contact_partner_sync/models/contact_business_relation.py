# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..link_kinds import LINK_FIELDS, LINK_KINDS, LINK_TO_SELECTION


class ContactBusinessRelation(models.Model):
    """A business relation of a contact; with ``link_to`` set, the link that keeps the
    contact synchronized with its customer, vendor or bank account."""

    _name = "contact.business.relation"
    _description = "Contact Business Relation"
    # not "contact_id, id": ordering by a many2one joins the partners and sorts on
    # their name, on every read of the links of a batch of partners
    _order = "id"

    contact_id = fields.Many2one(
        "res.partner",
        required=True,
        index=True,
        ondelete="cascade",
        domain=[("is_contact", "=", True)],
    )
    business_relation_id = fields.Many2one(
        "business.relation",
        required=True,
        index=True,
        # a relation in use cannot be deleted (business.relation._unlink_except_used);
        # uninstalling deletes the relations and their links
        ondelete="cascade",
    )
    business_relation_code = fields.Char(
        related="business_relation_id.code", string="Business Relation Code"
    )
    link_to = fields.Selection(LINK_TO_SELECTION, string="Link to", index=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer / Vendor",
        index="btree_not_null",
        ondelete="cascade",
    )
    bank_account_id = fields.Many2one(
        "res.partner.bank",
        index="btree_not_null",
        ondelete="cascade",
    )
    # a contact without company may link to records of any company (see _check_link)
    # precomputed: set in the INSERT of the link, not by an UPDATE of every new link
    company_id = fields.Many2one(
        related="contact_id.company_id",
        store=True,
        precompute=True,
        index=True,
        string="Company",
    )

    _sql_constraints = [
        (
            "contact_relation_uniq",
            "unique(contact_id, business_relation_id)",
            "A contact can have a business relation only once.",
        ),
        (
            "contact_link_uniq",
            "unique(contact_id, link_to)",
            "A contact can be linked to one customer, one vendor and one bank account.",
        ),
        (
            "partner_link_uniq",
            "unique(partner_id, link_to)",
            "A customer or vendor can be linked to one contact only.",
        ),
        (
            "bank_account_uniq",
            "unique(bank_account_id)",
            "A bank account can be linked to one contact only.",
        ),
        (
            "link_target_check",
            "CHECK((COALESCE(link_to, '') IN ('customer', 'vendor'))"
            " = (partner_id IS NOT NULL)"
            " AND (COALESCE(link_to, '') = 'bank_account')"
            " = (bank_account_id IS NOT NULL))",
            "A link to a customer or vendor needs a partner, a link to a bank account "
            "needs a bank account, and a plain business relation neither.",
        ),
    ]

    # ------------------------------------------------------------------ ORM
    @api.model_create_multi
    def create(self, vals_list):
        links = super().create(vals_list)
        links._contact_sync_touch()
        return links

    def write(self, vals):
        # a link moved (a merge does that) or changed: both its old and new sides
        moved = self if vals.keys() & {"link_to", "contact_id", *LINK_FIELDS} else None
        before = moved and moved._contact_sync_sides()
        res = super().write(vals)
        if moved:
            moved._contact_sync_touch(before)
        return res

    def unlink(self):
        self._contact_sync_touch()
        return super().unlink()

    def _contact_sync_data_records(self, *more):
        """The records holding the data of the records linked by self, where it is
        not on the record itself (the banks of bank accounts), and ``more`` of them:
        one recordset per model."""
        links = self.sudo()
        data = {}
        for kind in LINK_KINDS.values():
            if kind.data_path:
                records = links._of_kind(kind.key)[kind.link_field][kind.data_path]
                data[records._name] = data.get(records._name, records) | records
        for records in more:
            data[records._name] = data.get(records._name, records) | records.sudo()
        return list(data.values())

    def _contact_sync_sides(self):
        """The records both sides of the links self stand for, in the order of
        ``contact.partner.sync._lock()``: the records holding the data of linked
        records (banks), the contacts, the linked records."""
        links = self.sudo()
        return [
            *links._contact_sync_data_records(),
            links.contact_id,
            *(links[field] for field in LINK_FIELDS),
        ]

    def _contact_sync_touch(self, before=()):
        """Make the transaction that creates, changes or deletes the links self
        conflict with any concurrent propagation to or from either side (see
        ``contact.partner.sync``): their rows are touched, and the rows of
        ``before`` (the sides before a change, as ``_contact_sync_sides()``)."""
        if self:
            sides = self._contact_sync_sides()
            if before:
                sides = [old | new for old, new in zip(before, sides, strict=True)]
            self.env["contact.partner.sync"]._lock(*sides, touch=True)

    @api.depends(
        "contact_id", "business_relation_id", "link_to", "partner_id", "bank_account_id"
    )
    def _compute_display_name(self):
        for link in self:
            target = link._linked_record()
            name = f"{link.contact_id.display_name} ({link.business_relation_id.code})"
            link.display_name = f"{name} - {target.display_name}" if target else name

    @api.model
    def _link_to_label(self, link_to):
        return dict(self._fields["link_to"]._description_selection(self.env)).get(
            link_to, ""
        )

    def _linked_record(self):
        """The customer/vendor (res.partner) or bank account of this link."""
        self.ensure_one()
        kind = LINK_KINDS.get(self.link_to)
        return self[kind.link_field] if kind else self.contact_id.browse()

    def _linked_data_record(self):
        """The record holding the synchronized data of the linked record: itself, or
        the bank of a bank account."""
        self.ensure_one()
        kind = LINK_KINDS.get(self.link_to)
        record = self._linked_record()
        return record[kind.data_path] if kind and kind.data_path else record

    def _of_kind(self, *link_to):
        """The links of self of the kinds ``link_to``."""
        return self.filtered(lambda link: link.link_to in link_to)

    @api.constrains("contact_id", "partner_id", "bank_account_id", "link_to")
    def _check_link(self):
        for link in self:
            contact, target = link.contact_id, link._linked_record()
            if not contact.is_contact:
                raise ValidationError(
                    self.env._(
                        "%s is not a contact: it cannot have business relations.",
                        contact.display_name,
                    )
                )
            if target._name == "res.partner" and target.is_contact:
                raise ValidationError(
                    self.env._(
                        "%s is a contact: it cannot be linked as customer or vendor.",
                        target.display_name,
                    )
                )
            if target:
                contact._contact_sync_check_company(target)
            other = link.partner_id.linked_business_relation_ids.contact_id - contact
            if other:
                raise ValidationError(
                    self.env._(
                        "%(partner)s is already linked to the contact %(other)s: "
                        "it cannot be linked to %(contact)s too.",
                        partner=link.partner_id.display_name,
                        other=other[0].display_name,
                        contact=contact.display_name,
                    )
                )

    def _contact_sync_align(self, master, fill_from_linked=False):
        """Bring the contact and the linked record of this new link in line: the side
        ``master`` ("contact" or the link_to) wins. With ``fill_from_linked`` the linked
        record first fills the fields the contact has empty."""
        self.ensure_one()
        Sync = self.env["contact.partner.sync"]
        field_map = self.env["res.partner"]._contact_sync_field_map(self.link_to)
        contact, source = self.contact_id, self._linked_data_record()
        if not source:
            return
        if master != "contact":
            Sync._synchronize(source, field_map.values())
            return
        if fill_from_linked:
            contact_values = Sync._read_values(contact, {cf: cf for cf in field_map})
            fill = [
                field_map[cfield]
                for cfield, value in Sync._read_values(source, field_map).items()
                if value and not contact_values[cfield]
            ]
            if fill:
                Sync._synchronize(source, fill)
        Sync._synchronize(contact, field_map)
