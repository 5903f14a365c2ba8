"""Load test: many users at once through real Odoo workers.

A database with a population (contacts linked to customers, vendors and bank
accounts, some banks shared by several contacts, unlinked customers, vendors, bank
accounts and contacts) is served by Odoo in prefork mode on loopback (``--workers=3
--max-cron-threads=0 --limit-time-real=120``); N clients (default 8) call it through
Odoo's external API (JSON-RPC ``/jsonrpc``, ``execute_kw``, as admin) for a bounded time
(default 75 s), each drawing its next request from a mix of:

- synchronized writes of one record on every side: contacts, customers, vendors, the
  banks of linked bank accounts;
- batch writes of 20-25 contacts or customers;
- creates (customers and vendors, which get their contact; bank accounts, at a new or
  an existing bank; plain contacts), links (``link_customer`` / ``link_vendor`` /
  ``link_bank_account``, either master), creations from contacts
  (``create_customer`` / ``create_vendor`` / ``create_bank_account``),
  ``create_contacts()`` of 2-10 customers, vendors or bank accounts, bank changes of
  linked accounts, deletes (contacts, customers, bank accounts, links);
- targeted races: a link (or a creation from a contact) and a write that reaches the
  same contact (on the contact, or on another of its linked records) sent at the same
  moment from two connections; once both answered, the contact and its new linked
  record are read in one request and compared.

First, the baseline: plain Odoo under the same load. The same clients, for the same
duration, on a server of their own, with the codes unset, send the same mix to a
population of plain partners that stands for the linked one (``populate_plain``: for
each linked contact a plain company, a customer, a vendor for two thirds, a bank
account for half; nothing linked, nothing synchronized); the requests plain Odoo has no
equivalent of (links, creations from contacts, ``create_contacts()``, races) read the
records they would have touched instead. ``--no-baseline`` skips it.

Optionally, half-way through the run, one busy HTTP worker is killed (SIGKILL,
``--kill-worker``; Odoo's prefork server starts another), or PostgreSQL is restarted
(``--restart-postgres``: ``pg_ctl`` stop, ``--pg-down`` seconds, start; only the
private cluster of ``.local/postgres`` that ``tools/dev.sh`` makes, never a server
given by PGHOST: the tool refuses to run otherwise). Requests that fail while a fault
is going on (from the fault to ``--fault-window`` seconds after it ends) are counted
apart.

At the end the server is stopped and the database checked by an Odoo environment of
this process with ``tests/invariants.py`` (every link valid, every linked record
carries its contact's values, no duplicate, the stored link fields right, nothing
disappeared but what the clients deleted). The tool prints the requests ok / refused
(``UserError``, ``ValidationError``, ``MissingError``: answers to stale choices of the
clients) / failed per kind of request with their p50 / p95 latency, Odoo's retries of
serialization failures and deadlocks (from the server's log), the races and the
violations, for the baseline and the addon; then the failed requests per kind of
request of both side by side, and the retries per request of both.

    python tools/load.py -c .local/odoo-19.0.conf [-d DB] [--clients 8] [--duration 75]
        [--population 600] [--kill-worker | --restart-postgres] [--no-baseline]
        [--port PORT] [--keep]

(``make load`` / ``tools/dev.sh load [options]`` run it with the project's virtualenv
and configuration.) The database (default ``contact_partner_sync_load_19``, ``_18`` on
18.0) is created with the addon and no demo data, or updated when it exists (the
population is then reused), and dropped at the end unless ``--keep``. The server's
log is written next to the configuration (``.local/load-DB.log``).

Exit status 1 when a request failed outside the fault windows that the baseline does
not account for (a failure other than Odoo's exhausted retries of a concurrency
failure, or a kind of request failing at a higher rate than on plain Odoo; without the
baseline, any failure), a race ended with the two sides different, or an invariant is
broken.
"""

import argparse
import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
from collections import Counter, defaultdict

import psutil

import odoo
from odoo import SUPERUSER_ID, api

from harness import (
    ADDON,
    EXIT_FAILED,
    EXIT_OK,
    EXIT_REFUSED,
    ROOT,
    Server,
    add_server_arguments,
    argument_parser,
    beside_config,
    execute_kw_args,
    jsonrpc,
    parse_odoo_config,
    parse_server_arguments,
    run_on_database,
    server_children,
    set_codes,
)

NAME = "Load"  # the names of the population
PLAIN = "Plain"  # the names of the baseline's population: plain partners
SERVER_OPTIONS = ("--workers=3", "--max-cron-threads=0", "--limit-time-real=120")
REFUSED = {
    "odoo.exceptions.UserError",
    "odoo.exceptions.ValidationError",
    "odoo.exceptions.MissingError",
    "odoo.exceptions.RedirectWarning",
}
FAILED_PAUSE = 0.5  # seconds a client waits after a failed request, as a user would
CITIES = ("Helsinki", "Turku", "Tampere", "Oulu", "Espoo", "Vaasa", "Lahti", "Pori")
# the request mix: (kind of request, weight)
MIX = (
    ("write contact", 14),
    ("write customer", 10),
    ("write vendor", 7),
    ("write bank", 6),
    ("batch write contacts", 5),
    ("batch write customers", 4),
    ("create customer", 4),
    ("create vendor", 2),
    ("create bank account", 2),
    ("create contact", 2),
    ("link", 6),
    ("create from contact", 4),
    ("create_contacts", 2),
    ("bank change", 2),
    ("delete", 4),
    ("race", 5),
)
# the baseline (plain Odoo): the requests plain Odoo has keep their weights; those
# it has no equivalent of read the records they would have touched instead
ADDON_ONLY = {"link", "create from contact", "create_contacts", "race"}
PLAIN_MIX = tuple(
    ("plain read" if kind in ADDON_ONLY else kind, weight) for kind, weight in MIX
)
# what the baseline's failures are compared on: Odoo's retries exhausted
CONCURRENCY_ERRORS = ("SerializationFailure", "DeadlockDetected", "TransactionRollback")
KINDS = ("customer", "vendor", "bank_account")
# the synchronized fields the races compare: contact field -> field of the other side
RACE_FIELDS = {
    "customer": {f: f for f in ("name", "phone", "city", "email")},
    "vendor": {f: f for f in ("name", "phone", "city", "email")},
    "bank_account": {f: f for f in ("name", "phone", "city", "email")},
}


class NothingToDo(Exception):
    """No record fits the request drawn: another one is drawn."""


def record_ids(value):
    """The ids of a recordset as the external API returns it (its repr, e.g.
    ``res.partner(12, 13)``), or of an id."""
    if isinstance(value, int):
        return [value]
    if isinstance(value, list):
        return value
    return [int(i) for i in re.findall(r"\d+", str(value).split("(", 1)[-1])]


