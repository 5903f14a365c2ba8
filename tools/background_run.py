"""Measure a background Create Contacts started from the Settings button.

The issue's scenario: N customers (default 100,000) without contact, the Settings
button "Create Contacts" (customers) clicked on a server started with
``--workers=2 --max-cron-threads=1 --limit-time-real=120``; the run is queued as a
``contact.sync.job`` and done by the cron worker. Measured: the total time from the
click to the run done (goal <= 200 s), the longest HTTP request meanwhile (goal: none
over 2 s), the peak resident memory of the cron worker; with ``--kill-at F`` the cron
worker is killed (SIGKILL) once a fraction F of the run is done, Odoo's prefork server
starts a new one, and the run must resume. At the end, the database is checked:
nothing done twice, nothing missing.

    python tools/background_run.py -c .local/odoo-19.0.conf [-d DB] [-n 100000]
        [--kill-at 0.5] [--port PORT] [--keep]

(with the virtualenv's python: ``tools/dev.sh setup`` prepares it and the config).

How it works:

- The database (default ``contact_partner_sync_background``) is created with the addon
  installed and no demo data (``odoo-bin -i contact_partner_sync --without-demo
  --stop-after-init``), or updated (``-u``) when it exists with the addon installed,
  so that it runs the code of this checkout. Odoo gives the
  ``admin`` user of a new database the password ``admin`` (base/data/
  res_users_data.xml), which the JSON-RPC calls below log in with.
- In a registry of its own, the tool removes the runs (``contact.sync.job``) and the
  contacts of earlier runs, creates the missing "Background Customer i" customers
  (companies, customer_rank 1) with the business relation codes of the main company
  unset, so that they get no contact (batches of 5000, committed), then sets the codes
  (CUST/VEND/BANK) and the background threshold (1000).
- The server runs as a subprocess (its log next to the config, e.g.
  ``.local/background_run-DB-n100000-kill0.5.log``; the tool prints the figures it
  finds there: cron calls and their durations, workers killed by Odoo's limits); the
  button is pressed as the web client does, through JSON-RPC as
  admin: ``contact.create.contacts.wizard`` created with ``link_to`` customer, then
  its ``action_create_contacts``. The run is then polled once a second
  (``search_read`` of the job), every request timed.
- The cron worker: Odoo's prefork server forks it from the main process; with the
  ``setproctitle`` package its process title is ``odoo: WorkerCron PID DB``, without
  it (the Odoo requirements do not install it) it has the command line of its parent,
  but it is the only child that renices itself (``os.nice(10)`` in
  ``WorkerCron.start``). The tool takes the child of the server whose command line
  says WorkerCron or whose nice value is 10, checks it against the log's "Worker
  WorkerCron (PID) alive" lines, and samples its VmRSS (/proc/PID/status) every 0.2 s.
- The server is stopped at the end (SIGTERM, then SIGKILL of its process group) and
  the database dropped unless ``--keep``. One run of the tool per database at a
  time (a lock file next to the config).
- Other Odoo servers on the same PostgreSQL cluster wake the cron worker too (its
  ``LISTEN cron_trigger`` is cluster-wide): on a shared cluster, the pauses of a
  run may come out shorter than on a server of its own.

Exit status 1 when the run does not end (failed, or not done within ``--timeout``) or
when the database shows something done twice or missing.
"""

import hashlib
import os
import re
import signal
import sys
import threading
import time

import psutil

from odoo import SUPERUSER_ID, api

from harness import (
    ADDON,
    EXIT_FAILED,
    EXIT_OK,
    ROOT,
    Rpc,
    Server,
    add_server_arguments,
    argument_parser,
    beside_config,
    cpu_ticks,
    parse_odoo_config,
    parse_server_arguments,
    run_on_database,
    server_children,
    set_codes,
)

CRON_XMLID = f"{ADDON}.ir_cron_contact_sync_jobs"
THRESHOLD_PARAM = f"{ADDON}.background_threshold"
NAME = "Background Customer"
BATCH = 5000
REQUEST_GOAL = 2.0  # seconds
TIME_GOAL = 200.0  # seconds, for 100,000 customers
SAMPLE = 0.2  # seconds between two samples of the cron worker
MIB = 2**20
# the server
SERVER_OPTIONS = ("--workers=2", "--max-cron-threads=1", "--limit-time-real=120")


