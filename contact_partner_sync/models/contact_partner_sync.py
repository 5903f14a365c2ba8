# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
from collections import defaultdict
from itertools import islice

from odoo import api, models
from odoo.tools import SQL, ormcache, split_every

from ..compat import PREFETCH_MAX
from ..context_keys import SYNC_SKIP
from ..labels import partner_labels
from ..link_kinds import LINK_FIELD_INDEX, LINK_FIELDS, LINK_KINDS, LINKED_MODELS
from ..readers import column, frozen, is_empty, read_values_multi

_logger = logging.getLogger(__name__)
# records per chunk of create_contacts(), see _create_contacts_in_chunks
BATCH_SIZE = 1000
# cr.precommit.data key: {(model, id)} of the rows locked by this transaction (the
# data is cleared at commit, rollback and savepoints, as the locks may go with them)
LOCKED = "contact_partner_sync.locked"


def _group(groups, originals, values, record_id):
    """Add ``record_id`` to ``groups`` ({key of the values: [ids]}) under the key of
    ``values`` ({field: value}); a key made hashable (a many2many's list) maps back
    to the values in ``originals``."""
    key = tuple(sorted(values.items()))
    try:
        groups[key].append(record_id)
    except TypeError:
        originals[frozen(key)] = key
        groups[frozen(key)].append(record_id)


class SyncFields:
    """The synchronized fields of every link kind, by direction, derived once per
    registry from ``res.partner._contact_sync_field_map`` (see ``_sync_fields``).
    Shared: never modified."""

    __slots__ = (
        "contact_fnames",
        "data_fnames",
        "maps",
        "partner_fnames",
        "to_contact",
    )

    def __init__(self, to_linked, to_contact):
        # {link_to: {contact field: field of the kind's data model}}: the fields that
        # flow from the contact to its linked records, and those that flow back
        self.maps = to_linked
        self.to_contact = to_contact
        # the contact fields whose change reaches some linked record
        self.contact_fnames = frozenset(f for m in to_linked.values() for f in m)
        # the res.partner fields whose change is propagated (contacts, customers...)
        self.partner_fnames = self.contact_fnames | frozenset(
            lfield
            for link_to, field_map in to_contact.items()
            if LINK_KINDS[link_to].data_model == "res.partner"
            for lfield in field_map.values()
        )
        # {model: its fields that reach the contacts} of the kinds whose data is on
        # another record
        self.data_fnames = {}
        for link_to, field_map in to_contact.items():
            kind = LINK_KINDS[link_to]
            if kind.data_path:
                self.data_fnames[kind.data_model] = self.data_fnames.get(
                    kind.data_model, frozenset()
                ) | frozenset(field_map.values())

    def restricted(self, fnames):
        """{link_to: {contact field: linked field}} of the linked fields ``fnames``
        that flow to the contact."""
        return {
            link_to: {cf: lf for cf, lf in field_map.items() if lf in fnames}
            for link_to, field_map in self.to_contact.items()
        }


class SyncRun:
    """The state of one synchronization (one ``_synchronize()`` call), handed from
    step to step instead of each of its parts by hand."""

    __slots__ = ("links", "origins", "prefetch_ids", "sync_fields", "visited")

    def __init__(self, sync_fields):
        self.sync_fields = sync_fields
        # {(model, id)}: the sources and the records written, never written (again)
        self.visited = set()
        # {contact id: (model, id) of the record its values come from}, for the
        # chatter of the contacts written next
        self.origins = {}
        # the contacts read together (by default those being written), and their
        # _contact_links() when they were read already (else None)
        self.prefetch_ids = ()
        self.links = None

    def visit(self, model, ids):
        self.visited.update((model, id_) for id_ in ids)


