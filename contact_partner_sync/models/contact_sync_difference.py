# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, fields, models

from ..link_kinds import LINK_KINDS, LINK_TO_SELECTION
from ..notifications import notify_then
from ..readers import display_texts, read_values_multi


class ContactSyncDifference(models.Model):
    """A field synchronized both ways whose values differ between a contact and its
    linked record, as the last check or realignment of the link found it: the rows of
    the Differences list, where a user chooses which value both sides keep. Kept
    until the next check of the link, a choice, or the link's end."""

    _name = "contact.sync.difference"
    _description = "Synchronization Difference"
    _order = "link_id, sequence, id"
    _rec_name = "sync_field_id"

    job_id = fields.Many2one(
        "contact.sync.job",
        string="Found by",
        ondelete="cascade",
        index="btree_not_null",
        readonly=True,
    )
    link_id = fields.Many2one(
        "contact.business.relation",
        required=True,
        ondelete="cascade",
        index=True,
        readonly=True,
    )
    link_to = fields.Selection(
        LINK_TO_SELECTION, string="Kind", required=True, readonly=True
    )
    contact_id = fields.Many2one(
        "res.partner",
        required=True,
        ondelete="cascade",
        index=True,
        readonly=True,
    )
    linked_record = fields.Reference(
        selection="_selection_linked_record",
        compute="_compute_linked_record",
    )
    company_id = fields.Many2one("res.company", readonly=True)
    sync_field_id = fields.Many2one(
        "contact.sync.field",
        string="Field",
        required=True,
        ondelete="cascade",
        index=True,
        readonly=True,
    )
    sequence = fields.Integer(readonly=True)
    contact_field = fields.Char(required=True, readonly=True)
    linked_field = fields.Char(required=True, readonly=True)
    field_type = fields.Char(readonly=True)
    contact_value = fields.Char(string="Contact's Value", readonly=True)
    linked_value = fields.Char(string="Linked Record's Value", readonly=True)
    # images are shown as images, read from the records when displayed
    contact_image = fields.Binary(
        string="Contact's Image", compute="_compute_images", attachment=False
    )
    linked_image = fields.Binary(
        string="Linked Record's Image", compute="_compute_images", attachment=False
    )

    @api.model
    def _selection_linked_record(self):
        models_ = dict.fromkeys(kind.model for kind in LINK_KINDS.values())
        return [(model, self.env[model]._description) for model in models_]

    @api.depends("link_id")
    def _compute_linked_record(self):
        for row in self:
            record = row.link_id._linked_record()
            row.linked_record = f"{record._name},{record.id}" if record else False

    @api.depends("link_id", "contact_field", "linked_field", "field_type")
    def _compute_images(self):
        self.contact_image = self.linked_image = False
        by_field = defaultdict(list)  # {(contact field, linked field): rows}
        for row in self:
            if row.field_type == "binary":
                by_field[row.contact_field, row.linked_field].append(row)
        for (cfield, lfield), rows in by_field.items():
            for row in rows:
                link = row.link_id.sudo()
                row.contact_image = link.contact_id[cfield]
                row.linked_image = link._linked_data_record()[lfield]

    # ------------------------------------------------------------------ recording
    @api.model
    def _contact_sync_record(self, links, job=None):
        """Check the links ``links`` now and keep what differs as the rows of the
        Differences list, in place of their previous rows; ``job``: the check or
        realignment that found them. Return the new rows."""
        Difference = self.sudo()
        Difference.search([("link_id", "in", links.ids)]).unlink()
        found = links._contact_sync_differences()
        if not found:
            return self.browse()
        sync_fields = {
            (record.link_to, record.contact_field_id.name): record
            for record in self.env["contact.sync.field"]
            .sudo()
            .search([("link_to", "in", list({d["link"].link_to for d in found}))])
        }
        texts = self._contact_sync_texts(found)
        vals_list = []
        for diff in found:
            link = diff["link"].sudo()
            sync_field = sync_fields.get((link.link_to, diff["contact_field"]))
            if not sync_field:  # a field synchronized in code (an override)
                continue
            contact = link.contact_id
            target = link._linked_data_record()
            cfield, lfield = diff["contact_field"], diff["linked_field"]
            vals_list.append(
                {
                    "job_id": job.id if job else False,
                    "link_id": link.id,
                    "link_to": link.link_to,
                    "contact_id": contact.id,
                    # a shared contact's row goes with its linked record's company
                    "company_id": (
                        link.company_id or link._linked_record().company_id
                    ).id,
                    "sync_field_id": sync_field.id,
                    "sequence": sync_field.sequence,
                    "contact_field": cfield,
                    "linked_field": lfield,
                    "field_type": contact._fields[cfield].type,
                    "contact_value": texts[contact._name, contact.id, cfield],
                    "linked_value": texts[target._name, target.id, lfield],
                }
            )
        return Difference.create(vals_list).with_env(self.env)

    @api.model
    def _contact_sync_texts(self, found):
        """{(model, id, field): the value as a user reads it} of both sides of the
        differences ``found``, read in batch per model and field."""
        ids = defaultdict(set)  # {(model, field): ids}
        for diff in found:
            link = diff["link"].sudo()
            ids["res.partner", diff["contact_field"]].add(link.contact_id.id)
            target = link._linked_data_record()
            ids[target._name, diff["linked_field"]].add(target.id)
        texts = {}
        for (model, fname), record_ids in ids.items():
            records = self.env[model].sudo().browse(record_ids)
            for record_id, text in display_texts(records, fname).items():
                texts[model, record_id, fname] = text
        return texts

    # ------------------------------------------------------------------ choosing
    def action_use_contact_value(self):
        """Both sides keep the contact's value."""
        return self._contact_sync_apply("contact")

    def action_use_linked_value(self):
        """Both sides keep the linked record's value."""
        return self._contact_sync_apply("linked")

    def _contact_sync_apply(self, side):
        """Write the value of ``side`` ("contact" or "linked") of the rows self on
        the other side, as the user (the synchronization carries it on to the
        contact's other links), one write per record model, field and value; then
        check the links again."""
        rows = self.exists()
        if not rows:
            return False
        # {(source model, field, target model, field): [(source id, target id)]}
        pairs = defaultdict(list)
        for row in rows:
            link = row.link_id
            contact, data = link.contact_id, link._linked_data_record()
            if not data:
                continue
            ours = (contact, row.contact_field)
            theirs = (data, row.linked_field)
            (source, sfield), (target, tfield) = (
                (ours, theirs) if side == "contact" else (theirs, ours)
            )
            pairs[source._name, sfield, target._name, tfield].append(
                (source.id, target.id)
            )
        for (smodel, sfield, tmodel, tfield), ids in pairs.items():
            sources = self.env[smodel].browse([sid for sid, _tid in ids])
            values = read_values_multi(sources, {sfield: sfield})
            targets = defaultdict(list)  # {value key: (value, [target ids])}
            by_key = {}
            for sid, tid in ids:
                value = values[sid][sfield]
                key = repr(value)
                by_key[key] = value
                targets[key].append(tid)
            for key, target_ids in targets.items():
                self.env[tmodel].browse(target_ids).write({tfield: by_key[key]})
        # the links checked again: those of the rows, and the other listed links of
        # their contacts (a value written on a contact reaches all its links)
        count = len(rows)
        listed = rows | self.sudo().search([("contact_id", "in", rows.contact_id.ids)])
        # read before any row goes: {job id: link ids}
        link_ids = defaultdict(set)
        for row in listed:
            link_ids[row.job_id.id].add(row.link_id.id)
        Link, Job = self.env["contact.business.relation"], self.env["contact.sync.job"]
        remaining = self.browse()
        for job_id, ids in link_ids.items():
            remaining |= self._contact_sync_record(
                Link.browse(sorted(ids)).exists(), Job.browse(job_id) or None
            )
        message = self.env._("%s values copied: both sides now hold them.", count)
        if remaining:
            message = self.env._(
                "%(count)s values copied; the links still differ on %(left)s fields.",
                count=count,
                left=len(remaining),
            )
        return notify_then(message, {"type": "ir.actions.client", "tag": "soft_reload"})

    # ------------------------------------------------------------------ the list
    @api.model
    def _action_open(self, domain=None, name=None):
        """The Differences list, of the rows ``domain``."""
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "contact_partner_sync.contact_sync_difference_action"
        )
        if domain:
            action["domain"] = domain
        if name:  # the breadcrumb shows display_name
            action["name"] = action["display_name"] = name
        return action