def code_fingerprint():
    """sha1 of the addon's code and data (the checkout may change while the tool
    runs; the server runs the code as it was when it started), and the time of the
    last change."""
    digest, latest = hashlib.sha1(), 0.0
    for folder, dirs, files in os.walk(ROOT):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "tools")
        for name in sorted(files):
            if name.endswith((".py", ".xml", ".csv", ".js")):
                path = os.path.join(folder, name)
                with open(path, "rb") as file:
                    digest.update(path.encode() + b"\0" + file.read())
                latest = max(latest, os.path.getmtime(path))
    return digest.hexdigest()[:12], time.strftime("%H:%M:%S", time.localtime(latest))


# ----------------------------------------------------------------------------- database
def unlink_in_batches(env, records, what):
    for start in range(0, len(records), BATCH):
        records[start : start + BATCH].unlink()
        env.cr.commit()
        env.invalidate_all()
    if records:
        print(f"  removed {len(records)} {what}")


def prepare(registry, n):
    """N customers without contact, the codes set, no run; return the highest
    res.partner id before the run (the contacts of the run come after it)."""
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        Partner = env["res.partner"].with_context(active_test=False)
        jobs = env["contact.sync.job"].search([])
        unlink_in_batches(env, jobs, "runs of earlier runs of the tool")
        cron = env.ref(CRON_XMLID)
        # a clean cron: no wake-up nor timed-out attempt left by an interrupted run
        env["ir.cron.trigger"].search([("cron_id", "=", cron.id)]).unlink()
        env["ir.cron.progress"].search([("cron_id", "=", cron.id)]).unlink()
        # the contacts take the name of their customer
        contacts = Partner.search(
            [("name", "=like", f"{NAME} %"), ("is_contact", "=", True)], order="id"
        )
        unlink_in_batches(env, contacts, "contacts of earlier runs")
        set_codes(env.ref("base.main_company"), on=False)
        customers = Partner.search(
            [("name", "=like", f"{NAME} %"), ("is_contact", "=", False)], order="id"
        )
        unlink_in_batches(env, customers[n:], "customers beyond N")
        count = min(len(customers), n)
        if count < n:
            print(f"creating {n - count} customers without contact", flush=True)
            start = time.perf_counter()
            for first in range(count, n, BATCH):
                Partner.create(
                    [
                        {"name": f"{NAME} {i}", "customer_rank": 1, "is_company": True}
                        for i in range(first, min(first + BATCH, n))
                    ]
                )
                env.flush_all()
                cr.commit()
                env.invalidate_all()
            print(f"  created in {time.perf_counter() - start:.0f} s")
        set_codes(env.ref("base.main_company"), on=True)
        env["ir.config_parameter"].set_param(THRESHOLD_PARAM, "1000")
        env.flush_all()
        cr.execute("ANALYZE res_partner, contact_business_relation")
        cr.commit()
        missing = env["contact.sync.job"]._missing_domain("customer")
        total = Partner.search_count(missing)
        ours = Partner.search_count([("name", "=like", f"{NAME} %"), *missing])
        cr.execute("SELECT max(id) FROM res_partner")
        max_id = cr.fetchone()[0]
        print(
            f"{ours} customers without contact ({total - ours} other customers without "
            f"contact), codes CUST/VEND/BANK set, background threshold 1000"
        )
        cr.execute(
            "SELECT nextcall, interval_number, interval_type FROM ir_cron "
            "WHERE id = %s",
            [cron.id],
        )
        nextcall, number, unit = cr.fetchone()
        print(f"cron: every {number} {unit}, next call {nextcall} UTC")
        return max_id