class ContactPartnerSync(models.AbstractModel):
    """Propagation of the synchronized fields, the contact being the hub.

    Every caller (a write on a partner, a bank or a bank account, a new link, a merge)
    goes through ``_synchronize(sources, fnames)``. Values travel in "contact field"
    space: ``{contact id: {contact_field: value}}``. The contacts are written, then
    their linked customers, vendors and banks; a bank that changed carries the values on
    to the other contacts of its accounts. Every record is written at most once, only
    with the fields that differ, and records receiving the same values are written
    together, as superuser and with the SYNC_SKIP flag so that no write echoes back.
    Everything is read in batch with the prefetch set of the records written, so that
    records written one at a time read their links and counterparts once for all.

    Concurrency (PostgreSQL runs Odoo's transactions in REPEATABLE READ): before
    writing, a propagation locks the contacts it goes through (with the banks among
    their linked records first), so that concurrent propagations through one contact
    queue behind each other in one order instead of deadlocking; everything a
    propagation writes is linked to a contact it locked. Whatever creates, changes or
    removes a link touches both sides (``_lock(..., touch=True)``): a concurrent
    propagation to or from either side, which cannot see the new link, then writes or
    locks a row the other transaction changed and gets a serialization failure, and
    Odoo retries it on a snapshot where the link exists (or the other way round).
    """

    _name = "contact.partner.sync"
    _description = "Contact Synchronization"

    # ------------------------------------------------------------------ entry point
    @api.model
    def _synchronize(self, sources, fnames=None, sync_fields=None, non_empty=False):
        """Make every record synchronized with ``sources`` take their values of the
        synchronized ``fnames`` (all of them by default). ``sources``: contacts,
        customers / vendors (res.partner) or the records holding the data of another
        kind of link (res.bank), whose values are the truth; they are not written.
        ``sync_fields``: the ``_sync_fields()`` the caller has read already.
        ``non_empty``: each source carries its non-empty values only (where its
        value is empty, the records synchronized with it keep theirs)."""
        sources = sources.sudo()
        if not sources:
            return
        run = SyncRun(sync_fields or self._sync_fields())
        if sources._name == "res.partner":
            contact_values = self._partner_values(run, sources, fnames)
        else:
            data_fnames = run.sync_fields.data_fnames.get(sources._name, frozenset())
            fnames = data_fnames if fnames is None else data_fnames & set(fnames)
            run.visit(sources._name, sources.ids)
            contact_values = self._data_contact_values(
                run, sources._name, dict.fromkeys(sources.ids, fnames)
            )
        if non_empty:
            fields_ = self.env["res.partner"]._fields
            contact_values = {
                contact_id: {
                    cfield: value
                    for cfield, value in values.items()
                    if not is_empty(fields_[cfield], value)
                }
                for contact_id, values in contact_values.items()
            }
        if contact_values:
            self._propagate(run, contact_values)

    @api.model
    def _synchronize_non_empty(self, sources, fnames, sync_fields=None):
        """``_synchronize(sources, fnames)`` with the non-empty values of each
        source only: where a source's value is empty, the records synchronized with
        it keep theirs (a realignment, a new link: an empty value never replaces
        another). One run for all the sources."""
        if sources and fnames:
            self._synchronize(sources, list(fnames), sync_fields, non_empty=True)

    # ------------------------------------------------------------------ reading
    @api.model
    @ormcache()
    def _sync_fields(self):
        """The SyncFields of this registry (cleared with its caches): read once per
        write, not built again on every one."""
        Partner = self.env["res.partner"]
        return SyncFields(
            *(
                {
                    link_to: Partner._contact_sync_field_map(link_to, direction)
                    for link_to in LINK_KINDS
                }
                for direction in ("to_linked", "to_contact")
            )
        )

    @api.model
    def _partner_values(self, run, partners, fnames):
        """What the partners ``partners`` (contacts, customers, vendors) carry to the
        contacts ({contact id: values}); the partners are visited, and the contacts
        to read together (with their links, when read) noted in ``run``. Unlinked
        partners cost nothing: their stored link columns say so."""
        sync_fields = run.sync_fields
        contact_ids, linked = [], {}  # linked: {customer / vendor id: its contact id}
        for partner_id, is_contact, relation, contact_id in zip(
            partners._ids,
            column(partners, "is_contact"),
            column(partners, "contact_business_relation"),
            column(partners, "linked_contact_id"),
            strict=True,
        ):
            if is_contact and relation not in ("none", "other"):
                contact_ids.append(partner_id)
            elif not is_contact and contact_id:
                linked[partner_id] = contact_id
        contact_values = {}
        run.prefetch_ids = partners._prefetch_ids
        if contact_ids:
            contact_fnames = sync_fields.contact_fnames
            if fnames is not None:
                contact_fnames &= set(fnames)
            contact_values = read_values_multi(
                partners.browse(contact_ids),
                {fname: fname for fname in contact_fnames},
            )
            run.visit("res.partner", contact_ids)
        if linked:
            # a customer / vendor has one contact (customer and vendor links
            # included), whose links say which fields it shares
            sources = partners.browse(linked).with_prefetch(partners._prefetch_ids)
            synced = sync_fields.partner_fnames
            if fnames is not None:
                synced &= set(fnames)
            values = read_values_multi(sources, {f: f for f in synced})
            if contact_ids:
                run.prefetch_ids = tuple(contact_values) + tuple(set(linked.values()))
            elif len(sources) == 1:
                run.prefetch_ids = sources.linked_contact_id._prefetch_ids
            else:
                run.prefetch_ids = tuple(set(linked.values()))
            contacts = partners.browse(set(linked.values())).with_prefetch(
                run.prefetch_ids
            )
            links = self._contact_links(contacts)
            field_maps = sync_fields.restricted(synced)
            for link_to, contact_id, _model, target_id in links[0]:
                if target_id in values and LINK_KINDS[link_to].data_path is None:
                    contact_values.setdefault(contact_id, {}).update(
                        (cfield, values[target_id][lfield])
                        for cfield, lfield in field_maps[link_to].items()
                    )
                    run.origins[contact_id] = ("res.partner", target_id)
            run.visit("res.partner", linked)
            # with contacts among the partners, the links of all are read together
            run.links = None if contact_ids else links
        return contact_values

    @api.model
    def _contact_links(self, contacts):
        """The synchronizing links of ``contacts``: rows (link_to, contact id, model
        and id of the record holding the linked data), and the partners to read
        together (None: those written).

        A batch reads its links at once, as groups: their records are not needed,
        their columns are (nothing is fetched into the cache; a many2one value
        comes as a record of its own, not read through a record of the link). A
        contact alone, as each of several contacts written one at a time, reads
        those of its whole prefetch set through the ORM cache, once for all of
        them."""
        Link = self.env["contact.business.relation"]
        if len(contacts._ids) == 1:
            links = contacts.business_relation_ids
            partner_prefetch = links.partner_id._prefetch_ids
            found = zip(
                column(links, "link_to"),
                [contacts.id] * len(links._ids),  # all of them its own
                column(links, "sync_active"),
                *(column(links, fname) for fname in LINK_FIELDS),
                strict=True,
            )
        else:
            partner_prefetch = None
            found = (
                (link_to, contact.id, True, *[record.id for record in linked])
                for link_to, contact, *linked in Link.sudo()._read_group(
                    [
                        ("contact_id", "in", contacts.ids),
                        ("link_to", "!=", False),
                        ("sync_active", "=", True),
                    ],
                    ["link_to", "contact_id", *LINK_FIELDS],
                )
            )
        rows, via = [], defaultdict(list)  # via: {link_to: [(row, linked id)]}
        for link_to, contact_id, enabled, *linked_ids in found:
            if not link_to or not enabled:  # a paused link propagates nothing
                continue
            kind = LINK_KINDS[link_to]
            record_id = linked_ids[LINK_FIELD_INDEX[link_to]]
            if not record_id:
                continue
            if kind.data_path:  # the data is on a record of the linked one (bank)
                via[link_to].append((len(rows), record_id))
            rows.append((link_to, contact_id, kind.data_model, record_id))
        for link_to, pairs in via.items():
            kind = LINK_KINDS[link_to]
            model = Link._fields[kind.link_field].comodel_name
            records = self.env[model].sudo().browse(id_ for _row, id_ in pairs)
            for (row, _id), target_id in zip(
                pairs, column(records, kind.data_path), strict=True
            ):
                rows[row] = rows[row][:3] + (target_id,)
        return [row for row in rows if row[3]], partner_prefetch

    @api.model
    def _data_contact_values(self, run, model, changed):
        """Contact values ({contact id: values}) for the contacts not visited by
        ``run`` linked, through a kind whose data lives on ``model`` (res.bank), to
        the records of ``changed`` ({record id: fields of it that changed}); where
        their values come from is noted in ``run.origins``."""
        if not changed:
            return {}
        Link = self.env["contact.business.relation"].sudo()
        records = self.env[model].sudo().browse(changed)
        values = {}
        for link_to, field_map in run.sync_fields.to_contact.items():
            kind = LINK_KINDS[link_to]
            if kind.data_model != model or not kind.data_path:
                continue
            record_values = read_values_multi(records, field_map)
            path = f"{kind.link_field}.{kind.data_path}"
            links = Link.search_fetch(
                [
                    ("link_to", "=", link_to),
                    (path, "in", list(changed)),
                    ("sync_active", "=", True),
                ],
                ["contact_id", kind.link_field],
            )
            for link in links:
                contact_id = link.contact_id.id
                record_id = link[kind.link_field][kind.data_path].id
                if ("res.partner", contact_id) not in run.visited:
                    run.origins[contact_id] = (model, record_id)
                    values[contact_id] = {
                        cfield: value
                        for cfield, value in record_values[record_id].items()
                        if field_map[cfield] in changed[record_id]
                    }
        return values

    # ------------------------------------------------------------------ writing
    @api.model
    def _propagate(self, run, contact_values):
        """Write ``contact_values`` ({contact id: {contact_field: value}}) to the
        contacts, then to everything linked to them; the records ``run`` visited are
        sources and never written."""
        Partner = self.env["res.partner"].sudo()
        field_maps = run.sync_fields.maps
        pending = {cid: vals for cid, vals in contact_values.items() if vals}
        while pending:
            prefetch_ids = run.prefetch_ids or tuple(pending)
            rows, partner_prefetch = run.links or self._contact_links(
                Partner.browse(pending).with_prefetch(prefetch_ids)
            )
            self._lock_contacts(pending, prefetch_ids, rows)
            if any(("res.partner", cid) not in run.visited for cid in pending):
                self._write_grouped(
                    run, "res.partner", pending, prefetch_ids, run.origins
                )
            targets = defaultdict(lambda: defaultdict(dict))  # {model: {id: values}}
            from_contact = {}  # {target id: ("res.partner", its contact id)}
            for link_to, contact_id, model, target_id in rows:
                if contact_id not in pending or (model, target_id) in run.visited:
                    continue
                from_contact[target_id] = ("res.partner", contact_id)
                field_map = field_maps[link_to]
                targets[model][target_id].update(
                    (field_map[cfield], value)
                    for cfield, value in pending[contact_id].items()
                    if cfield in field_map
                )
            self._write_grouped(
                run,
                "res.partner",
                targets.pop("res.partner", {}),
                partner_prefetch,
                from_contact,
            )
            # the next wave: the contacts of the banks written
            pending, run.origins = {}, {}
            run.prefetch_ids, run.links = (), None
            for model, values in targets.items():
                changed = self._write_grouped(run, model, values, (), from_contact)
                pending.update(self._data_contact_values(run, model, changed))

    # ------------------------------------------------------------------ locking
    @api.model
    def _lock(self, *recordsets, touch=False):
        """Lock the rows of ``recordsets`` until the end of the transaction, in the
        order given (each recordset by id), one query per table. Every caller passes
        them in the order of the synchronization: the records holding the data of
        other kinds of links (banks, which several contacts may share), the
        contacts, their customers / vendors, their other linked records (bank
        accounts). Everything a propagation writes is reached from contacts it
        locked first: transactions locking rows this way queue behind each other
        instead of deadlocking. Rows this transaction locked, created or wrote
        already are left as they are: no other transaction can hold them.

        ``touch``: also give every row a new version (an UPDATE to its own values): a
        concurrent transaction that writes or locks one of them afterwards gets a
        serialization failure, as if both had written it, and is retried by Odoo."""
        cr = self.env.cr
        locked = cr.precommit.data.setdefault(LOCKED, set())
        tables = {}  # {model: [ids of each recordset]}, in the order to lock them
        for records in recordsets:
            model = records._name
            levels = tables.setdefault(model, [])
            seen = {id_ for ids in levels for id_ in ids}
            levels.append(
                sorted(
                    {
                        id_
                        for id_ in records._ids
                        if isinstance(id_, int)
                        and id_ not in seen
                        and (touch or (model, id_) not in locked)
                    }
                )
            )
        for model, levels in tables.items():
            ids = [id_ for level in levels for id_ in level]
            if not ids:
                continue
            table = SQL.identifier(self.env[model]._table)
            # rows this transaction created or wrote: no other one can hold them
            mine = SQL("AND row.xmin <> pg_current_xact_id()::xid")
            if sum(1 for level in levels if level) == 1:
                rows = SQL(
                    """SELECT row.id FROM %s AS row WHERE row.id = ANY(%s) %s
                     ORDER BY row.id FOR NO KEY UPDATE""",
                    table,
                    ids,
                    mine,
                )
            else:  # several recordsets of one table: in their order
                rows = SQL(
                    """SELECT row.id FROM %s AS row
                         JOIN unnest(%s::int4[]) WITH ORDINALITY AS todo(id, n)
                           ON todo.id = row.id %s
                     ORDER BY todo.n FOR NO KEY UPDATE OF row""",
                    table,
                    ids,
                    mine,
                )
            if touch:
                rows = SQL(
                    """UPDATE %(table)s SET write_date = %(table)s.write_date
                         FROM (%(rows)s) AS locked WHERE %(table)s.id = locked.id""",
                    table=table,
                    rows=rows,
                )
            cr.execute(rows)
            locked.update((model, id_) for id_ in ids)

    @api.model
    def _touch(self, data, contacts, linked):
        """Touch both sides of links about to be created, changed or removed, in the
        lock order of ``_lock()``: ``data`` (recordsets of the records holding
        linked data: banks), the ``contacts``, then ``linked`` (recordsets of linked
        records: customers / vendors before bank accounts). A concurrent
        propagation to or from either side then conflicts with this transaction
        and is retried by Odoo on a snapshot where the change is done."""
        order = {model: n for n, model in enumerate(LINKED_MODELS)}
        self._lock(
            *data,
            contacts.sudo(),
            *sorted(
                (records.sudo() for records in linked), key=lambda r: order[r._name]
            ),
            touch=True,
        )

    @api.model
    def _lock_contacts(self, contact_ids, prefetch_ids, rows):
        """Lock the contacts ``contact_ids`` about to be propagated, and first the
        records holding the data of their links (banks, which several contacts may
        share) among ``rows`` (``_contact_links()``). A contact written alone locks
        the contacts of its prefetch set with it (up to PREFETCH_MAX, with their
        banks, whose links the ORM read together), so that contacts written one at
        a time cost one query, not one each."""
        locked = self.env.cr.precommit.data.get(LOCKED, ())
        data = defaultdict(list)
        for _link_to, contact_id, model, target_id in rows:
            if model != "res.partner" and contact_id in contact_ids:
                data[model].append(target_id)
        if all(
            (model, id_) in locked for model, ids in data.items() for id_ in ids
        ) and all(("res.partner", cid) in locked for cid in contact_ids):
            return
        Partner = self.env["res.partner"].sudo()
        extra = Partner
        if len(contact_ids) == 1:
            extra = Partner.browse(
                islice(
                    (
                        id_
                        for id_ in prefetch_ids
                        if id_ not in contact_ids and ("res.partner", id_) not in locked
                    ),
                    PREFETCH_MAX,
                )
            ).with_prefetch(prefetch_ids)
        self._lock(
            *extra.business_relation_ids._contact_sync_data_records(
                *(self.env[model].browse(ids) for model, ids in data.items())
            ),
            Partner.browse(contact_ids) | extra,
        )

    @api.model
    def _write_grouped(self, run, model, record_values, prefetch_ids=(), origins=None):
        """Write on each record of ``model`` in ``record_values`` ({id: {field:
        value}}) that ``run`` did not visit the values that differ from its own, one
        write per group of records receiving the same values; compared in batch.
        ``prefetch_ids``: the records read together (by default those written);
        ``origins``: {id: (model, id) of the record its values come from}, named in
        Odoo's tracking message of the record written. Return {id: values
        written}."""
        Model = self.env[model].sudo()
        todo = defaultdict(list)  # {values: [ids]}
        # {hashable key: the values}, where a value is a list (a many2many's)
        originals = {}
        for record_id, vals in record_values.items():
            if vals and (model, record_id) not in run.visited:
                _group(todo, originals, vals, record_id)
        run.visit(model, record_values)
        if not todo:
            return {}
        prefetch_ids = prefetch_ids or tuple(
            record_id for ids in todo.values() for record_id in ids
        )
        written = defaultdict(dict)
        for key, ids in todo.items():
            records = Model.browse(ids).with_prefetch(prefetch_ids)
            for fname, value in originals.get(key, key):
                for record_id, current in zip(ids, column(records, fname), strict=True):
                    if current != value:
                        written[record_id][fname] = value
        groups = defaultdict(list)
        for record_id, diff in written.items():
            _group(groups, originals, diff, record_id)
        if origins:
            self._track_origins(Model, written, origins)
        for key, ids in groups.items():
            records = Model.browse(ids).with_context(**{SYNC_SKIP: tuple(ids)})
            if len(ids) <= PREFETCH_MAX:
                # a large group prefetches itself, by chunks as the ORM iterates it
                records = records.with_prefetch(prefetch_ids)
            records.write(dict(originals.get(key, key)))
        return written

    @api.model
    def _track_origins(self, Model, written, origins):
        """Name in Odoo's tracking message of the records of ``Model`` about to be
        written (``written``: {id: values}) where their values come from
        (``origins``: {id: (model, id)}): the changes it lists are "Synchronized
        from <record>". Only for records whose tracked fields change, which Odoo
        posts that message for anyway; no message of its own, no query per
        record."""
        if not hasattr(Model, "_track_set_log_message") or self.env.context.get(
            "tracking_disable"
        ):
            return
        tracked = Model._track_get_fields()
        origins = {
            record_id: origins[record_id]
            for record_id, values in written.items()
            if origins.get(record_id) and not tracked.isdisjoint(values)
        }
        ids_by_model = defaultdict(set)
        for model, origin_id in origins.values():
            ids_by_model[model].add(origin_id)
        template = self.env._("Synchronized from %s")
        bodies = {}
        for model, ids in ids_by_model.items():
            records = self.env[model].sudo().browse(ids)
            labels = partner_labels(records) if model == "res.partner" else {}
            for record in records:
                label = labels.get(record)
                name = record.display_name
                bodies[model, record.id] = template % (
                    f"{name} ({label})" if label else name
                )
        targets = defaultdict(list)  # {body: [ids]}
        for record_id, origin in origins.items():
            targets[bodies[origin]].append(record_id)
        for body, ids in targets.items():
            Model.browse(ids)._track_set_log_message(body)

    # ------------------------------------------------------------------ new links
    @api.model
    def _align_new_links(self, links, master, fill_empty=False):
        """Bring both sides of the new ``links`` in line, in batch: the side
        ``master`` ("contact" or "linked") wins on the fields that flow from it.
        ``fill_empty``: the other side first fills the master's empty values. An
        empty value of the master never replaces the other side's."""
        if master not in ("contact", "linked"):
            raise ValueError(master)
        sync_fields = self._sync_fields()
        for kind, kind_links in links.sudo()._by_kind():
            pairs = [
                (link.contact_id, link._linked_data_record()) for link in kind_links
            ]
            pairs = [pair if master == "contact" else pair[::-1] for pair in pairs]
            pairs = [(ours, theirs) for ours, theirs in pairs if ours and theirs]
            if not pairs:
                continue
            masters = pairs[0][0].browse(dict.fromkeys(ours.id for ours, _t in pairs))
            others = pairs[0][1].browse(
                dict.fromkeys(theirs.id for _o, theirs in pairs)
            )
            to_linked = sync_fields.maps[kind.key]
            if master == "contact":
                flow = set(to_linked)
                fill_map = sync_fields.to_contact[kind.key]
            else:
                flow = set(sync_fields.to_contact[kind.key].values())
                fill_map = {lfield: cfield for cfield, lfield in to_linked.items()}
            if fill_empty and fill_map:
                own = read_values_multi(masters, {fname: fname for fname in fill_map})
                other = read_values_multi(others, fill_map)
                fill, origins = {}, {}
                for ours, theirs in pairs:
                    values = {
                        fname: value
                        for fname, value in other[theirs.id].items()
                        if value and not own[ours.id][fname]
                    }
                    if values:
                        fill[ours.id] = values
                        origins[ours.id] = (theirs._name, theirs.id)
                run = SyncRun(sync_fields)
                for values in self._write_grouped(
                    run, masters._name, fill, (), origins
                ).values():
                    flow.update(values)
            self._synchronize_non_empty(masters, flow, sync_fields)

    # ------------------------------------------------------------------ batches
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
