# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import ormcache

from ..compat import Constraint
from ..link_kinds import LINK_KINDS, LINK_TO_SELECTION

# counts the changes of the synchronized fields (see _changed)
VERSION_PARAM = "contact_partner_sync.sync_fields_version"
DIRECTIONS = [
    ("both", "Both Ways"),
    ("to_linked", "Contact to Linked Record"),
    ("to_contact", "Linked Record to Contact"),
]
# fields that decide a record's place, identity or access: propagation runs as
# superuser and must never move a record across companies or hierarchies
FORBIDDEN_FIELDS = frozenset(
    {
        "id",
        "company_id",
        "parent_id",
        "commercial_partner_id",
        "active",
        "type",
        "is_company",
        "user_ids",
        "customer_rank",
        "supplier_rank",
    }
)


class ContactSyncField(models.Model):
    """A field kept identical between a contact and its customer, vendor or bank
    account (the bank of the account), in one direction or both."""

    _name = "contact.sync.field"
    _description = "Synchronized Field"
    _order = "link_to, sequence, id"

    link_to = fields.Selection(LINK_TO_SELECTION, string="Link to", required=True)
    contact_field_id = fields.Many2one(
        "ir.model.fields",
        required=True,
        ondelete="cascade",
        domain=[("model", "=", "res.partner"), ("store", "=", True)],
    )
    linked_model = fields.Char(compute="_compute_linked_model", store=True)
    linked_field_id = fields.Many2one(
        "ir.model.fields",
        string="Linked Record Field",
        required=True,
        ondelete="cascade",
        domain="[('model', '=', linked_model), ('store', '=', True)]",
    )
    direction = fields.Selection(DIRECTIONS, required=True, default="both")
    active = fields.Boolean(default=True)
    sequence = fields.Integer(default=10)

    _contact_field_uniq = Constraint(
        "unique(link_to, contact_field_id)",
        "A contact field is synchronized once per kind of link.",
    )
    _linked_field_uniq = Constraint(
        "unique(link_to, linked_field_id)",
        "A field of the linked record is synchronized once per kind of link.",
    )

    @api.depends("link_to")
    def _compute_linked_model(self):
        for record in self:
            kind = LINK_KINDS.get(record.link_to)
            record.linked_model = kind.data_model if kind else False

    @api.depends("link_to", "contact_field_id", "linked_field_id")
    def _compute_display_name(self):
        for record in self:
            ours = record.contact_field_id.field_description
            theirs = record.linked_field_id.field_description
            record.display_name = ours if ours == theirs else f"{ours} / {theirs}"

    # ------------------------------------------------------------------ checks
    @api.constrains("link_to", "contact_field_id", "linked_field_id")
    def _check_fields(self):
        for record in self:
            reason = record._incompatibility()
            if reason:
                raise ValidationError(
                    self.env._(
                        "%(contact_field)s of the contact cannot be synchronized with "
                        "%(linked_field)s of the %(kind)s: %(reason)s",
                        contact_field=record._field_label(record.contact_field_id),
                        linked_field=record._field_label(record.linked_field_id),
                        kind=record._link_to_label().lower(),
                        reason=reason,
                    )
                )

    def _link_to_label(self):
        return dict(self._fields["link_to"]._description_selection(self.env)).get(
            self.link_to, ""
        )

    @api.model
    def _field_label(self, field):
        """A field as a user knows it: its label."""
        return field.field_description or field.name

    @api.model
    def _type_label(self, field):
        types = dict(field._fields["ttype"]._description_selection(self.env))
        return types.get(field.ttype, field.ttype)

    @api.model
    def _model_label(self, model):
        return self.env["ir.model"]._get(model).name or model if model else ""

    def _incompatibility(self):
        """Why the two fields of self cannot be synchronized (empty if they can), in
        the words of the screen: labels of fields, types and models."""
        self.ensure_one()
        contact, linked = self.contact_field_id, self.linked_field_id
        kind = LINK_KINDS[self.link_to]
        if contact.model != "res.partner":
            return self.env._("the contact field must be a field of contacts.")
        if linked.model != kind.data_model:
            return self.env._(
                "the linked field must be a field of %s.",
                self._model_label(kind.data_model),
            )
        for field in contact | linked:
            label = self._field_label(field)
            if not field.store:
                return self.env._("%s is not stored.", label)
            if field.ttype == "one2many":
                return self.env._("%s is a list of other records.", label)
            if field.name in FORBIDDEN_FIELDS:
                return self.env._(
                    "%s decides a record's company, place or access: it stays each "
                    "record's own.",
                    label,
                )
            if "contact_partner_sync" in (field.modules or "").split(", "):
                return self.env._("%s is a field of this addon.", label)
        if contact.ttype != linked.ttype:
            return self.env._(
                "they are of different types (%(contact_type)s, %(linked_type)s).",
                contact_type=self._type_label(contact),
                linked_type=self._type_label(linked),
            )
        if contact.relation != linked.relation:
            return self.env._(
                "they hold records of different models (%(contact_model)s, "
                "%(linked_model)s).",
                contact_model=self._model_label(contact.relation),
                linked_model=self._model_label(linked.relation),
            )
        return ""

    @api.onchange("contact_field_id")
    def _onchange_contact_field_id(self):
        """Propose the linked record's field of the same name, when it can go with
        the contact field."""
        if not self.contact_field_id or self.linked_field_id or not self.linked_model:
            return
        same = self.env["ir.model.fields"]._get(
            self.linked_model, self.contact_field_id.name
        )
        if same:
            self.linked_field_id = same
            if self._incompatibility():
                self.linked_field_id = False

    # ------------------------------------------------------------------ cache
    @api.model_create_multi
    def create(self, vals_list):
        # the reasons first: the INSERT comes before the constraints, and a unique
        # rule it breaks would hide why the two fields cannot go together
        for vals in vals_list:
            record = self.new({**self.default_get(["link_to"]), **vals})
            if record.link_to and record.contact_field_id and record.linked_field_id:
                record._check_fields()
        records = super().create(vals_list)
        self._changed()
        return records

    def write(self, vals):
        res = super().write(vals)
        self._changed()
        return res

    def unlink(self):
        res = super().unlink()
        self._changed()
        return res

    @api.model
    def _changed(self):
        """The synchronized fields changed: clear the registry's caches (every
        worker's), and count a new version, which tells Settings that the last check
        of the links is out of date."""
        self.env.registry.clear_cache()
        Param = self.env["ir.config_parameter"].sudo()
        Param.set_param(VERSION_PARAM, self._version() + 1)

    @api.model
    def _version(self):
        value = self.env["ir.config_parameter"].sudo().get_param(VERSION_PARAM)
        return int(value) if value and value.isdigit() else 0

    @api.model
    @ormcache("link_to", "direction")
    def _field_pairs(self, link_to, direction):
        """((contact field, linked field), ...) of the active records of ``link_to``
        flowing in ``direction`` (None: all): read once per registry."""
        domain = [("link_to", "=", link_to)]
        if direction:
            domain.append(("direction", "in", ("both", direction)))
        records = self.sudo().search(domain)
        return tuple(
            (record.contact_field_id.name, record.linked_field_id.name)
            for record in records
        )

    # ------------------------------------------------------------------ install
    @api.model
    def _install_defaults(self):
        """Installation: the synchronized fields of every link kind (its
        ``sync_fields`` in link_kinds.py) that exist in the running series, both
        ways; nothing when some exist (an admin archives a field rather than
        deleting them all)."""
        Fields = self.env["ir.model.fields"].sudo()
        vals_list = []
        for kind in LINK_KINDS.values():
            for sequence, (cfield, lfield) in enumerate(kind.sync_fields.items()):
                contact_field = Fields._get("res.partner", cfield)
                linked_field = Fields._get(kind.data_model, lfield)
                if not (contact_field and linked_field):
                    continue  # a field of another series: res.partner.mobile (18.0)
                vals_list.append(
                    {
                        "link_to": kind.key,
                        "contact_field_id": contact_field.id,
                        "linked_field_id": linked_field.id,
                        "sequence": sequence,
                    }
                )
        if not self.with_context(active_test=False).search_count([], limit=1):
            self.create(vals_list)