def check(registry, n, max_id, job_id):
    """The violations of "nothing twice, nothing missing" (strings), and the
    figures."""
    with registry.cursor() as cr:
        cr.execute(
            """
            WITH customer AS (
                SELECT id FROM res_partner
                 WHERE name LIKE %(like)s AND is_contact IS NOT TRUE
            ), links AS (
                SELECT customer.id, count(link.id) AS links
                  FROM customer
             LEFT JOIN contact_business_relation link
                    ON link.partner_id = customer.id AND link.link_to = 'customer'
              GROUP BY customer.id
            )
            SELECT count(*),
                   count(*) FILTER (WHERE links = 1),
                   count(*) FILTER (WHERE links > 1),
                   count(*) FILTER (WHERE links = 0)
              FROM links
            """,
            {"like": f"{NAME} %"},
        )
        customers, one, several, none = cr.fetchone()
        cr.execute(
            """
            SELECT count(*),
                   count(*) FILTER (WHERE NOT EXISTS (
                       SELECT 1 FROM contact_business_relation link
                        WHERE link.contact_id = p.id AND link.link_to = 'customer'))
              FROM res_partner p
             WHERE p.is_contact AND p.id > %s
            """,
            [max_id],
        )
        contacts, unlinked = cr.fetchone()
        cr.execute(
            """
            SELECT count(*) FROM contact_business_relation
             WHERE link_to = 'customer' AND contact_id IN (
                   SELECT contact_id FROM contact_business_relation
                    WHERE link_to = 'customer'
                 GROUP BY contact_id HAVING count(*) > 1)
            """
        )
        shared = cr.fetchone()[0]
        env = api.Environment(cr, SUPERUSER_ID, {})
        job = env["contact.sync.job"].browse(job_id)
        recorded = job.created_ids or []
        job_contacts, job_distinct = len(recorded), len(set(recorded))
    print(f"customers 'Background Customer i': {customers} (N = {n})")
    print(f"  with exactly one customer link: {one} (must be {n})")
    print(f"  with more than one: {several} (must be 0)")
    print(f"  with none: {none} (must be 0)")
    print(f"contacts created by the run: {contacts} (N = {n})")
    print(f"  without a customer link: {unlinked} (must be 0)")
    print(f"customer links whose contact has more than one: {shared} (must be 0)")
    print(f"contacts recorded in the run: {job_contacts}, distinct {job_distinct}")
    violations = []
    for label, value, expected in (
        ("customers", customers, n),
        ("customers with exactly one customer link", one, n),
        ("customers with more than one customer link", several, 0),
        ("customers without customer link", none, 0),
        ("contacts created", contacts, n),
        ("contacts created without a customer link", unlinked, 0),
        ("customer links whose contact has more than one", shared, 0),
        ("contacts recorded in the run", job_contacts, n),
        ("distinct contacts recorded in the run", job_distinct, n),
    ):
        if value != expected:
            violations.append(f"{label}: {value}, expected {expected}")
    return violations


# ------------------------------------------------------------------------- cron worker
def read_rss(pid):
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return None


def find_cron_workers(main_pid):
    """The cron worker(s) among the children of the server: process title
    'odoo: WorkerCron' (with setproctitle) or nice value 10 (WorkerCron.start)."""
    found = []
    for child in server_children(main_pid):
        try:
            if "WorkerCron" in " ".join(child.cmdline()) or child.nice() == 10:
                found.append(child.pid)
        except psutil.NoSuchProcess:
            continue
    return found


class CronSampler:
    """Samples the resident memory of the cron worker every 0.2 s in a thread;
    remembers every cron worker seen, its peak and when it last used CPU."""

    def __init__(self, main_pid):
        self.main_pid = main_pid
        self.peaks = {}  # pid: peak VmRSS in bytes
        self.peak_at = {}  # pid: time.perf_counter() of the peak
        self.first_seen = {}  # pid: time.perf_counter()
        self.busy_since = {}  # pid: first time it used CPU
        self.active_at = {}  # pid: last time it used CPU
        self.ticks = {}
        self.current = None
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def start(self):
        self._thread.start()
        return self

    def stop(self):
        self._stop.set()
        self._thread.join()

    def _run(self):
        last_scan = 0.0
        while not self._stop.is_set():
            now = time.perf_counter()
            if self.current is None or now - last_scan >= 1.0:
                pids = find_cron_workers(self.main_pid)
                last_scan = now
                with self._lock:
                    for pid in pids:
                        self.first_seen.setdefault(pid, now)
                    self.current = pids[-1] if pids else None
            pid = self.current
            if pid is not None:
                rss, ticks = read_rss(pid), cpu_ticks(pid)
                with self._lock:
                    if rss is None:
                        self.current = None
                    else:
                        if rss > self.peaks.get(pid, 0):
                            self.peaks[pid], self.peak_at[pid] = rss, now
                        if pid in self.ticks and ticks != self.ticks[pid]:
                            self.active_at[pid] = now
                            self.busy_since.setdefault(pid, now)
                        self.ticks[pid] = ticks
            self._stop.wait(SAMPLE)

    def busy(self, pid, within=0.5):
        with self._lock:
            return time.perf_counter() - self.active_at.get(pid, -1e9) < within

    def rss(self):
        pid = self.current
        return read_rss(pid) if pid else None


