# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Batch readers of the synchronization: the write values of records' fields, read
with the prefetch set of the records, never one query per record.

Plain functions over recordsets (the caller decides the environment): the engine,
the links, the creation of contacts and the invariants of the tests all read
synchronized values through them.
"""

from odoo.tools import html2plaintext, split_every

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


# types whose every value is one (False and 0 are values): never "empty"
_NEVER_EMPTY = frozenset({"boolean", "integer", "float", "monetary"})


def is_empty(field, value):
    """Whether the write value ``value`` of ``field`` is empty (nothing to keep): an
    empty value never replaces another in a realignment or a new link."""
    if field.type in _NEVER_EMPTY:
        return False
    if field.type in ("one2many", "many2many"):
        # [Command.set(ids)] or a list of ids
        return not any(
            (command[2] if isinstance(command, (list, tuple)) else command)
            for command in value or ()
        )
    return not value


def display_texts(records, fname):
    """``{id: text}``: the values of ``fname`` for ``records`` as a user reads them
    (a name rather than an id, a label rather than a key, the size of an image), in
    batch."""
    env = records.env
    field = records._fields[fname]
    if field.type == "binary":
        sized = records.with_context(bin_size=True)
        label = env._("Image (%s)") if "image" in fname else env._("File (%s)")
        return {
            record.id: label % record[fname] if record[fname] else ""
            for record in sized
        }
    if field.type == "boolean":
        return {
            record.id: env._("Yes") if record[fname] else env._("No")
            for record in records
        }
    if field.type in ("many2many", "one2many"):
        return {
            record.id: ", ".join(record[fname].mapped("display_name"))
            for record in records
        }
    if field.type == "html":
        return {
            record.id: html2plaintext(record[fname] or "").strip() for record in records
        }
    texts = {}
    for record in records:
        value = field.convert_to_export(record[fname], record)
        texts[record.id] = "" if value in ("", False, None) else str(value)
    return texts


def frozen(value):
    """``value`` made hashable, to group records by the values they receive: lists
    (the commands of a many2many's write value) as tuples, all the way down."""
    if isinstance(value, (list, tuple)):
        return tuple(frozen(item) for item in value)
    return value
