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
    def _cache_column(self, records, fname):
        """The cache values of ``fname`` for ``records``, in their order (ids for a
        many2one): fetched first where missing, with the prefetch set of
        ``records``, as ``records.mapped(fname)`` does. A batch read without a
        field access per record."""
        field = records._fields[fname]
        field.mapped(records)
        return records.env.cache.get_until_miss(records, field)

    @api.model
    def _read_values_multi(self, records, field_map):
        """``{id: {key: write value}}`` of ``records`` for ``field_map`` {key: fname},
        read in batch: each distinct value is converted once."""
        result = {record_id: {} for record_id in records._ids}
        for key, fname in field_map.items():
            field, converted = records._fields[fname], {}
            column = self._cache_column(records, fname)
            for record_id, value in zip(records._ids, column, strict=True):
                try:
                    result[record_id][key] = converted[value]
                except KeyError:
                    record = records.browse(record_id)
                    result[record_id][key] = converted[value] = field.convert_to_write(
                        field.convert_to_record(value, record), record
                    )
        return result

    @api.model
    def _contact_links(self, contacts):
        """The synchronizing links of ``contacts``: rows (link_to, contact id, partner
        id, bank id), and the partners to read together (None: those written).

        A batch searches its links at once. A contact alone, as each of several
        contacts written one at a time, reads those of its whole prefetch set
        through the ORM cache, once for all of them."""
        fnames = ["link_to", "contact_id", "partner_id", "bank_account_id"]
        if len(contacts) == 1:
            links = contacts.business_relation_ids
            partner_prefetch = links.partner_id._prefetch_ids
        else:
            links = (
                self.env["contact.business.relation"]
                .sudo()
                .search_fetch(
                    [("contact_id", "in", contacts.ids), ("link_to", "!=", False)],
                    fnames,
                )
            )
            partner_prefetch = None
        columns = [self._cache_column(links, fname) for fname in fnames]
        accounts = links.bank_account_id
        bank_of = dict(
            zip(accounts._ids, self._cache_column(accounts, "bank_id"), strict=True)
        )
        rows = [
            (link_to, contact_id, partner_id, bank_of.get(account_id))
            for link_to, contact_id, partner_id, account_id in zip(
                *columns, strict=True
            )
            if link_to
        ]
        return rows, partner_prefetch

    @api.model
    def _propagate(self, contact_values, visited, prefetch_ids=(), links=None):
        """Write ``contact_values`` ({contact id: {contact_field: value}}) to the
        contacts, then to everything linked to them; records in ``visited``
        ({(model, id)}) are sources and never written. ``prefetch_ids``: the
        contacts read together (by default those of ``contact_values``);
        ``links``: their ``_contact_links()``, when the caller has read them."""
        Partner = self.env["res.partner"].sudo()
        field_maps = {
            link_to: Partner._contact_sync_field_map(link_to)
            for link_to in (*PARTNER_KINDS, "bank_account")
        }
        pending = {cid: vals for cid, vals in contact_values.items() if vals}
        while pending:
            prefetch_ids = prefetch_ids or tuple(pending)
            self._write_grouped("res.partner", pending, visited, prefetch_ids)
            visited.update(("res.partner", contact_id) for contact_id in pending)
            rows, partner_prefetch = links or self._contact_links(
                Partner.browse(pending).with_prefetch(prefetch_ids)
            )
            targets = {"res.partner": defaultdict(dict), "res.bank": defaultdict(dict)}
            for link_to, contact_id, partner_id, bank_id in rows:
                if link_to in PARTNER_KINDS:
                    model, target_id = "res.partner", partner_id
                elif link_to == "bank_account" and bank_id:
                    model, target_id = "res.bank", bank_id
                else:
                    continue
                if contact_id not in pending or (model, target_id) in visited:
                    continue
                field_map = field_maps[link_to]
                targets[model][target_id].update(
                    (field_map[cfield], value)
                    for cfield, value in pending[contact_id].items()
                    if cfield in field_map
                )
            self._write_grouped(
                "res.partner", targets["res.partner"], visited, partner_prefetch
            )
            changed_banks = self._write_grouped(
                "res.bank", targets["res.bank"], visited
            )
            visited.update(
                (model, target_id)
                for model, values in targets.items()
                for target_id in values
            )
            pending = self._bank_contact_values(changed_banks, visited)
            prefetch_ids, links = (), None

    @api.model
    def _bank_contact_values(self, bank_fnames, visited):
        """Contact values ({contact id: values}) for the unvisited contacts of the
        accounts of the banks of ``bank_fnames`` ({bank id: bank fields that
        changed})."""
        if not bank_fnames:
            return {}
        bank_map = self.env["res.partner"]._contact_sync_field_map("bank_account")
        banks = self.env["res.bank"].sudo().browse(bank_fnames)
        bank_values = self._read_values_multi(banks, bank_map)
        links = (
            self.env["contact.business.relation"]
            .sudo()
            .search_fetch(
                [("bank_account_id.bank_id", "in", list(bank_fnames))],
                ["contact_id", "bank_account_id"],
            )
        )
        accounts = links.bank_account_id
        bank_of = dict(
            zip(accounts._ids, self._cache_column(accounts, "bank_id"), strict=True)
        )
        values = {}
        for contact_id, account_id in zip(
            self._cache_column(links, "contact_id"),
            self._cache_column(links, "bank_account_id"),
            strict=True,
        ):
            bank_id = bank_of[account_id]
            if ("res.partner", contact_id) not in visited:
                values[contact_id] = {
                    cfield: value
                    for cfield, value in bank_values[bank_id].items()
                    if bank_map[cfield] in bank_fnames[bank_id]
                }
        return values

    @api.model
    def _write_grouped(self, model, record_values, visited, prefetch_ids=()):
        """Write on each record of ``model`` in ``record_values`` ({id: {field:
        value}}) the values that differ from its own, one write per group of records
        receiving the same values; compared in batch, as the ORM compares what it
        writes. ``prefetch_ids``: the records read together (by default those
        written). Return {id: values written}."""
        Model = self.env[model].sudo()
        todo = defaultdict(list)  # {values: [ids]}
        for record_id, vals in record_values.items():
            if vals and (model, record_id) not in visited:
                todo[tuple(sorted(vals.items()))].append(record_id)
        if not todo:
            return {}
        prefetch_ids = prefetch_ids or tuple(
            record_id for ids in todo.values() for record_id in ids
        )
        cache, written = self.env.cache, defaultdict(dict)
        for items, ids in todo.items():
            records = Model.browse(ids).with_prefetch(prefetch_ids)
            for fname, value in items:
                field = Model._fields[fname]
                field.mapped(records)  # fetch what is missing, with the prefetch set
                cache_value = field.convert_to_cache(value, records)
                for record_id in cache.get_records_different_from(
                    records, field, cache_value
                )._ids:
                    written[record_id][fname] = value
        groups = defaultdict(list)
        for record_id, diff in written.items():
            groups[tuple(sorted(diff.items()))].append(record_id)
        for items, ids in groups.items():
            Model.browse(ids).with_context(**{SYNC_SKIP: tuple(ids)}).with_prefetch(
                prefetch_ids
            ).write(dict(items))
        return written