# --------------------------------------------------------------------------------- run
def fmt_mib(value):
    return f"{value / MIB:.1f} MiB" if value else "-"


def press_button(rpc):
    """What the Settings button "Create Contacts" (customers) does: the wizard opened
    with default_link_to customer, saved, its button pressed."""
    context = {"default_link_to": "customer"}
    wizard_id = rpc.execute(
        "contact.create.contacts.wizard",
        "create",
        [{"link_to": "customer"}],
        context=context,
    )
    if isinstance(wizard_id, list):
        wizard_id = wizard_id[0]
    print(f"wizard created in {rpc.last:.3f} s")
    clicked = time.perf_counter()
    action = rpc.execute(
        "contact.create.contacts.wizard",
        "action_create_contacts",
        [wizard_id],
        context=context,
    )
    button_time = rpc.last
    message = (action or {}).get("params", {}).get("message", action)
    print(f"action_create_contacts answered in {button_time:.3f} s: {message}")
    return clicked, button_time


def read_job(rpc, job_id=None):
    domain = [("id", "=", job_id)] if job_id else []
    rows = rpc.execute(
        "contact.sync.job",
        "search_read",
        domain,
        fields=["state", "done_count", "total_count", "error"],
        order="id desc",
        limit=1,
    )
    return rows[0] if rows else None


class Follower:
    """Polls the run once a second until it ends or times out; with --kill-at,
    kills the cron worker once (when it is working) and follows its restart."""

    def __init__(self, args, rpc, sampler, clicked):
        self.args, self.rpc, self.sampler, self.clicked = args, rpc, sampler, clicked
        self.job = read_job(rpc)
        if not self.job:
            raise RuntimeError("no run queued: the button did the work at once?")
        print(f"run {self.job['id']} queued: {self.job['total_count']} records")
        self.timeline = [(time.perf_counter() - clicked, self.job["done_count"])]
        self.kill = {}
        self.end = None

    def run(self):
        last_print = last_poll = time.perf_counter()
        while True:
            now = time.perf_counter()
            if now - last_poll >= 1.0:
                last_poll = now
                progressed = self.poll(now - self.clicked)
                if progressed or now - last_print >= 15:
                    last_print = now
                    self.print_progress(now - self.clicked)
                if self.job["state"] in ("done", "failed"):
                    self.end = now - self.clicked
                    return self
                if now - self.clicked > self.args.timeout:
                    print(f"timeout: the run is not done after {self.args.timeout} s")
                    return self
            self.kill_cron_worker(now)
            self.watch_restart()
            time.sleep(0.1)

    def poll(self, elapsed):
        job = self.job = read_job(self.rpc, self.job["id"])
        done, total, kill = job["done_count"], job["total_count"], self.kill
        progressed = done != self.timeline[-1][1]
        if progressed:
            self.timeline.append((elapsed, done))
            if "at" in kill and "committed" not in kill and done > kill["done"]:
                kill["committed"] = elapsed - kill["at"]
                print(f"  resumed: a chunk committed {kill['committed']:.1f} s after")
        if (
            self.args.kill_at
            and "pending" not in kill
            and total
            and done / total >= self.args.kill_at
        ):
            kill["pending"] = time.perf_counter()
            print(f"  {done}/{total} done: killing the cron worker when it works")
        return progressed

    def print_progress(self, elapsed):
        job, sampler = self.job, self.sampler
        print(
            f"  {elapsed:6.1f} s  {job['done_count']:>7}/{job['total_count']}  "
            f"{job['state']:8} cron worker {sampler.current} "
            f"RSS {fmt_mib(sampler.rss())}  request {self.rpc.last:.3f} s",
            flush=True,
        )

    def kill_cron_worker(self, now):
        """SIGKILL to the cron worker once the run is far enough, as soon as it
        works (a worker sleeping between two calls of the cron is not in the middle
        of anything): after 90 s of waiting, whatever it does."""
        kill, pid = self.kill, self.sampler.current
        if "pending" not in kill or "at" in kill or not pid:
            return
        busy = self.sampler.busy(pid)
        if busy or now - kill["pending"] > 90:
            os.kill(pid, signal.SIGKILL)
            kill.update(at=now - self.clicked, pid=pid, busy=busy)
            kill["done"] = self.timeline[-1][1]
            print(
                f"  {kill['at']:6.1f} s  SIGKILL to the cron worker {pid} "
                f"({'working' if busy else 'idle'}), {kill['done']} done"
            )

    def watch_restart(self):
        kill, sampler = self.kill, self.sampler
        if "pid" not in kill or "working" in kill:
            return
        pid = sampler.current
        if "new_pid" not in kill:
            if pid and pid != kill["pid"]:
                kill["new_pid"] = pid
                kill["spawned"] = sampler.first_seen[pid] - self.clicked - kill["at"]
                print(f"  new cron worker {pid}, {kill['spawned']:.1f} s after")
            return
        # its first CPU may be its start-up: work is CPU more than 2 s after it
        now, new = time.perf_counter(), kill["new_pid"]
        if sampler.busy(new) and now - sampler.first_seen[new] > 2:
            kill["working"] = now - self.clicked - kill["at"]
            print(
                f"  new cron worker {kill['new_pid']} working "
                f"{kill['working']:.1f} s after the kill"
            )


