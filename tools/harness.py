"""What the tools of tools/ share: the Odoo source, a server subprocess, JSON-RPC,
the database, the lock file, the business relation codes and the ``main()`` tail.

A module of plain Python (``from harness import ...``: a tool run as ``python
tools/x.py`` has tools/ on its path); Odoo is imported where it is used, once the
tool has it on its path (the project's virtualenv, ``tools/dev.sh setup``).

- the Odoo source and ``odoo-bin``: ``odoo_src()`` and ``odoo_bin()``, the one place
  that says where they are;
- ``Server``: ``odoo-bin`` in prefork mode (``--workers``), a process group of its own,
  on loopback, its log in a file; ``server_children()``, its forked workers;
- ``jsonrpc()`` (one call of Odoo's external API), ``execute_kw_args()`` and ``Rpc``
  (a logged-in client, every call timed, errors raised);
- ``module_installed()``, ``ensure_database()``, ``drop_database()``;
- ``hold_lock()``: one run of a tool per database at a time;
- ``set_codes()``: the business relation codes (CUST / VEND / BANK) of a company, as
  Settings sets them;
- the ``main()`` tail: ``argument_parser()``, ``add_server_arguments()``,
  ``parse_odoo_config()``, ``run_on_database()`` and the exit statuses.
"""

import argparse
import fcntl
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import psutil

ADDON = "contact_partner_sync"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# exit statuses of the tools
EXIT_OK = 0
EXIT_FAILED = 1  # a goal missed, a check failed
EXIT_REFUSED = 2  # not run: another run holds the database, or a wrong option

CODES = {
    "customer_business_relation_id": "CUST",
    "vendor_business_relation_id": "VEND",
    "bank_account_business_relation_id": "BANK",
}


# -------------------------------------------------------------------------- Odoo source
def odoo_src():
    """The Odoo source tree the tool imports ``odoo`` from (the server it starts runs
    the same Odoo)."""
    import odoo  # noqa: PLC0415 (the tool's virtualenv has it on its path)

    return os.path.dirname(os.path.dirname(odoo.__file__))


def odoo_bin():
    """The ``odoo-bin`` script of ``odoo_src()`` (every tool starts Odoo through this
    function): ``$ODOO_BIN`` (set by tools/dev.sh), else ``odoo-bin`` at the root of a
    git checkout, else ``setup/odoo`` of a packaged build."""
    if os.environ.get("ODOO_BIN"):
        return os.environ["ODOO_BIN"]
    root = odoo_src()
    for candidate in ("odoo-bin", os.path.join("setup", "odoo")):
        path = os.path.join(root, candidate)
        if os.path.isfile(path):
            return path
    raise SystemExit(f"{root} has no odoo-bin (nor setup/odoo)")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def beside_config(config, name):
    """A file next to the configuration (``.local/`` with ``tools/dev.sh``): logs and
    lock files of the tools."""
    return os.path.join(os.path.dirname(os.path.abspath(config)), name)


# ----------------------------------------------------------------------------- database
def module_installed(db):
    """None: no such database; else whether the addon is installed in it."""
    import odoo  # noqa: PLC0415

    with odoo.sql_db.db_connect("postgres").cursor() as cr:
        cr.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db])
        if not cr.fetchone():
            return None
    try:
        with odoo.sql_db.db_connect(db).cursor() as cr:
            cr.execute("SELECT state FROM ir_module_module WHERE name = %s", [ADDON])
            row = cr.fetchone()
    except Exception:  # a database that is no Odoo database
        odoo.sql_db.close_db(db)
        return False
    odoo.sql_db.close_db(db)
    return bool(row) and row[0] == "installed"


def without_demo():
    """odoo-bin's option for a database without demo data: 19.0 reads
    ``--without-demo`` as a flag (and installs no demo data unless told), 18.0 wants
    the modules, ``all``."""
    import odoo  # noqa: PLC0415

    return (
        "--without-demo" if odoo.release.version_info[0] >= 19 else "--without-demo=all"
    )


