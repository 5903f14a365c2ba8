# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Batch readers of the synchronization: the write values of records' fields, read
with the prefetch set of the records, never one query per record.

Plain functions over recordsets (the caller decides the environment): the engine,
the links, the creation of contacts and the invariants of the tests all read
synchronized values through them.
"""

from odoo.tools import split_every

from .compat import PREFETCH_MAX


def column(records, fname):
    """The write values of ``fname`` for ``records``, in their order, read in batch
    with the prefetch set of ``records``; over PREFETCH_MAX records, by chunks that
    prefetch themselves, as the ORM iterates a large recordset (where the ORM reads a
    missing value, it looks for the other missing ones from the start of the
    prefetch set: a large one would be scanned again at every chunk of records
    read)."""
    size = len(records._ids)
    if size > PREFETCH_MAX:
        return [
            value
            for ids in split_every(PREFETCH_MAX, records._ids)
            for value in column(records.browse(ids), fname)
        ]
    field = records._fields[fname]
    if size == 1:  # a record written alone: its field, no iteration
        value = records[fname]
        if field.type == "many2one":
            return [value.id]
        return [field.convert_to_write(value, records) if field.relational else value]
    if field.type == "many2one":
        return [record[fname].id for record in records]
    if field.relational:
        return [field.convert_to_write(record[fname], record) for record in records]
    return records.mapped(fname)


def read_values_multi(records, field_map):
    """``{id: {key: write value}}`` of ``records`` for ``field_map`` {key: fname},
    read in batch."""
    result = {record_id: {} for record_id in records._ids}
    for key, fname in field_map.items():
        for record_id, value in zip(records._ids, column(records, fname), strict=True):
            result[record_id][key] = value
    return result


def read_values(record, field_map):
    """``{key: write value of record[fname]}`` for ``field_map`` {key: fname}."""
    return read_values_multi(record, field_map)[record.id]