def pauses(timeline):
    """Gaps of more than 10 s between two successive progresses of the run."""
    gaps = []
    for (t0, _d0), (t1, d1) in zip(timeline, timeline[1:], strict=False):
        if t1 - t0 > 10:
            gaps.append((t0, t1 - t0, d1))
    return gaps


def log_findings(text, pids_sampled):
    crons = re.findall(r"Worker WorkerCron \((\d+)\) alive", text)
    print(f"cron workers started (log): {', '.join(crons) or '-'}")
    unknown = set(map(str, pids_sampled)) - set(crons)
    if unknown:
        print(f"  sampled processes the log does not call WorkerCron: {unknown}")
    patterns = {
        "worker timeouts (limit-time-real)": r"WorkerCron \(\d+\) timeout after",
        "CPU time limits": r"CPU time limit",
        "memory limits": r"virtual memory limit",
        "ERROR/CRITICAL lines": r"^\S+ \S+ \d+ (?:ERROR|CRITICAL) ",
        "cron batches (Job ... processed)": r"Job 'Contact Partner Sync[^']*' \(\d+\) "
        r"processed",
    }
    durations = [
        float(d)
        for d in re.findall(
            r"Job 'Contact Partner Sync[^']*' \(\d+\) done in ([0-9.]+)s", text
        )
    ]
    if durations:
        print(
            f"  cron calls (log): {len(durations)}, {sum(durations):.0f} s of work in "
            f"all; first {durations[0]:.1f} s, middle "
            f"{durations[len(durations) // 2]:.1f} s, longest {max(durations):.1f} s, "
            f"last {durations[-1]:.1f} s"
        )
    for label, pattern in patterns.items():
        hits = re.findall(pattern, text, flags=re.MULTILINE)
        print(f"  {label}: {len(hits)}")
    errors = re.findall(r"^\S+ \S+ \d+ (?:ERROR|CRITICAL) .*$", text, re.MULTILINE)
    for line in errors[:5]:
        print(f"    {line[:200]}")