def ensure_database(args):
    """The database with the addon installed, up to date with this checkout."""
    if module_installed(args.database):
        print(f"database {args.database}: exists, updating {ADDON}", flush=True)
        mode = ["-u", ADDON]
    else:
        print(f"database {args.database}: installing {ADDON} (no demo)", flush=True)
        mode = ["-i", ADDON, without_demo()]
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, odoo_bin(), "-c", args.config, "-d", args.database]
        + [*mode, "--stop-after-init", "--log-level=warn"],
        check=True,
    )
    print(f"  done in {time.perf_counter() - start:.0f} s")


def drop_database(db):
    import odoo  # noqa: PLC0415

    odoo.modules.registry.Registry.delete(db)
    odoo.sql_db.close_db(db)
    cnx = odoo.sql_db.db_connect("postgres").cursor()
    try:
        cnx._cnx.autocommit = True
        cnx.execute(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
    finally:
        cnx.close()
    shutil.rmtree(odoo.tools.config.filestore(db), ignore_errors=True)
    print(f"database {db} dropped")


def set_codes(company, on=True):
    """Set (or unset) the business relation codes of ``company``."""
    Relation = company.env["business.relation"]
    company.write(
        {
            fname: Relation.search([("code", "=", code)], limit=1).id if on else False
            for fname, code in CODES.items()
        }
    )


def hold_lock(config, name):
    """The lock ``name`` (a file next to the configuration), held until the process
    exits; None when another process holds it."""
    path = beside_config(config, f"{name}.lock")
    lock = open(path, "w")  # held until the process exits
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        lock.close()
        return None
    return lock


# ------------------------------------------------------------------------------- server
class Server:
    """odoo-bin in prefork mode, in a process group of its own, on loopback;
    ``options``: its workers and limits (e.g. ``--workers=2``); ``args``: the
    tool's (config, database, port, gevent_port)."""

    def __init__(self, args, log_path, options, notify_cron_changes=False):
        self.log_path = log_path
        self.notify_cron_changes = notify_cron_changes
        self.url = f"http://127.0.0.1:{args.port}"
        self.cmd = [
            sys.executable,
            odoo_bin(),
            "-c",
            args.config,
            "-d",
            args.database,
            f"--db-filter=^{args.database}$",
            *options,
            "--http-port",
            str(args.port),
            "--http-interface",
            "127.0.0.1",
            # the long-polling process must not take (or fail on) the default port
            # 8072 of another server
            "--gevent-port",
            str(args.gevent_port),
        ]
        self.proc = None

    def start(self):
        env = dict(os.environ)
        env.pop("ODOO_NOTIFY_CRON_CHANGES", None)
        if self.notify_cron_changes:
            env["ODOO_NOTIFY_CRON_CHANGES"] = "1"
        print("server: " + " ".join(self.cmd[1:]))
        print(f"  log: {self.log_path}", flush=True)
        self.log = open(self.log_path, "w")  # closed in stop()
        self.proc = subprocess.Popen(
            self.cmd,
            stdin=subprocess.DEVNULL,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,
        )
        start = time.perf_counter()
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the server exited ({self.proc.returncode})")
            try:
                with urllib.request.urlopen(self.url + "/web/login", timeout=10) as r:
                    if r.status == 200:
                        break
            except (urllib.error.URLError, OSError):
                pass
            if time.perf_counter() - start > 300:
                raise RuntimeError("the server did not answer /web/login in 300 s")
            time.sleep(0.5)
        print(f"  /web/login answers after {time.perf_counter() - start:.1f} s")

    def stop(self):
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        # whatever is left of its workers
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.log.close()
        print("server stopped")

    def log_text(self):
        with open(self.log_path, errors="replace") as log:
            return log.read()


def server_children(main_pid):
    """The child processes (psutil) of the prefork server ``main_pid``: its forked
    workers and its gevent process."""
    try:
        return psutil.Process(main_pid).children()
    except psutil.NoSuchProcess:
        return []


def cpu_ticks(pid):
    """Clock ticks of CPU (user + system) used so far by ``pid``; None when it is
    gone."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])  # utime + stime
    except (OSError, IndexError, ValueError):
        return None


# ----------------------------------------------------------------------------- JSON-RPC
def jsonrpc(url, service, method, args, request_id=1, timeout=120):
    """One call of Odoo's external API (``url``/jsonrpc): the decoded answer, with
    its "result" or its "error". Network errors are raised."""
    payload = {
        "jsonrpc": "2.0",
        "method": "call",
        "params": {"service": service, "method": method, "args": args},
        "id": request_id,
    }
    request = urllib.request.Request(
        url + "/jsonrpc",
        json.dumps(payload).encode(),
        {"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.load(response)


def execute_kw_args(db, uid, password, model, method, args, kwargs):
    """The arguments of the ``object`` service's ``execute_kw``."""
    return (db, uid, password, model, method, list(args), kwargs)


class Rpc:
    """JSON-RPC calls (/jsonrpc) as a logged-in user, each timed; an error answer
    is raised."""

    def __init__(self, url, db, login="admin", password="admin"):
        self.url, self.db, self.password = url, db, password
        self.times = []  # (seconds, label)
        self.seq = 0
        self.uid = self.call("login", "common", "login", db, login, password)
        if not self.uid:
            raise RuntimeError(f"cannot log in as {login}/{password} on {db}")

    def call(self, label, service, method, *args):
        self.seq += 1
        start = time.perf_counter()
        body = jsonrpc(self.url, service, method, args, self.seq)
        elapsed = time.perf_counter() - start
        self.times.append((elapsed, label))
        if "error" in body:
            error = body["error"]
            message = error.get("data", {}).get("message", error)
            raise RuntimeError(f"{label}: {message}")
        return body["result"]

    def execute(self, model, method, *args, **kwargs):
        return self.call(
            f"{model}.{method}",
            "object",
            "execute_kw",
            *execute_kw_args(
                self.db, self.uid, self.password, model, method, args, kwargs
            ),
        )

    @property
    def last(self):
        return self.times[-1][0]

    def slowest(self):
        return max(self.times) if self.times else (0.0, "-")


# -------------------------------------------------------------------------- main() tail
def argument_parser(doc, database=None):
    """The parser of a tool: its description (the first line of ``doc``),
    ``-c/--config`` and ``-d/--database`` (required when no default)."""
    parser = argparse.ArgumentParser(description=doc.split("\n")[0])
    parser.add_argument("-c", "--config", required=True)
    if database:
        parser.add_argument("-d", "--database", default=database)
    else:
        parser.add_argument("-d", "--database", required=True)
    return parser


def add_server_arguments(parser):
    """The options of a tool that starts a server on a database of its own (made,
    then dropped unless ``--keep``)."""
    parser.add_argument("--port", type=int, help="HTTP port (default: a free one)")
    parser.add_argument("--gevent-port", type=int, help="default: a free one")
    parser.add_argument("--keep", action="store_true", help="keep the database")


def parse_server_arguments(parser):
    """``parser``'s arguments, the ports free ones unless given."""
    args = parser.parse_args()
    args.port = args.port or free_port()
    args.gevent_port = args.gevent_port or free_port()
    return args


def parse_odoo_config(args):
    """Odoo's configuration of this process: the tool's config and database."""
    import odoo  # noqa: PLC0415

    odoo.tools.config.parse_config(
        ["-c", args.config, "-d", args.database, "--log-level=warn"]
    )
    return odoo.tools.config


def open_registry(db):
    """The registry of ``db`` (Odoo configured by ``parse_odoo_config()``)."""
    import odoo  # noqa: PLC0415

    return odoo.modules.registry.Registry(db)


def run_on_database(args, tool, run):
    """The tail of a tool's ``main()`` once Odoo is configured: one run of ``tool``
    per database at a time (the lock ``tool-DB``: two would undo each other's
    work), the database ensured, ``run(args, registry)``, the database dropped at
    the end unless ``args.keep``. The exit status."""
    lock = hold_lock(args.config, f"{tool}-{args.database}")
    if lock is None:
        path = beside_config(args.config, f"{tool}-{args.database}.lock")
        print(f"another run of the tool works on {args.database}: {path}")
        return EXIT_REFUSED
    ensure_database(args)
    try:
        return run(args, open_registry(args.database))
    finally:
        if not args.keep:
            drop_database(args.database)
