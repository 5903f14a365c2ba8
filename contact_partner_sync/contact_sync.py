# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
from collections import defaultdict

from odoo import api, models
from odoo.tools import split_every

from .const import PARTNER_KINDS, SYNC_SKIP

_logger = logging.getLogger(__name__)
# records per chunk of create_contacts(), see _create_contacts_in_chunks
BATCH_SIZE = 1000


def sync_skipped(records):
    """Whether this write of ``records`` is the synchronization's own, not propagated
    again. The SYNC_SKIP flag (True, or the ids the synchronization writes) counts for
    superuser writes only, never in the context a user sends; with ids, what Odoo
    writes on other records meanwhile (children, parents) is propagated."""
    flag = records.env.context.get(SYNC_SKIP)
    if not flag or not records.env.su:
        return False
    return flag is True or set(records.ids) <= set(flag)


class ContactPartnerSync(models.AbstractModel):
    """Propagation of the synchronized fields, the contact being the hub.

    Values travel in "contact field" space: ``{contact: {contact_field: value}}``. The
    contacts are written, then their linked customers, vendors and banks; a bank that
    changed carries the values on to the other contacts of its accounts. Every record is
    written at most once, only with the fields that differ, and records receiving the
    same values are written together, as superuser and with the SYNC_SKIP flag so that
    no write echoes back.
    """

    _name = "contact.partner.sync"
    _description = "Contact Synchronization"

    @api.model
    def _create_contacts_in_chunks(self, records, make_contacts):
        """``make_contacts(chunk)`` on chunks of ``records`` (customers / vendors or
        bank accounts); return all the contacts made. Large runs log their progress
        and keep the memory bounded: each chunk is flushed and dropped from the cache
        before the next one."""
        contact_ids, done, total = [], 0, len(records)
        for ids in split_every(BATCH_SIZE, records.ids):
            contact_ids += make_contacts(records.browse(ids)).ids
            done += len(ids)
            if total > BATCH_SIZE:
                records.env.flush_all()
                records.env.invalidate_all()
                _logger.info(
                    "create_contacts: %s/%s %s, %s contacts created",
                    done,
                    total,
                    records._name,
                    len(contact_ids),
                )
        return records.env["res.partner"].browse(contact_ids)

    @api.model
    def _read_values(self, record, field_map):
        """``{key: write value of record[fname]}`` for ``field_map`` {key: fname}."""
        return {
            key: record._fields[fname].convert_to_write(record[fname], record)
            for key, fname in field_map.items()
        }

    @api.model
    def _propagate(self, contact_values, visited):
        """Write ``contact_values`` ({contact: {contact_field: value}}) to the contacts,
        then to everything linked to them; records in ``visited`` ({(model, id)}) are
        sources and never written."""
        Partner = self.env["res.partner"].sudo()
        field_maps = {
            link_to: Partner._contact_sync_field_map(link_to)
            for link_to in (*PARTNER_KINDS, "bank_account")
        }
        pending = {
            contact.sudo(): vals for contact, vals in contact_values.items() if vals
        }
        while pending:
            self._write_grouped(pending, visited)
            visited.update(("res.partner", contact.id) for contact in pending)
            partner_values, bank_values = defaultdict(dict), defaultdict(dict)
            for contact, vals in pending.items():
                for link in contact.business_relation_ids:
                    if link.link_to in PARTNER_KINDS:
                        target, targets = link.partner_id, partner_values
                    elif (
                        link.link_to == "bank_account" and link.bank_account_id.bank_id
                    ):
                        target, targets = link.bank_account_id.bank_id, bank_values
                    else:
                        continue
                    if (target._name, target.id) in visited:
                        continue
                    field_map = field_maps[link.link_to]
                    targets[target].update(
                        {
                            field_map[cfield]: value
                            for cfield, value in vals.items()
                            if cfield in field_map
                        }
                    )
            self._write_grouped(partner_values, visited)
            changed_banks = self._write_grouped(bank_values, visited)
            visited.update(
                (record._name, record.id) for record in (*partner_values, *bank_values)
            )
            pending = self._bank_contact_values(changed_banks, visited)

    @api.model
    def _bank_contact_values(self, bank_fnames, visited):
        """Contact values for the unvisited contacts of the accounts of the banks of
        ``bank_fnames`` ({bank: bank fields that changed})."""
        if not bank_fnames:
            return {}
        bank_map = self.env["res.partner"]._contact_sync_field_map("bank_account")
        links = (
            self.env["contact.business.relation"]
            .sudo()
            .search([("bank_account_id.bank_id", "in", [b.id for b in bank_fnames])])
        )
        values = {}
        for link in links:
            bank = link.bank_account_id.bank_id
            field_map = {c: f for c, f in bank_map.items() if f in bank_fnames[bank]}
            if ("res.partner", link.contact_id.id) not in visited:
                values[link.contact_id] = self._read_values(bank, field_map)
        return values

    @api.model
    def _write_grouped(self, record_values, visited):
        """Write on each record of ``record_values`` ({record: {field: value}}) the
        values that differ from its own, one write per group of records receiving the
        same values. Return {record: values written}."""
        groups, written = defaultdict(list), {}
        for record, vals in record_values.items():
            if (record._name, record.id) in visited:
                continue
            current = self._read_values(record, {fname: fname for fname in vals})
            diff = {
                fname: value for fname, value in vals.items() if current[fname] != value
            }
            if diff:
                groups[tuple(sorted(diff.items()))].append(record.id)
                written[record] = diff
        if not groups:
            return written
        # what the writes read (children, users…) is read for all the records at
        # once: for a batch, prefetch all its records; for a single record, keep its
        # own prefetch set (the targets of the links read together), so that a caller
        # writing its records one by one does not cost a query per record
        first = next(iter(written))
        prefetch_ids = (
            first._prefetch_ids
            if len(written) == 1
            else tuple(record.id for record in written)
        )
        records = first.sudo()
        for items, ids in groups.items():
            records.browse(ids).with_context(**{SYNC_SKIP: tuple(ids)}).with_prefetch(
                prefetch_ids
            ).write(dict(items))
        return written