def run(args, registry):
    max_id = prepare(registry, args.n)
    log_path = beside_config(
        args.config,
        f"background_run-{args.database}-n{args.n}"
        + (f"-kill{args.kill_at}" if args.kill_at else "")
        + ".log",
    )
    server = Server(
        args, log_path, SERVER_OPTIONS, notify_cron_changes=args.notify_cron_changes
    )
    sampler = None
    try:
        code = code_fingerprint()
        server.start()
        print(f"  addon code {code[0]} (last changed at {code[1]})")
        sampler = CronSampler(server.proc.pid).start()
        rpc = Rpc(server.url, args.database)
        time.sleep(1)
        print(f"cron worker: {sampler.current}, RSS {fmt_mib(sampler.rss())}")
        clicked, button_time = press_button(rpc)
        follower = Follower(args, rpc, sampler, clicked).run()
        job, end = follower.job, follower.end
        timeline, kill = follower.timeline, follower.kill
    finally:
        if sampler:
            sampler.stop()
        server.stop()

    print()
    print(f"N = {args.n}, kill at {args.kill_at or '-'}, addon code {code[0]}")
    if code_fingerprint()[0] != code[0]:
        print("  the addon's code changed during the run: the server ran the former")
    if end is not None:
        goal = "met" if end <= TIME_GOAL * args.n / 100000 else "missed"
        print(
            f"total time from the click to {job['state']}: {end:.1f} s "
            f"(goal <= {TIME_GOAL * args.n / 100000:.0f} s for N={args.n}: {goal})"
        )
    else:
        print(f"total time: not done after {args.timeout:.0f} s (timeout)")
    slowest, label = rpc.slowest()
    over = sum(1 for t, _label in rpc.times if t > REQUEST_GOAL)
    print(
        f"HTTP requests: {len(rpc.times)}, max {slowest:.3f} s ({label}), "
        f"over {REQUEST_GOAL:.0f} s: {over}; action_create_contacts {button_time:.3f} s"
    )
    peaks = sampler.peaks
    print(
        f"peak RSS of the cron worker(s): {fmt_mib(max(peaks.values(), default=0))} ("
        + ", ".join(
            f"pid {pid}: {fmt_mib(rss)} at {sampler.peak_at[pid] - clicked:.0f} s"
            for pid, rss in peaks.items()
        )
        + ")"
    )
    if kill.get("at"):
        print(
            f"kill: cron worker {kill['pid']} killed at {kill['at']:.1f} s "
            f"({'working' if kill['busy'] else 'idle'}, {kill['done']} done); "
            f"new worker seen after {kill.get('spawned', float('nan')):.1f} s, "
            f"working after {kill.get('working', float('nan')):.1f} s, first chunk "
            f"committed after {kill.get('committed', float('nan')):.1f} s"
        )
    gaps = pauses(timeline)
    if gaps:
        print(
            f"pauses of the run over 10 s: {len(gaps)}, "
            f"{sum(g for _t, g, _d in gaps):.0f} s in all: "
            + ", ".join(f"{g:.0f} s before {d} (at {t:.0f} s)" for t, g, d in gaps)
        )
    print(
        f"run: state {job['state']}, done {job['done_count']} / total "
        f"{job['total_count']}" + (f", error: {job['error']}" if job["error"] else "")
    )
    log_findings(server.log_text(), peaks)
    print()
    violations = check(registry, args.n, max_id, job["id"])
    if job["state"] != "done":
        violations.append(f"the run is {job['state']}")
    if job["done_count"] != job["total_count"]:
        violations.append(
            f"run counts: {job['done_count']} done of {job['total_count']}"
        )
    if violations:
        print("nothing twice, nothing missing: VIOLATED\n  " + "\n  ".join(violations))
    else:
        print("nothing twice, nothing missing: OK")
    return EXIT_FAILED if violations or end is None else EXIT_OK


def main():
    parser = argument_parser(__doc__, database=f"{ADDON}_background")
    parser.add_argument("-n", type=int, default=100000, help="customers")
    add_server_arguments(parser)
    parser.add_argument(
        "--kill-at",
        type=float,
        default=0.0,
        help="SIGKILL the cron worker once this fraction of the run is done (0: no)",
    )
    parser.add_argument("--timeout", type=float, default=900, help="seconds")
    parser.add_argument(
        "--notify-cron-changes",
        action="store_true",
        help="diagnostic, not the issue's setup: run the server with "
        "ODOO_NOTIFY_CRON_CHANGES=1 (a partially done cron wakes the cron worker)",
    )
    args = parse_server_arguments(parser)
    parse_odoo_config(args)
    return run_on_database(args, "background_run", run)


if __name__ == "__main__":
    sys.exit(main())