# ----------------------------------------------------------------------------- database
def partner_values(rng, i):
    """The values of the ``i``-th company of a population."""
    return {
        "is_company": True,
        "phone": f"+358 40 {i:07d}",
        "city": rng.choice(CITIES),
        "email": f"load{i}@example.com",
    }


def populate(registry, n, rng):
    """The population of ``n`` linked contacts (made once; reused afterwards)."""
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        Partner = env["res.partner"]
        if Partner.search_count([("name", "=like", f"{NAME} Oy %")]):
            print("population: reused (the database has it)")
            set_codes(env.ref("base.main_company"), on=True)
            return
        start = time.perf_counter()
        holder = env.company.partner_id

        def values(i):
            return partner_values(rng, i)

        # the unlinked records, made before the codes are set (no contacts)
        set_codes(env.ref("base.main_company"), on=False)
        Partner.create(
            [
                dict(values(i), name=f"{NAME} Customer {i}", customer_rank=1)
                for i in range(n // 2)
            ]
        )
        Partner.create(
            [
                dict(values(i), name=f"{NAME} Vendor {i}", supplier_rank=1)
                for i in range(n // 2)
            ]
        )
        own_vendors = Partner.create(
            [
                dict(values(i), name=f"{NAME} Own Vendor {i}", supplier_rank=1)
                for i in range(n // 3)
            ]
        )
        banks = env["res.bank"].create(
            [
                {"name": f"{NAME} Bank {i}", "phone": f"+358 9 {i:07d}"}
                for i in range(n // 4)
            ]
        )
        env["res.partner.bank"].create(
            [
                {
                    "acc_number": f"LOADU{i:06d}",
                    "partner_id": holder.id,
                    "bank_id": bank.id,
                }
                for i, bank in enumerate(banks)
            ]
        )
        set_codes(env.ref("base.main_company"), on=True)
        Partner.create(
            [
                {"name": f"{NAME} Free {i}", "is_contact": True, "is_company": True}
                for i in range(n // 5)
            ]
        )
        cr.commit()
        # the linked contacts: a customer each; a vendor for two thirds (the same
        # partner or one of its own); a bank account for half, at a bank of its own
        # but for a few banks shared by three contacts each
        contacts = Partner.create(
            [dict(values(i), name=f"{NAME} Oy {i}", is_contact=True) for i in range(n)]
        )
        own = iter(own_vendors)
        for i, contact in enumerate(contacts):
            contact.create_customer()
            if i % 3 == 1:
                contact.create_vendor()
            elif i % 3 == 2:
                contact.link_vendor(next(own), master="contact")
            if i % 2 == 0:
                shared = i % 40 == 0 and i < 360
                bic = f"LOADSH{i // 120}" if shared else None
                contact.create_bank_account(f"LOAD{i:06d}", bic=bic)
            if i % 100 == 99:
                cr.commit()
                print(f"  {i + 1}/{n} contacts linked", flush=True)
        env.flush_all()
        cr.execute("ANALYZE res_partner, contact_business_relation, res_partner_bank")
        cr.commit()
        print(f"population: made in {time.perf_counter() - start:.0f} s")


def populate_plain(registry, n, rng):
    """The baseline's population (made once): for each of the ``n`` linked contacts
    of ``populate()``, the same records as plain partners, made with the codes
    unset (no contact, no link): a company standing for the contact, a customer, a
    vendor for two thirds (the customer itself, or a partner of its own), a bank
    account of the company at a bank of its own for half. ``ref`` pairs them
    (PLAIN-A-i the contact's stand-in, PLAIN-B-i the customer, PLAIN-V-i an own
    vendor), the account number PLAINi."""
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        Partner = env["res.partner"]
        if Partner.search_count([("ref", "=like", "PLAIN-A-%")]):
            print("baseline population: reused (the database has it)")
            return
        start = time.perf_counter()
        company = env.ref("base.main_company")
        set_codes(company, on=False)
        # (face, name, indexes, ranks): the contact's stand-in, the customer (a vendor
        # too for a third), an own vendor for another third
        faces = (
            ("A", "Oy", range(n), lambda i: {}),
            (
                "B",
                "Oy",
                range(n),
                lambda i: {"customer_rank": 1, "supplier_rank": int(i % 3 == 1)},
            ),
            ("V", "Own Vendor", range(2, n, 3), lambda i: {"supplier_rank": 1}),
        )
        for face, name, indexes, ranks in faces:
            Partner.create(
                [
                    dict(
                        partner_values(rng, i),
                        name=f"{PLAIN} {name} {i}",
                        ref=f"PLAIN-{face}-{i}",
                        **ranks(i),
                    )
                    for i in indexes
                ]
            )
        halves = range(0, n, 2)
        banks = env["res.bank"].create(
            [{"name": f"{PLAIN} Bank {i}", "phone": f"+358 9 {i:07d}"} for i in halves]
        )
        env["res.partner.bank"].create(
            [
                {
                    "acc_number": f"PLAIN{i:06d}",
                    "partner_id": env.company.partner_id.id,
                    "bank_id": bank.id,
                }
                for i, bank in zip(halves, banks, strict=True)
            ]
        )
        set_codes(company, on=True)
        env.flush_all()
        cr.execute("ANALYZE res_partner, res_partner_bank, res_bank")
        cr.commit()
        print(f"baseline population: made in {time.perf_counter() - start:.0f} s")


def population_counts(cr):
    cr.execute(
        """SELECT (SELECT count(*) FROM res_partner WHERE is_contact AND active),
                  (SELECT count(*) FROM contact_business_relation WHERE link_to
                    IS NOT NULL),
                  (SELECT count(*) FROM res_partner
                    WHERE is_contact IS NOT TRUE AND active
                      AND (customer_rank > 0 OR supplier_rank > 0)),
                  (SELECT count(*) FROM res_partner_bank WHERE active),
                  (SELECT count(*) FROM res_bank)"""
    )
    return dict(
        zip(
            ("contacts", "links", "customers/vendors", "bank accounts", "banks"),
            cr.fetchone(),
            strict=True,
        )
    )


# ------------------------------------------------------------------------------ world
class World:
    """What the clients believe the database holds, to draw the records of their
    requests; kept up to date with the answers, so it is right but for the other
    clients' requests in flight (their refusals are counted, not failures). Records
    a client is about to link, create from or delete are taken out ("reserved")
    until its answer."""

    def __init__(self, rng):
        self.rng = rng
        self.lock = threading.Lock()
        # {contact id: {"customer": id, "vendor": id, "bank_account": (account, bank)}}
        self.contacts = {}
        self.unlinked = {kind: set() for kind in KINDS}  # accounts: (account, bank)
        self.busy = set()  # contacts reserved
        self.deleted = defaultdict(set)  # {model: ids} deleted by an ok request
        self.holder = None  # the company's partner, holder of the new accounts
        self.maybe_deleted = defaultdict(set)  # by a request failed in a fault

    def load(self, env):
        cr = env.cr
        self.holder = env.company.partner_id.id
        cr.execute("SELECT id FROM res_partner WHERE is_contact AND active")
        self.contacts = {cid: {} for (cid,) in cr.fetchall()}
        cr.execute(
            """SELECT l.contact_id, l.link_to, l.partner_id, l.bank_account_id,
                      a.bank_id
                 FROM contact_business_relation l
            LEFT JOIN res_partner_bank a ON a.id = l.bank_account_id
                WHERE l.link_to IS NOT NULL"""
        )
        for contact_id, link_to, partner_id, account_id, bank_id in cr.fetchall():
            slot = self.contacts.setdefault(contact_id, {})
            slot[link_to] = (account_id, bank_id) if account_id else partner_id
        for kind, rank in (("customer", "customer_rank"), ("vendor", "supplier_rank")):
            cr.execute(
                f"""SELECT p.id FROM res_partner p
                     WHERE p.is_contact IS NOT TRUE AND p.active AND p.{rank} > 0
                       AND p.parent_id IS NULL AND p.linked_contact_id IS NULL
                       AND p.name LIKE %s""",
                [f"{NAME} %"],
            )
            self.unlinked[kind] = {pid for (pid,) in cr.fetchall()}
        cr.execute(
            """SELECT id, bank_id FROM res_partner_bank
                WHERE active AND contact_id IS NULL AND bank_id IS NOT NULL
                  AND acc_number NOT LIKE 'PLAIN%'"""
        )
        self.unlinked["bank_account"] = set(cr.fetchall())

    def load_plain(self, env):
        """The baseline's world: the plain stand-ins of the contacts (populate_plain)
        with the records they stand with, as if linked."""
        cr = env.cr
        self.holder = env.company.partner_id.id
        cr.execute(
            "SELECT id, ref FROM res_partner WHERE active AND ref LIKE 'PLAIN-%'"
        )
        faces = defaultdict(dict)
        for pid, ref in cr.fetchall():
            _prefix, face, i = ref.split("-")
            faces[int(i)][face] = pid
        cr.execute(
            """SELECT acc_number, id, bank_id FROM res_partner_bank
                WHERE active AND acc_number ~ '^PLAIN[0-9]+$'"""
        )
        accounts = {int(number[5:]): (aid, bank) for number, aid, bank in cr.fetchall()}
        for i, face in faces.items():
            if "A" not in face:
                continue
            slot = {}
            if "B" in face:
                slot["customer"] = face["B"]
            vendor = face.get("B") if i % 3 == 1 else face.get("V")
            if vendor:
                slot["vendor"] = vendor
            if i in accounts:
                slot["bank_account"] = accounts[i]
            self.contacts[face["A"]] = slot

    # -------------------------------------------------------------- drawing records
    def linked(self, kind, count=1):
        """``count`` (contact, linked record) pairs of ``kind``."""
        with self.lock:
            pairs = [
                (cid, slot[kind])
                for cid, slot in self.contacts.items()
                if kind in slot and cid not in self.busy
            ]
        if len(pairs) < count:
            raise NothingToDo
        return self.rng.sample(pairs, count)

    def linked_contacts(self, count=1):
        with self.lock:
            ids = [cid for cid, slot in self.contacts.items() if slot]
        if len(ids) < count:
            raise NothingToDo
        return self.rng.sample(ids, count)

    def reserve_contact(self, free=None, linked=False):
        """A contact whose ``free`` slot is free (and that has another link with
        ``linked``), taken out until ``release``."""
        with self.lock:
            ids = [
                cid
                for cid, slot in self.contacts.items()
                if cid not in self.busy
                and (free is None or free not in slot)
                and (not linked or slot)
            ]
            if not ids:
                raise NothingToDo
            cid = self.rng.choice(ids)
            self.busy.add(cid)
            return cid

    def release(self, *contact_ids):
        with self.lock:
            self.busy.difference_update(contact_ids)

    def reserve_unlinked(self, kind, count=1):
        with self.lock:
            pool = self.unlinked[kind]
            if len(pool) < count:
                raise NothingToDo
            items = self.rng.sample(sorted(pool), count)
            pool.difference_update(items)
            return items

    def give_back(self, kind, items):
        with self.lock:
            self.unlinked[kind].update(items)

    def add_links(self, links, accounts_banks=None):
        """Learn links ({contact_id, link_to, partner_id, bank_account_id} dicts as
        search_read returns them)."""
        with self.lock:
            for link in links:
                cid = link["contact_id"][0]
                kind = link["link_to"]
                if kind == "bank_account":
                    account = link["bank_account_id"][0]
                    value = (account, (accounts_banks or {}).get(account))
                    self.unlinked[kind] = {
                        item for item in self.unlinked[kind] if item[0] != account
                    }
                else:
                    # a partner linked as customer is linked as vendor to the same
                    # contact only
                    value = link["partner_id"][0]
                    for other in KINDS:
                        self.unlinked[other].discard(value)
                self.contacts.setdefault(cid, {})[kind] = value

    def drop_contact(self, cid, deleted):
        """The contact ``cid`` deleted: its linked records are unlinked again."""
        with self.lock:
            slot = self.contacts.pop(cid, {})
            self.busy.discard(cid)
            deleted["res.partner"].add(cid)
            for kind, value in slot.items():
                self.unlinked[kind].add(value)


# ------------------------------------------------------------------------------ client
class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.requests = []  # (kind, start, end, outcome, error)
        self.races = Counter()
        self.race_problems = []

    def add(self, kind, start, end, outcome, error=None):
        with self.lock:
            self.requests.append((kind, start, end, outcome, error))


class Client:
    """One user: draws requests from the mix until the deadline."""

    def __init__(self, number, args, url, world, stats, faults, plain=False):
        self.number = number
        # the baseline's client: plain Odoo's requests (PLAIN_MIX) on plain records
        self.plain = plain
        self.name = PLAIN if plain else NAME
        self.args = args
        self.url = url
        self.world = world
        self.stats = stats
        self.faults = faults
        self.rng = random.Random(args.seed * 1000 + number)
        self.seq = 0
        self.uid = None
        self.counter = 0
        # names and account numbers of this run's records: unique across runs
        self.tag = f"{args.run}{number}"

    # -------------------------------------------------------------- the external API
    def rpc(self, kind, service, method, *args):
        """One JSON-RPC call; return (outcome, result or error)."""
        self.seq += 1
        start = time.perf_counter()
        try:
            body = jsonrpc(self.url, service, method, args, self.seq, timeout=150)
        except (OSError, urllib.error.URLError, ValueError) as exc:
            end = time.perf_counter()
            error = f"{type(exc).__name__}: {exc}"
            self.stats.add(kind, start, end, "failed", error)
            time.sleep(FAILED_PAUSE)
            return "failed", error
        end = time.perf_counter()
        if "error" in body:
            data = body["error"].get("data") or {}
            name = data.get("name", "?")
            error = f"{name}: {(data.get('message') or '')[:300]}"
            outcome = "refused" if name in REFUSED else "failed"
            self.stats.add(kind, start, end, outcome, error)
            if outcome == "failed":
                time.sleep(FAILED_PAUSE)
            return outcome, error
        self.stats.add(kind, start, end, "ok")
        return "ok", body["result"]

    def call(self, kind, model, method, *args, **kwargs):
        return self.rpc(
            kind,
            "object",
            "execute_kw",
            *execute_kw_args(
                self.args.database, self.uid, "admin", model, method, args, kwargs
            ),
        )

    def login(self):
        outcome, uid = self.rpc(
            "login", "common", "login", self.args.database, "admin", "admin"
        )
        if outcome != "ok" or not uid:
            raise RuntimeError(f"client {self.number} cannot log in: {uid}")
        self.uid = uid

    # -------------------------------------------------------------- values
    def new_value(self, fname):
        self.counter += 1
        tag = f"{self.number}{self.counter:06d}"
        if fname == "phone":
            return f"+358 50 {tag}"
        if fname == "email":
            return f"c{tag}@example.com"
        return self.rng.choice(CITIES) + f" {tag[-3:]}"

    def some_values(self):
        fname = self.rng.choice(("phone", "city", "email"))
        return {fname: self.new_value(fname)}

    # -------------------------------------------------------------- the loop
    def run(self, deadline):
        self.login()
        kinds, weights = zip(*(PLAIN_MIX if self.plain else MIX), strict=True)
        while time.perf_counter() < deadline:
            kind = self.rng.choices(kinds, weights)[0]
            try:
                getattr(self, "do_" + kind.replace(" ", "_"))()
            except NothingToDo:
                continue

    def deleted_by(self, outcome, error, model, ids):
        """Record records deleted by an ok request, or maybe deleted by one that
        failed (its answer lost in a fault)."""
        if outcome == "ok":
            self.world.deleted[model].update(ids)
        elif outcome == "failed":
            self.world.maybe_deleted[model].update(ids)

    def learn_links(self, field, ids):
        """Read the links of the records ``ids`` (``field``: partner_id or
        bank_account_id) into the world (plain records have none)."""
        if self.plain:
            return
        outcome, links = self.call(
            "read",
            "contact.business.relation",
            "search_read",
            [(field, "in", ids), ("link_to", "!=", False)],
            fields=["contact_id", "link_to", "partner_id", "bank_account_id"],
        )
        if outcome != "ok":
            return
        banks = {}
        accounts = [
            link["bank_account_id"][0] for link in links if link["bank_account_id"]
        ]
        if accounts:
            outcome, rows = self.call(
                "read", "res.partner.bank", "read", accounts, ["bank_id"]
            )
            if outcome == "ok":
                banks = {
                    row["id"]: row["bank_id"] and row["bank_id"][0] for row in rows
                }
        self.world.add_links(links, banks)

    # -------------------------------------------------------------- writes
    def do_write_contact(self):
        (cid,) = self.world.linked_contacts()
        self.call("write contact", "res.partner", "write", [cid], self.some_values())

    def do_write_customer(self):
        ((_cid, pid),) = self.world.linked("customer")
        self.call("write customer", "res.partner", "write", [pid], self.some_values())

    def do_write_vendor(self):
        ((_cid, pid),) = self.world.linked("vendor")
        self.call("write vendor", "res.partner", "write", [pid], self.some_values())

    def do_write_bank(self):
        ((_cid, (_account, bank)),) = self.world.linked("bank_account")
        if bank:
            self.call("write bank", "res.bank", "write", [bank], self.some_values())

    def do_batch_write_contacts(self):
        ids = self.world.linked_contacts(self.rng.randint(20, 25))
        fname = self.rng.choice(("phone", "city"))
        self.call(
            "batch write contacts",
            "res.partner",
            "write",
            ids,
            {fname: self.new_value(fname)},
        )

    def do_batch_write_customers(self):
        pairs = self.world.linked("customer", self.rng.randint(20, 25))
        fname = self.rng.choice(("phone", "city"))
        self.call(
            "batch write customers",
            "res.partner",
            "write",
            sorted({pid for _cid, pid in pairs}),
            {fname: self.new_value(fname)},
        )

    # -------------------------------------------------------------- creates
    def create_partner(self, kind, rank):
        self.counter += 1
        vals = {
            "name": f"{self.name} New {self.tag}-{self.counter}",
            "is_company": True,
            rank: 1,
            **self.some_values(),
        }
        outcome, result = self.call(f"create {kind}", "res.partner", "create", vals)
        if outcome == "ok":
            self.learn_links("partner_id", record_ids(result))

    def do_create_customer(self):
        self.create_partner("customer", "customer_rank")

    def do_create_vendor(self):
        self.create_partner("vendor", "supplier_rank")

    def new_bank(self, kind):
        """A new bank, created by the request ``kind``; its id, None when the
        request did not pass."""
        outcome, bank = self.call(
            kind,
            "res.bank",
            "create",
            {"name": f"{self.name} New Bank {self.tag}-{self.counter}"},
        )
        return record_ids(bank)[0] if outcome == "ok" else None

    def do_create_bank_account(self):
        """A new account at an existing unlinked account's bank (two accounts, one
        bank) or at a new bank: it gets its contact from the bank."""
        self.counter += 1
        with self.world.lock:
            pool = sorted(self.world.unlinked["bank_account"])
        if pool and self.rng.random() < 0.3:
            bank = self.rng.choice(pool)[1]
        else:
            bank = self.new_bank("create bank account")
            if bank is None:
                return
        outcome, account = self.call(
            "create bank account",
            "res.partner.bank",
            "create",
            {
                "acc_number": f"{self.name.upper()}N{self.tag}X{self.counter}",
                "partner_id": self.world.holder,  # held by the company
                "bank_id": bank,
            },
        )
        if outcome == "ok":
            self.learn_links("bank_account_id", record_ids(account))

    def do_create_contact(self):
        self.counter += 1
        outcome, result = self.call(
            "create contact",
            "res.partner",
            "create",
            {
                "name": f"{self.name} New Contact {self.tag}-{self.counter}",
                "is_contact": not self.plain,
                "is_company": True,
                **self.some_values(),
            },
        )
        if outcome == "ok":
            with self.world.lock:
                self.world.contacts[record_ids(result)[0]] = {}

    # -------------------------------------------------------------- the baseline
    def do_plain_read(self):
        """The baseline's stand-in for a request plain Odoo has no equivalent of (a
        link, a creation from a contact, create_contacts, a race): a read of the
        records it would have touched."""
        ((cid, pid),) = self.world.linked("customer")
        self.call(
            "plain read",
            "res.partner",
            "read",
            [cid, pid],
            ["name", "phone", "city"],
        )

    # -------------------------------------------------------------- links
    def link(self, label, kind, cid, item, master):
        """``link_<kind>`` of the contact ``cid`` with ``item`` (partner id or
        (account, bank)); return (outcome, result)."""
        record = item[0] if kind == "bank_account" else item
        method = {
            "customer": "link_customer",
            "vendor": "link_vendor",
            "bank_account": "link_bank_account",
        }[kind]
        outcome, result = self.call(
            label, "res.partner", method, [cid], record, master=master
        )
        if outcome == "ok":
            with self.world.lock:
                self.world.contacts.setdefault(cid, {})[kind] = item
                for other in KINDS:
                    self.world.unlinked[other].discard(item)
        elif outcome == "failed":
            self.world.give_back(kind, [item])
        # refused: the record may be linked already, it is not drawn again
        return outcome, result

    def do_link(self):
        kind = self.rng.choice(KINDS)
        (item,) = self.world.reserve_unlinked(kind)
        try:
            cid = self.world.reserve_contact(free=kind)
        except NothingToDo:
            self.world.give_back(kind, [item])
            raise
        try:
            self.link("link", kind, cid, item, self.rng.choice(("contact", kind)))
        finally:
            self.world.release(cid)

    def create_from_contact(self, label, kind, cid):
        self.counter += 1
        if kind == "bank_account":
            outcome, result = self.call(
                label,
                "res.partner",
                "create_bank_account",
                [cid],
                f"LOADC{self.tag}X{self.counter}",
            )
        else:
            outcome, result = self.call(label, "res.partner", f"create_{kind}", [cid])
        if outcome == "ok":
            if kind == "bank_account":
                self.learn_links("bank_account_id", record_ids(result))
            else:
                with self.world.lock:
                    self.world.contacts.setdefault(cid, {})[kind] = record_ids(result)[
                        0
                    ]
        return outcome, result

    def do_create_from_contact(self):
        kind = self.rng.choice(KINDS)
        cid = self.world.reserve_contact(free=kind)
        try:
            self.create_from_contact("create from contact", kind, cid)
        finally:
            self.world.release(cid)

    def do_create_contacts(self):
        kind = self.rng.choice(KINDS)
        items = self.world.reserve_unlinked(kind, self.rng.randint(2, 10))
        if kind == "bank_account":
            model, field, ids = (
                "res.partner.bank",
                "bank_account_id",
                [a for a, _b in items],
            )
        else:
            model, field, ids = "res.partner", "partner_id", items
        outcome, _result = self.call("create_contacts", model, "create_contacts", ids)
        if outcome == "ok":
            self.learn_links(field, ids)
        elif outcome == "failed":
            self.world.give_back(kind, items)

    def do_bank_change(self):
        """A linked account moves to the bank of an unlinked account (two accounts
        then share a bank), or to a new bank."""
        ((cid, (account, old_bank)),) = self.world.linked("bank_account")
        with self.world.lock:
            banks = sorted(
                {b for _a, b in self.world.unlinked["bank_account"]} - {old_bank}
            )
        if banks and self.rng.random() < 0.7:
            bank = self.rng.choice(banks)
        else:
            self.counter += 1
            bank = self.new_bank("bank change")
            if bank is None:
                return
        outcome, _result = self.call(
            "bank change", "res.partner.bank", "write", [account], {"bank_id": bank}
        )
        if outcome == "ok":
            with self.world.lock:
                slot = self.world.contacts.get(cid)
                if slot and slot.get("bank_account", (None,))[0] == account:
                    slot["bank_account"] = (account, bank)

    # -------------------------------------------------------------- deletes
    def do_delete(self):
        what = self.rng.choice(("contact", "customer", "bank account", "link"))
        world = self.world
        if what == "contact":
            cid = world.reserve_contact()
            outcome, error = self.call("delete", "res.partner", "unlink", [cid])
            if outcome == "ok":
                world.drop_contact(cid, world.deleted)
            else:
                self.deleted_by(outcome, error, "res.partner", [cid])
                world.release(cid)
            return
        kind = {"customer": "customer", "bank account": "bank_account"}.get(
            what, self.rng.choice(KINDS)
        )
        cid = world.reserve_contact()
        try:
            with world.lock:
                item = world.contacts.get(cid, {}).get(kind)
            if item is None:
                raise NothingToDo
            if what == "link":
                outcome, links = self.call(
                    "delete",
                    "contact.business.relation",
                    "search",
                    [("contact_id", "=", cid), ("link_to", "=", kind)],
                )
                if outcome != "ok" or not links:
                    return
                outcome, error = self.call(
                    "delete", "contact.business.relation", "unlink", links
                )
                if outcome == "ok":
                    with world.lock:
                        world.contacts.get(cid, {}).pop(kind, None)
                        world.unlinked[kind].add(item)
                return
            model = "res.partner.bank" if kind == "bank_account" else "res.partner"
            record = item[0] if kind == "bank_account" else item
            outcome, error = self.call("delete", model, "unlink", [record])
            self.deleted_by(outcome, error, model, [record])
            if outcome == "ok":
                with world.lock:
                    slot = world.contacts.get(cid, {})
                    for other in list(slot):
                        if slot[other] == item:
                            slot.pop(other)
        finally:
            world.release(cid)

    # -------------------------------------------------------------- targeted races
    def do_race(self):
        """A link (or a creation from the contact) and a write reaching the contact
        at the same moment, from two connections; then the two sides compared."""
        world = self.world
        kind = self.rng.choice(KINDS)
        cid = world.reserve_contact(free=kind, linked=True)
        try:
            with world.lock:
                slot = dict(world.contacts.get(cid, {}))
            if not slot:
                raise NothingToDo
            create = self.rng.random() < 0.3
            item = None
            if not create:
                try:
                    (item,) = world.reserve_unlinked(kind)
                except NothingToDo:
                    create = True
            # the write: on the contact, or on another of its linked records
            through = self.rng.choice([None, *slot])
            values = self.some_values()
            if through is None:
                write = ("res.partner", [cid])
            elif through == "bank_account":
                write = ("res.bank", [slot[through][1]])
            else:
                write = ("res.partner", [slot[through]])
            results = {}
            barrier = threading.Barrier(2)

            def do_link():
                barrier.wait()
                if create:
                    results["link"] = self.create_from_contact("race: link", kind, cid)
                else:
                    master = self.rng.choice(("contact", kind))
                    results["link"] = self.link("race: link", kind, cid, item, master)

            def do_write():
                barrier.wait()
                results["write"] = self.call(
                    "race: write", write[0], "write", write[1], values
                )

            threads = [
                threading.Thread(target=do_link),
                threading.Thread(target=do_write),
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            self.stats.races["run"] += 1
            if results["link"][0] != "ok":
                self.stats.races["link not ok"] += 1
                return
            self.stats.races["linked"] += 1
            self.compare(kind, cid)
        finally:
            world.release(cid)

    def compare(self, kind, cid):
        """The contact and its ``kind`` record, read in one request (one snapshot);
        for a bank account, its bank is read in a second one: a difference is read
        again (another client may have written in between)."""
        fields = RACE_FIELDS[kind]
        for attempt in range(3):
            outcome, rows = self.call(
                "race: read",
                "res.partner",
                "read",
                [cid],
                [*fields, "business_relation_ids"],
            )
            if outcome != "ok" or not rows:
                return
            contact = rows[0]
            outcome, links = self.call(
                "race: read",
                "contact.business.relation",
                "search_read",
                [("contact_id", "=", cid), ("link_to", "=", kind)],
                fields=["partner_id", "bank_account_id"],
            )
            if outcome != "ok" or not links:
                return
            if kind == "bank_account":
                outcome, accounts = self.call(
                    "race: read",
                    "res.partner.bank",
                    "read",
                    [links[0]["bank_account_id"][0]],
                    ["bank_id"],
                )
                if outcome != "ok" or not accounts[0]["bank_id"]:
                    return
                model, other_id = "res.bank", accounts[0]["bank_id"][0]
                outcome, others = self.call(
                    "race: read", model, "read", [other_id], list(fields.values())
                )
            else:
                other_id = links[0]["partner_id"][0]
                outcome, both = self.call(
                    "race: read",
                    "res.partner",
                    "read",
                    [cid, other_id],
                    list(fields),
                )
                if outcome == "ok":
                    by_id = {row["id"]: row for row in both}
                    contact, others = by_id.get(cid), [by_id.get(other_id)]
            if outcome != "ok" or not others or not others[0] or not contact:
                return
            diff = {
                cf: (contact[cf], others[0][lf])
                for cf, lf in fields.items()
                if contact[cf] != others[0][lf]
            }
            if not diff:
                self.stats.races["equal"] += 1
                return
            time.sleep(0.2 * (attempt + 1))
        self.stats.races["different"] += 1
        with self.stats.lock:
            self.stats.race_problems.append(
                f"contact {cid} and its {kind}: {diff} (contact value, theirs)"
            )


# ------------------------------------------------------------------------------ faults
def http_workers(main_pid):
    """The HTTP workers of the prefork server: its forked children (the gevent
    process is a program of its own, its command line says so)."""
    workers = []
    for child in server_children(main_pid):
        try:
            if "gevent" not in child.cmdline():
                workers.append(child)
        except psutil.NoSuchProcess:
            continue
    return workers


def kill_busy_worker(main_pid):
    """SIGKILL to an HTTP worker that is working (uses CPU), within 5 s; else to
    any worker. Return its pid."""
    end = time.perf_counter() + 5
    while True:
        workers = http_workers(main_pid)
        before = {}
        for worker in workers:
            try:
                before[worker.pid] = sum(worker.cpu_times()[:2])
            except psutil.NoSuchProcess:
                continue
        time.sleep(0.1)
        for worker in workers:
            try:
                busy = sum(worker.cpu_times()[:2]) > before.get(worker.pid, 1e9)
            except psutil.NoSuchProcess:
                continue
            if busy or time.perf_counter() > end:
                os.kill(worker.pid, signal.SIGKILL)
                return worker.pid, busy
        if not workers and time.perf_counter() > end:
            return None, False


def private_cluster(config):
    """(pg_ctl command prefix, data directory) of the private cluster of
    ``.local/postgres`` when it is the server of ``config`` and it runs, else
    None."""
    data = os.path.join(ROOT, ".local", "postgres")
    conf = os.path.join(data, "postgresql.conf")
    if not os.path.exists(conf):
        return None
    with open(conf) as file:
        ports = re.findall(r"^port = (\d+)", file.read(), re.MULTILINE)
    port = str(config["db_port"] or 5432)
    if (
        not ports
        or ports[-1] != port
        or config["db_host"]
        not in (
            "127.0.0.1",
            "localhost",
        )
    ):
        return None
    pg_bin = os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin")
    prefix = [os.path.join(pg_bin, "pg_ctl"), "-D", data]
    if os.getuid() == 0:
        prefix = ["runuser", "-u", "postgres", "--", *prefix]
    if subprocess.run([*prefix, "status"], capture_output=True).returncode:
        return None
    return prefix, data


def restart_postgres(prefix, data, down):
    subprocess.run(
        [*prefix, "-m", "fast", "-w", "stop"], check=True, capture_output=True
    )
    time.sleep(down)
    subprocess.run(
        [*prefix, "-l", os.path.join(data, "server.log"), "-w", "-t", "60", "start"],
        check=True,
        capture_output=True,
    )


class Faults:
    """The fault of the run, in a thread: at ``at`` (a fraction of the duration),
    kill a worker or restart PostgreSQL. ``windows``: (start, end) of each fault,
    counted until ``--fault-window`` seconds after its end."""

    def __init__(self, args, server, cluster):
        self.args, self.server, self.cluster = args, server, cluster
        self.windows = []
        self.events = []
        self.thread = None

    def start(self, t0):
        if self.args.kill_worker or self.args.restart_postgres:
            self.thread = threading.Thread(target=self.run, args=(t0,), daemon=True)
            self.thread.start()

    def run(self, t0):
        time.sleep(
            max(0.0, t0 + self.args.fault_at * self.args.duration - time.perf_counter())
        )
        start = time.perf_counter()
        if self.args.kill_worker:
            pid, busy = kill_busy_worker(self.server.proc.pid)
            end = time.perf_counter()
            self.events.append(
                f"{start - t0:.1f} s: SIGKILL to the HTTP worker {pid} "
                f"({'working' if busy else 'idle'})"
            )
        else:
            prefix, data = self.cluster
            restart_postgres(prefix, data, self.args.pg_down)
            end = time.perf_counter()
            self.events.append(
                f"{start - t0:.1f} s: PostgreSQL stopped, started again "
                f"{end - start:.1f} s later"
            )
        self.windows.append((start, end + self.args.fault_window))

    def covers(self, start, end):
        return any(start <= w_end and end >= w_start for w_start, w_end in self.windows)


# ------------------------------------------------------------------------------ report
def percentile(values, q):
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def report_requests(stats, faults, t0, duration):
    rows = defaultdict(lambda: {"ok": [], "refused": 0, "failed": 0, "fault": 0})
    failures, refusals = [], Counter()
    for kind, start, end, outcome, error in stats.requests:
        row = rows[kind]
        if outcome == "ok":
            row["ok"].append(end - start)
        elif outcome == "refused":
            row["refused"] += 1
            refusals[re.sub(r"\d+", "N", error or "")[:110]] += 1
        elif faults.covers(start, end):
            row["fault"] += 1
        else:
            row["failed"] += 1
            failures.append(f"{start - t0:6.1f} s {kind}: {error}")
    print(
        f"{'request':24} {'ok':>6} {'refused':>8} {'failed':>7} {'in fault':>9} "
        f"{'p50 s':>7} {'p95 s':>7} {'max s':>7}"
    )
    total = {"ok": [], "refused": 0, "failed": 0, "fault": 0}
    for kind in sorted(rows):
        row = rows[kind]
        for key in total:
            total[key] += row[key]
        print_row(kind, row)
    print_row("all", total)
    count = sum(
        len(r["ok"]) + r["refused"] + r["failed"] + r["fault"] for r in rows.values()
    )
    print(f"{count} requests in {duration:.0f} s: {count / duration:.1f} per second")
    if refusals:
        print("refusals (the clients' stale choices), most frequent:")
        for message, number in refusals.most_common(6):
            print(f"  {number:5} {message}")
    return total, failures


def print_row(kind, row):
    ok = row["ok"]
    print(
        f"{kind:24} {len(ok):6} {row['refused']:8} {row['failed']:7} {row['fault']:9} "
        f"{percentile(ok, 0.5):7.3f} {percentile(ok, 0.95):7.3f} "
        f"{max(ok, default=float('nan')):7.3f}"
    )


def report_log(text):
    """Odoo's retries of concurrency failures, and the other errors, in its log."""
    retries = Counter(re.findall(r" (\w+), \d+ tries left, try again in", text))
    exhausted = Counter(re.findall(r" (\w+), maximum number of tries reached", text))
    # a request retried k times logs "4 tries left", ..., "5 - k tries left"
    left = Counter(int(n) for n in re.findall(r", (\d) tries left, try again", text))
    depth = {k: left[5 - k] - left[4 - k] for k in range(1, 5)}
    depth[4] = left[1] - sum(exhausted.values())
    bad = re.findall(r"^\S+ \S+ \d+ ERROR \S+ odoo\.sql_db: bad query", text, re.M)
    errors = [
        line
        for line in re.findall(r"^\S+ \S+ \d+ (?:ERROR|CRITICAL) .*$", text, re.M)
        if "odoo.sql_db: bad query" not in line
    ]
    workers = re.findall(r"Worker WorkerHTTP \((\d+)\) alive", text)
    print(
        "Odoo's retries (odoo.service.model, from the server's log): "
        + (", ".join(f"{code} {n}" for code, n in retries.most_common()) or "none")
        + f"; tries exhausted: {sum(exhausted.values())}"
        + (f" ({dict(exhausted)})" if exhausted else "")
    )
    print(
        "  requests retried once, twice, 3, 4 times (then passed): "
        + ", ".join(str(depth[k]) for k in range(1, 5))
    )
    print(
        f"  failed queries logged by odoo.sql_db (conflicts, unique keys): {len(bad)}; "
        f"other ERROR/CRITICAL lines: {len(errors)}; "
        f"HTTP workers started: {len(workers)}"
    )
    for line in errors[:5]:
        print(f"    {line[:220]}")
    return retries, exhausted


def sync_invariants(env):
    """The addon's checker of the invariants on ``env`` (its module is importable
    once Odoo's configuration has put the addons path on ``odoo.addons``)."""
    from odoo.addons.contact_partner_sync.contact_partner_sync.invariants import (  # noqa: PLC0415
        SyncInvariants,
    )

    return SyncInvariants(env)


def check_database(registry, before, world):
    """The invariants of tests/invariants.py on the database."""
    deleted = {
        model: world.deleted[model] | world.maybe_deleted[model]
        for model in set(world.deleted) | set(world.maybe_deleted)
    }
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        problems = sync_invariants(env).violations(before, deleted)
        counts = population_counts(cr)
    return problems, counts


# --------------------------------------------------------------------------------- run
def run_clients(args, server, world, stats, faults, plain=False):
    """The clients against ``server`` for the duration; the elapsed time."""
    clients = [
        Client(i + 1, args, server.url, world, stats, faults, plain=plain)
        for i in range(args.clients)
    ]
    t0 = time.perf_counter()
    deadline = t0 + args.duration
    threads = [
        threading.Thread(target=client.run, args=(deadline,), daemon=True)
        for client in clients
    ]
    for thread in threads:
        thread.start()
    faults.start(t0)
    for thread in threads:
        thread.join(args.duration + 300)
    elapsed = time.perf_counter() - t0
    if faults.thread:
        faults.thread.join(120)
    return t0, elapsed


class Phase:
    """What a run of the clients measured: its requests (``report_requests``) and
    Odoo's retries (``report_log``)."""

    def __init__(self, label, stats, total, failures, retries, exhausted):
        self.label = label
        self.stats, self.total, self.failures = stats, total, failures
        self.retries, self.exhausted = retries, exhausted

    def by_kind(self, faults=None):
        """{kind of request: (requests, failed outside the fault windows)}."""
        rows = defaultdict(lambda: [0, 0])
        for kind, start, end, outcome, _error in self.stats.requests:
            rows[kind][0] += 1
            if outcome == "failed" and not (faults and faults.covers(start, end)):
                rows[kind][1] += 1
        return rows

    def requests(self):
        return len(self.stats.requests)


def run_baseline(args, registry, rng):
    """The baseline: the same clients, mix (PLAIN_MIX) and duration on the plain
    population, the codes unset (plain Odoo: nothing is synchronized or created),
    on a server of its own; its Phase."""
    populate_plain(registry, args.population, rng)
    world = World(random.Random(args.seed))
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        world.load_plain(env)
        set_codes(env.ref("base.main_company"), on=False)
    log_path = beside_config(args.config, f"load-{args.database}-baseline.log")
    server = Server(args, log_path, SERVER_OPTIONS)
    stats = Stats()
    faults = Faults(
        argparse.Namespace(kill_worker=False, restart_postgres=False), None, None
    )
    print(
        f"baseline, plain Odoo (codes unset, {len(world.contacts)} plain stand-ins "
        f"of the contacts): {args.clients} clients for {args.duration:.0f} s",
        flush=True,
    )
    try:
        server.start()
        t0, elapsed = run_clients(args, server, world, stats, faults, plain=True)
    finally:
        server.stop()
        with registry.cursor() as cr:
            set_codes(api.Environment(cr, SUPERUSER_ID, {}).ref("base.main_company"))
    print()
    total, failures = report_requests(stats, faults, t0, elapsed)
    retries, exhausted = report_log(server.log_text())
    print()
    return Phase("plain Odoo", stats, total, failures, retries, exhausted)


def report_against_baseline(baseline, addon, faults):
    """The failed requests (outside the fault windows) per kind of request, plain
    Odoo's next to the addon's, and Odoo's retries per request; the addon's
    failures that the baseline does not account for: any failure that is not a
    concurrency failure of Odoo's exhausted retries, and those of a kind whose
    rate of failures is above plain Odoo's for the same kind."""
    plain_rows, addon_rows = baseline.by_kind(), addon.by_kind(faults)
    print("failed requests per kind of request, plain Odoo (baseline) | the addon:")
    print(
        f"{'request':24} {'plain n':>8} {'failed':>7} {'rate':>7} | "
        f"{'addon n':>8} {'failed':>7} {'rate':>7}"
    )
    beyond = []
    for kind in sorted(set(plain_rows) | set(addon_rows)):
        pn, pf = plain_rows.get(kind, (0, 0))
        an, af = addon_rows.get(kind, (0, 0))
        p_rate, a_rate = (pf / pn if pn else 0.0), (af / an if an else 0.0)
        print(f"{kind:24} {pn:8} {pf:7} {p_rate:7.2%} | {an:8} {af:7} {a_rate:7.2%}")
        if af and (not pn or a_rate > p_rate):
            beyond.append(
                f"{kind}: {af} of {an} failed ({a_rate:.2%}), plain Odoo "
                f"{pf} of {pn} ({p_rate:.2%})"
            )
    for label, phase in (("plain Odoo", baseline), ("the addon", addon)):
        n = phase.requests()
        print(
            f"{label}: {sum(phase.retries.values())} retries for {n} requests "
            f"({sum(phase.retries.values()) / max(n, 1):.3f} per request), "
            f"{sum(phase.exhausted.values())} exhausted"
        )
    other = [
        line
        for line in addon.failures
        if not any(name in line for name in CONCURRENCY_ERRORS)
    ]
    return beyond + [f"not a concurrency failure: {line[:200]}" for line in other]


def run(args, registry):
    rng = random.Random(args.seed)
    populate(registry, args.population, rng)
    baseline = run_baseline(args, registry, rng) if args.baseline else None
    world = World(rng)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        world.load(env)
        before = sync_invariants(env).snapshot()
        counts = population_counts(cr)
    print("database: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
    cluster = private_cluster(odoo.tools.config) if args.restart_postgres else None
    log_path = beside_config(args.config, f"load-{args.database}.log")
    server = Server(args, log_path, SERVER_OPTIONS)
    stats = Stats()
    faults = Faults(args, server, cluster)
    print(
        f"the addon: {args.clients} clients for {args.duration:.0f} s"
        + (", a worker killed" if args.kill_worker else "")
        + (", PostgreSQL restarted" if args.restart_postgres else "")
        + (
            f" at {args.fault_at * args.duration:.0f} s"
            if args.kill_worker or args.restart_postgres
            else ""
        ),
        flush=True,
    )
    try:
        server.start()
        t0, elapsed = run_clients(args, server, world, stats, faults)
    finally:
        server.stop()
    print()
    for event in faults.events:
        print(f"fault: {event}")
    total, failures = report_requests(stats, faults, t0, elapsed)
    retries, exhausted = report_log(server.log_text())
    races = stats.races
    print(
        f"targeted races: {races['run']} run, {races['linked']} linked, "
        f"{races['equal']} ended equal, {races['different']} different"
    )
    for problem in stats.race_problems[:10]:
        print(f"  {problem}")
    odoo.sql_db.close_db(args.database)  # its connections died with a restart
    problems, counts = check_database(registry, before, world)
    print("database after: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
    print(f"invariants: {len(problems)} violation(s)")
    for problem in problems[:20]:
        print(f"  {problem}")
    if baseline:
        print()
        addon = Phase("the addon", stats, total, failures, retries, exhausted)
        failures = report_against_baseline(baseline, addon, faults)
        label = "failed requests plain Odoo's baseline does not account for"
    else:
        label = "failed requests outside the fault windows"
    if failures:
        print(f"{label}: {len(failures)}")
        for line in failures[:10]:
            print(f"  {line[:300]}")
    ok = not failures and not problems and not stats.race_problems
    print(
        "load test: "
        + ("OK" if ok else "FAILED")
        + f" ({len(total['ok'])} ok, {total['refused']} refused, "
        f"{total['failed']} failed, {total['fault']} failed in fault windows; "
        f"{sum(retries.values())} retries, {sum(exhausted.values())} exhausted; "
        f"{races['different']} races different; {len(problems)} violations)"
    )
    return EXIT_OK if ok else EXIT_FAILED


def main():
    parser = argument_parser(__doc__, database=f"{ADDON}_load")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--duration", type=float, default=75, help="seconds")
    parser.add_argument(
        "--population", type=int, default=600, help="linked contacts (made once)"
    )
    fault = parser.add_mutually_exclusive_group()
    fault.add_argument(
        "--kill-worker", action="store_true", help="SIGKILL a busy HTTP worker"
    )
    fault.add_argument(
        "--restart-postgres",
        action="store_true",
        help="restart the private cluster of .local/postgres (pg_ctl)",
    )
    parser.add_argument(
        "--fault-at", type=float, default=0.5, help="fraction of the duration"
    )
    parser.add_argument(
        "--fault-window",
        type=float,
        default=10,
        help="seconds after a fault during which failures are the fault's",
    )
    parser.add_argument(
        "--pg-down", type=float, default=5, help="seconds PostgreSQL stays down"
    )
    add_server_arguments(parser)
    parser.add_argument(
        "--no-baseline",
        dest="baseline",
        action="store_false",
        help="skip the run of plain Odoo (codes unset, plain partners) made first",
    )
    parser.add_argument("--seed", type=int, default=1)
    args = parse_server_arguments(parser)
    args.run = time.strftime("%y%m%d%H%M%S")

    config = parse_odoo_config(args)
    if args.restart_postgres and not private_cluster(config):
        print(
            "--restart-postgres restarts the private PostgreSQL cluster of "
            ".local/postgres (tools/dev.sh without PGHOST) only, and it is not the "
            f"server of {args.config} or it is not running: refused"
        )
        return EXIT_REFUSED
    return run_on_database(args, "load", run)


if __name__ == "__main__":
    sys.exit(main())
