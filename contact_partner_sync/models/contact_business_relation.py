# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..compat import Constraint, UniqueIndex, create_indexes
from ..link_kinds import (
    LINK_FIELDS,
    LINK_KINDS,
    LINK_TO_SELECTION,
    PARTNER_KINDS,
    link_target_check,
    single_kinds_sql,
)
from ..readers import read_values_multi


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
    # the customer, vendor or bank account, in one column of the Business Relations tab
    linked_record_name = fields.Char(
        string="Linked Record", compute="_compute_linked_record_name"
    )
    difference_ids = fields.One2many(
        "contact.sync.difference", "link_id", string="Differences"
    )
    sync_enabled = fields.Boolean(
        string="Synchronized",
        default=True,
        help="Off: nothing is copied between the contact and this record, either "
        "way, until it is switched on again (Resync then aligns them).",
    )
    # what the synchronization goes by: switched on, and the contact not archived (an
    # archived contact is not kept up to date, nor does it change its records)
    sync_active = fields.Boolean(
        string="Synchronizing",
        compute="_compute_sync_active",
        store=True,
        precompute=True,
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

    # a relation once per contact, a customer and a vendor link at most: the links
    # of the kinds a contact holds several of (bank accounts at its bank) aside
    _contact_relation_once = UniqueIndex(
        f"(contact_id, business_relation_id) WHERE {single_kinds_sql()}",
        "A contact can have a business relation only once.",
    )
    _contact_single_link = UniqueIndex(
        f"(contact_id, link_to) WHERE link_to IS NOT NULL AND {single_kinds_sql()}",
        "A contact can be linked to one customer and one vendor.",
    )
    _partner_link_uniq = Constraint(
        "unique(partner_id, link_to)",
        "A customer or vendor can be linked to one contact only.",
    )
    _bank_account_uniq = Constraint(
        "unique(bank_account_id)",
        "A bank account can be linked to one contact only.",
    )
    _link_target_check = Constraint(
        f"CHECK({link_target_check()})",
        "A link to a customer or vendor needs a partner, a link to a bank account "
        "needs a bank account, and a plain business relation neither.",
    )

    def init(self):
        super().init()
        create_indexes(self)

    # ------------------------------------------------------------------ ORM
    @api.model_create_multi
    def create(self, vals_list):
        links = super().create(vals_list)
        links._contact_sync_touch()
        # a contact's first customer / vendor: its persons go under it
        links._of_kind(*PARTNER_KINDS).contact_id._contact_persons_gather()
        return links

    def write(self, vals):
        # a link moved (a merge does that), changed, paused or resumed: both its old
        # and new sides
        keys = {"link_to", "contact_id", "sync_enabled", *LINK_FIELDS}
        moved = self if vals.keys() & keys else None
        before = moved and moved._contact_sync_sides()
        res = super().write(vals)
        if moved:
            moved._contact_sync_touch(before)
            # a paused or moved link is checked again when it is synchronized
            self.sudo().difference_ids.unlink()
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
        """The records on both sides of the links self, as
        ``contact.partner.sync._touch()`` takes them: (the records holding the data
        of linked records (banks), the contacts, the linked records)."""
        links = self.sudo()
        return (
            links._contact_sync_data_records(),
            links.contact_id,
            [links[field] for field in LINK_FIELDS],
        )

    def _contact_sync_touch(self, before=None):
        """Make the transaction that creates, changes or deletes the links self
        conflict with any concurrent propagation to or from either side (see
        ``contact.partner.sync``): their rows are touched, and those of ``before``
        (the sides before a change, as ``_contact_sync_sides()`` returned them)."""
        if not self:
            return
        data, contacts, linked = self._contact_sync_sides()
        if before:
            old_data, old_contacts, old_linked = before
            data = self._contact_sync_data_records(*old_data, *data)
            contacts |= old_contacts
            linked = [old | new for old, new in zip(old_linked, linked, strict=True)]
        self.env["contact.partner.sync"]._touch(data, contacts, linked)

    @api.depends("link_to", "partner_id", "bank_account_id")
    def _compute_linked_record_name(self):
        for link in self:
            link.linked_record_name = link._linked_record().display_name or False

    @api.depends("sync_enabled", "contact_id.active")
    def _compute_sync_active(self):
        for link in self:
            link.sync_active = link.sync_enabled and link.contact_id.active

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

    @api.constrains(
        "contact_id", "business_relation_id", "partner_id", "bank_account_id", "link_to"
    )
    def _check_link(self):
        for link in self:
            contact, target = link.contact_id, link._linked_record()
            link._check_needs_linked_record()
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
            link._check_one_data_record()
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

    def _check_one_data_record(self):
        """A contact holding several links of a kind (bank accounts) stands for one
        data record (bank): its linked records all share it."""
        self.ensure_one()
        kind = LINK_KINDS.get(self.link_to)
        if not (kind and kind.several_per_contact and kind.data_path):
            return
        path = f"{kind.link_field}.{kind.data_path}"
        siblings = self.contact_id.business_relation_ids._of_kind(kind.key)
        data = siblings.mapped(path)
        if len(data) > 1:
            record = self._linked_record()
            raise ValidationError(
                self.env._(
                    "The contact %(contact)s stands for the bank %(bank)s: the bank "
                    "account %(account)s, at %(other)s, belongs with the contact of "
                    "that bank.",
                    contact=self.contact_id.display_name,
                    bank=(data - record[kind.data_path])[:1].display_name,
                    account=record.display_name,
                    other=record[kind.data_path].display_name,
                )
            )

    def _check_needs_linked_record(self):
        """A row of the business relation a company gives to its customer, vendor
        or bank account links is such a link: it needs its linked record."""
        self.ensure_one()
        if self.link_to:
            return
        company = self.contact_id.company_id or self.env.company
        kind = next(
            (
                kind
                for kind in LINK_KINDS.values()
                if company[kind.relation_field] == self.business_relation_id
            ),
            None,
        )
        if kind:
            raise ValidationError(
                self.env._(
                    "The business relation %(relation)s of the contact %(contact)s "
                    "is the one of its %(kind)s: it cannot be added without one. Use "
                    "Create as or Link with Existing on the contact instead.",
                    relation=self.business_relation_id.display_name,
                    contact=self.contact_id.display_name,
                    kind=self._link_to_label(kind.key).lower(),
                )
            )

    # ------------------------------------------------------------------ resync
    def _by_kind(self):
        """[(link kind, the links of self of that kind)]."""
        ids = defaultdict(list)
        for link in self:
            if link.link_to:
                ids[link.link_to].append(link.id)
        return [
            (LINK_KINDS[key], self.browse(link_ids)) for key, link_ids in ids.items()
        ]

    def _data_records(self, kind):
        """The records holding the synchronized data of the links self of ``kind``
        (customers / vendors, or the banks of the bank accounts), in batch."""
        records = self.mapped(kind.link_field)
        return records.mapped(kind.data_path) if kind.data_path else records

    def action_resync(self, master="contact"):
        """Align the links self on the fields that flow from ``master``: "contact"
        (its values reach the linked records) or "linked" (the linked records'
        values reach the contacts). An empty value of the master never replaces the
        other side's: that pair stays a difference (``_contact_sync_differences``)
        until a user chooses. Paused links are left alone."""
        self._contact_sync_resync(master)
        return True

    def _contact_sync_resync(self, master):
        """``action_resync(master)``; return the links of self it changed (either
        side written), read before and after in batch."""
        if master not in ("contact", "linked"):
            raise UserError(
                self.env._("Unknown master %s: use 'contact' or 'linked'.", master)
            )
        Partner = self.env["res.partner"]
        Sync = self.env["contact.partner.sync"]
        links = self.filtered("sync_active")
        before = links._contact_sync_snapshot()
        for kind, kind_links in links._by_kind():
            if master == "contact":
                fnames = Partner._contact_sync_field_map(kind.key, "to_linked")
                Sync._synchronize_non_empty(kind_links.contact_id, fnames)
            else:
                fnames = Partner._contact_sync_field_map(kind.key, "to_contact")
                Sync._synchronize_non_empty(
                    kind_links._data_records(kind), fnames.values()
                )
        after = links._contact_sync_snapshot()
        return links.filtered(lambda link: before.get(link.id) != after.get(link.id))

    def _contact_sync_value_pairs(self, direction=None):
        """Per kind of the links self: (kind, {link: (contact, data record)}, field
        map {contact field: linked field} of the fields flowing ``direction``
        (None: all of them, "both": each way), the contacts' values {id: {contact
        field: value}}, the data records' values {id: {contact field: value}}).
        Write values, read in batch per kind; links without data record (a bank
        account without bank) are left out."""
        Partner = self.env["res.partner"]
        for kind, links in self.sudo()._by_kind():
            field_map = Partner._contact_sync_field_map(kind.key, direction)
            if not field_map:
                continue
            sides = {}
            for link in links:
                record = link[kind.link_field]
                target = record[kind.data_path] if kind.data_path else record
                if target:
                    sides[link] = (link.contact_id, target)
            if not sides:
                continue
            ours = read_values_multi(links.contact_id, {cf: cf for cf in field_map})
            theirs = read_values_multi(links._data_records(kind), field_map)
            yield kind, sides, field_map, ours, theirs

    def _contact_sync_snapshot(self):
        """{link id: (the contact's values, the linked record's values)} of the
        links self on all their synchronized fields: what a realignment changed is
        what differs between two snapshots."""
        snapshot = {}
        for _kind, sides, field_map, ours, theirs in self._contact_sync_value_pairs():
            for link, (contact, target) in sides.items():
                snapshot[link.id] = tuple(
                    (ours[contact.id][cf], theirs[target.id][cf]) for cf in field_map
                )
        return snapshot

    def _contact_sync_differences(self):
        """One dict per (link of self, field synchronized both ways) whose values
        differ: ``link`` (contact.business.relation), ``contact_field``,
        ``linked_field`` (field names), ``contact_value``, ``linked_value`` (as
        ``read()`` returns them); in the order of the links, then of the fields.
        Read in batch per kind: a constant number of queries, none per link."""
        result = []
        for _kind, sides, both, ours, theirs in self._contact_sync_value_pairs("both"):
            found = [
                (link, contact, target, cfield)
                for link, (contact, target) in sides.items()
                for cfield in both
                if ours[contact.id][cfield] != theirs[target.id][cfield]
            ]
            if not found:
                continue
            contacts = self.env["res.partner"].union(*(f[1] for f in found))
            targets = found[0][2].union(*(f[2] for f in found))
            cfields = sorted({f[3] for f in found})
            contact_read = {row["id"]: row for row in contacts.read(cfields)}
            target_read = {
                row["id"]: row
                for row in targets.read(sorted({both[cf] for cf in cfields}))
            }
            for link, contact, target, cfield in found:
                lfield = both[cfield]
                result.append(
                    {
                        "link": link.with_env(self.env),
                        "contact_field": cfield,
                        "linked_field": lfield,
                        "contact_value": contact_read[contact.id][cfield],
                        "linked_value": target_read[target.id][lfield],
                    }
                )
        return result

    def _contact_sync_check(self):
        """The links of self whose contact and linked record differ on a field
        synchronized both ways; read in batch, per kind."""
        found = self._contact_sync_differences()
        return self.browse(list(dict.fromkeys(diff["link"].id for diff in found)))

    def action_view_differences(self):
        """The differences of the links self, checked now, in the Differences
        list."""
        Difference = self.env["contact.sync.difference"]
        Difference._contact_sync_record(self)
        return Difference._action_open(
            domain=[("link_id", "in", self.ids)],
            name=self.env._("Differences: %s", self[:1].display_name)
            if len(self) == 1
            else None,
        )

    # ------------------------------------------------------------------ chatter
    def _contact_label(self):
        contact = self.contact_id
        return (
            f"{contact.contact_no} {contact.name}"
            if contact.contact_no
            else contact.name
        )

    def _contact_sync_log_links(self, new_contacts=(), new_records=(), reused=()):
        """Say on both sides of the new links self what happened: the contact or the
        linked record created for the other, the vendor that is the customer too, or
        two existing records linked."""
        if self.env.context.get("tracking_disable") or self.env.context.get(
            "mail_create_nolog"
        ):
            return
        bodies = defaultdict(lambda: defaultdict(list))  # {model: {id: [text]}}
        for link in self:
            contact, record = link.contact_id, link._linked_record()
            kind = link._link_to_label(link.link_to)
            names = {
                "kind": kind,
                "kind_lower": kind.lower(),
                "record": record.display_name,
                "contact": link._contact_label(),
            }
            if contact in new_contacts:
                texts = (
                    self.env._(
                        "Created for the %(kind_lower)s %(record)s and linked with it.",
                        **names,
                    ),
                    self.env._("Contact %(contact)s created and linked.", **names),
                )
            elif record in new_records:
                texts = (
                    self.env._(
                        "%(kind)s %(record)s created from this contact and linked "
                        "with it.",
                        **names,
                    ),
                    self.env._(
                        "Created from the contact %(contact)s and linked with it.",
                        **names,
                    ),
                )
            elif record in reused:
                texts = (
                    self.env._(
                        "%(record)s, already linked with this contact, is its "
                        "%(kind_lower)s too.",
                        **names,
                    ),
                    self.env._(
                        "Linked as %(kind_lower)s with the contact %(contact)s too.",
                        **names,
                    ),
                )
            else:
                texts = (
                    self.env._(
                        "Linked with the existing %(kind_lower)s %(record)s.", **names
                    ),
                    self.env._(
                        "Linked with the existing contact %(contact)s.", **names
                    ),
                )
            bodies[contact._name][contact.id].append(texts[0])
            bodies[record._name][record.id].append(texts[1])
        self._contact_sync_log(bodies)

    def _contact_sync_log_removal(self, deleted):
        """Note on the surviving side of the links self that the other side,
        among the ``deleted`` records (partners, or bank accounts), is gone and
        that it is kept."""
        if self.env.context.get("tracking_disable"):
            return
        gone = {(record._name, record.id) for record in deleted}
        bodies = defaultdict(lambda: defaultdict(list))
        for link in self:
            contact, record = link.contact_id, link._linked_record()
            kind = link._link_to_label(link.link_to) if link.link_to else ""
            names = {
                "kind_lower": kind.lower(),
                "record": record.display_name,
                "contact": link._contact_label(),
            }
            contact_gone = (contact._name, contact.id) in gone
            # a bank account goes with its deleted holder
            record_gone = (record._name, record.id) in gone or (
                record._name != contact._name
                and (contact._name, record.partner_id.id) in gone
            )
            if contact_gone and record and not record_gone:
                bodies[record._name][record.id].append(
                    self.env._(
                        "The contact %(contact)s was deleted: this %(kind_lower)s is "
                        "kept and no longer synchronized with it.",
                        **names,
                    )
                )
            elif record_gone and not contact_gone:
                bodies[contact._name][contact.id].append(
                    self.env._(
                        "The %(kind_lower)s %(record)s was deleted: this contact is "
                        "kept and no longer synchronized with it.",
                        **names,
                    )
                )
        self._contact_sync_log(bodies)

    def _contact_sync_log(self, bodies):
        """Log ``bodies`` ({model: {id: [text]}}) as notes, one per record, in one
        batch per model."""
        for model, texts in bodies.items():
            records = self.env[model].sudo().browse(list(texts))
            records._message_log_batch(
                bodies={
                    rid: Markup("<br/>").join(lines) for rid, lines in texts.items()
                }
            )
