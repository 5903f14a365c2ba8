#!/usr/bin/env bash
# Development tooling of contact_partner_sync: prepares whatever is missing (Debian
# packages, Odoo source, cached virtualenv, private PostgreSQL cluster, database) and
# then runs Odoo, the tests, the linters or the benchmark.
#
#   tools/dev.sh setup   prepare everything, start nothing
#   tools/dev.sh run     serve the demo database on http://localhost:8069
#   tools/dev.sh test    lint, then install on a throwaway database and run all tests
#   tools/dev.sh lint    ruff, pylint-odoo and the wheel's content only
#   tools/dev.sh bench   benchmark against plain Odoo (options: tools/bench.py --help)
#   tools/dev.sh load    load test through real Odoo workers (tools/load.py --help)
#   tools/dev.sh odoo …  run odoo-bin with the project's configuration
#   tools/dev.sh stop    stop the private PostgreSQL cluster
#
# Environment: ODOO_SERIES (19.0 or 18.0, default 19.0: the Odoo series, each with its
# own source, virtualenv, configuration and databases), ODOO_SRC (an Odoo source tree
# of that series), PGHOST/PGPORT/PGUSER/PGPASSWORD (use that server instead of the
# private cluster), CPS_DB (demo database name), CPS_HTTP_PORT (default 8069),
# CPS_HTTP_INTERFACE (default 127.0.0.1: loopback only),
# CPS_CACHE (default ~/.cache/contact_partner_sync), CPS_BENCH_DB, CPS_LOAD_DB
# (databases of bench and load).
set -euo pipefail

ADDON=contact_partner_sync
PROJECT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CACHE=${CPS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/$ADDON}
LOCAL=$PROJECT/.local                     # git-ignored: cluster, filestore, config
SUPPORTED_SERIES="19.0 18.0"               # the first is the default
ODOO_SERIES=${ODOO_SERIES:-${SUPPORTED_SERIES%% *}}
case " $SUPPORTED_SERIES " in
    *" $ODOO_SERIES "*) ;;
    *) printf '[%s] error: ODOO_SERIES=%s: supported are %s\n' "$ADDON" "$ODOO_SERIES" "$SUPPORTED_SERIES" >&2; exit 2 ;;
esac
ODOO_BRANCH=$ODOO_SERIES
SERIES_TAG=${ODOO_SERIES%%.*}             # in database names: ..._demo_19
# odoo-bin's demo data options: 19.0 installs none unless told, 18.0 all unless told
if [ "$ODOO_SERIES" = 18.0 ]; then WITH_DEMO=() WITHOUT_DEMO=(--without-demo=all)
else WITH_DEMO=(--with-demo) WITHOUT_DEMO=(--without-demo)
fi
ODOO_GIT=${ODOO_GIT:-https://github.com/odoo/odoo.git}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PYTHON=${PYTHON:-python3}

log() { printf '\033[1m[%s]\033[0m %s\n' "$ADDON" "$*" >&2; }
die() { printf '\033[1;31m[%s] error:\033[0m %s\n' "$ADDON" "$*" >&2; exit 1; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else die "need root for: $*"; fi; }

# ---------------------------------------------------------------- Debian packages
apt_packages() {
    # build dependencies of Odoo's requirements.txt, PostgreSQL, Chromium for tours,
    # wkhtmltopdf for PDF reports
    echo build-essential git libldap2-dev libsasl2-dev libpq-dev libxml2-dev libxslt1-dev \
        libjpeg-dev zlib1g-dev libffi-dev libssl-dev postgresql-client chromium wkhtmltopdf \
        fonts-dejavu-core libmagic1
    [ -n "${PGHOST:-}" ] || echo postgresql-15
    "$PYTHON" -c 'import venv, ensurepip' 2>/dev/null || echo python3-venv python3-dev
}

ensure_apt() {
    local missing=() p
    for p in $(apt_packages); do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
    done
    [ ${#missing[@]} = 0 ] && return
    command -v apt-get >/dev/null || die "missing system packages (${missing[*]}) and no apt-get: install them by hand"
    log "installing Debian packages: ${missing[*]}"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# ---------------------------------------------------------------- Odoo source
ensure_odoo_src() {
    if [ -n "${ODOO_SRC:-}" ]; then
        [ -f "$ODOO_SRC/odoo/release.py" ] || die "ODOO_SRC=$ODOO_SRC is not an Odoo source tree (no odoo/release.py)"
    else
        ODOO_SRC=$CACHE/odoo-$ODOO_BRANCH
        if [ ! -f "$ODOO_SRC/odoo/release.py" ]; then
            log "no Odoo source in \$ODOO_SRC nor $ODOO_SRC: cloning Odoo $ODOO_BRANCH"
            mkdir -p "$CACHE"
            rm -rf "$ODOO_SRC.tmp"
            git clone --quiet --depth 1 --branch "$ODOO_BRANCH" "$ODOO_GIT" "$ODOO_SRC.tmp" 2>&1 || die "\
could not get the Odoo $ODOO_BRANCH source (no network?). Provide an Odoo $ODOO_BRANCH Community
source tree in one of these ways, then run the command again:
  - export ODOO_SRC=/path/to/odoo-$ODOO_BRANCH   (a source tree with odoo-bin, odoo/ and addons/,
    or a packaged build with setup/odoo and every addon in odoo/addons)
  - or extract it to $ODOO_SRC"
            mv "$ODOO_SRC.tmp" "$ODOO_SRC"
        fi
    fi
    grep -q "^version_info = (${ODOO_BRANCH/./, }," "$ODOO_SRC/odoo/release.py" \
        || die "$ODOO_SRC is not Odoo $ODOO_BRANCH"
    # both layouts: a source checkout (odoo-bin, addons/) or a packaged build
    # (setup/odoo, every addon in odoo/addons)
    if [ -f "$ODOO_SRC/odoo-bin" ]; then ODOO_BIN=$ODOO_SRC/odoo-bin
    elif [ -f "$ODOO_SRC/setup/odoo" ]; then ODOO_BIN=$ODOO_SRC/setup/odoo
    else die "$ODOO_SRC has neither odoo-bin nor setup/odoo"
    fi
    ODOO_ADDONS=$ODOO_SRC/odoo/addons
    [ ! -d "$ODOO_SRC/addons" ] || ODOO_ADDONS=$ODOO_ADDONS,$ODOO_SRC/addons
    export ODOO_SRC ODOO_BIN
}

# ---------------------------------------------------------------- virtualenv
ensure_venv() {
    local pyver key
    pyver=$("$PYTHON" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
    key=$(cat "$ODOO_SRC/requirements.txt" "$PROJECT/tools/requirements-dev.txt" | sha1sum | cut -c1-10)
    # one per series: its .pth makes that series' Odoo importable
    VENV=$CACHE/venv-$ODOO_SERIES-py$pyver-$key
    mkdir -p "$CACHE"
    exec 8>"$CACHE/venv.lock"
    flock 8   # one build at a time; the others wait for it and reuse it
    if [ ! -f "$VENV/.ready" ]; then
        log "creating the virtualenv $VENV (Odoo requirements, pytest-odoo, linters; a few minutes)"
        rm -rf "$VENV"
        "$PYTHON" -m venv "$VENV"
        # cbor2 and a few others build from source; newer setuptools break their builds
        # (pip >= 25.3 takes build constraints separately; older pip takes PIP_CONSTRAINT)
        echo 'setuptools<81' > "$VENV/build-constraints.txt"
        "$VENV/bin/pip" install -q --upgrade pip wheel 'setuptools<81'
        PIP_BUILD_CONSTRAINT=$VENV/build-constraints.txt PIP_CONSTRAINT=$VENV/build-constraints.txt \
            "$VENV/bin/pip" install -q -r "$ODOO_SRC/requirements.txt" -r "$PROJECT/tools/requirements-dev.txt"
        touch "$VENV/.ready"
    fi
    flock -u 8
    # Odoo itself comes from the source tree (it is not on PyPI): a .pth makes it importable
    local site
    site=$("$VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
    [ "$(cat "$site/odoo-src.pth" 2>/dev/null)" = "$ODOO_SRC" ] || echo "$ODOO_SRC" > "$site/odoo-src.pth"
    export PATH=$VENV/bin:$PATH
}

# ---------------------------------------------------------------- PostgreSQL
pg_run() {  # run a PostgreSQL server binary as the cluster owner
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

ensure_pg() {
    if [ -n "${PGHOST:-}" ]; then
        export PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-$(id -un)}
        [ "$PGUSER" != postgres ] || die "Odoo refuses the 'postgres' role: set PGUSER to another role"
        log "using the PostgreSQL server at $PGHOST:$PGPORT as $PGUSER"
        psql -d postgres -Atc 'select 1' >/dev/null || die "cannot connect to PostgreSQL at $PGHOST:$PGPORT as $PGUSER"
        return
    fi
    local data=$LOCAL/postgres
    export PGHOST=127.0.0.1 PGUSER=odoo
    unset PGPASSWORD
    [ -x "$PG_BIN/pg_ctl" ] || die "PostgreSQL 15 server binaries not found in $PG_BIN"
    if [ ! -f "$data/PG_VERSION" ]; then
        log "creating the private PostgreSQL cluster in $data (loopback only)"
        mkdir -p "$data"
        if [ "$(id -u)" = 0 ]; then
            chown postgres: "$data"
            # the server runs as 'postgres': it must be able to reach the project folder
            local d=$LOCAL
            while [ "$d" != / ]; do
                runuser -u postgres -- test -x "$d" 2>/dev/null || chmod o+x "$d"
                d=$(dirname "$d")
            done
        fi
        chmod 700 "$data"
        pg_run "$PG_BIN/initdb" -D "$data" -U odoo --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
        pg_run tee -a "$data/postgresql.conf" >/dev/null <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
CONF
    fi
    # one start at a time (two series' runs may start together)
    mkdir -p "$LOCAL"
    exec 7>"$LOCAL/postgres.lock"
    flock 7
    PGPORT=$(sed -n 's/^port = \([0-9]*\).*/\1/p' "$data/postgresql.conf" | tail -1)
    if ! pg_run "$PG_BIN/pg_ctl" -D "$data" status >/dev/null 2>&1; then
        # another server (another clone's cluster, say) may hold the port: take a free one
        if [ -n "${CPS_PGPORT:-}" ]; then PGPORT=$CPS_PGPORT
        elif [ -z "$PGPORT" ] || ! port_free "$PGPORT"; then PGPORT=$(free_port 54329)
        fi
        echo "port = $PGPORT" | pg_run tee -a "$data/postgresql.conf" >/dev/null
        log "starting the private PostgreSQL cluster (127.0.0.1:$PGPORT)"
        pg_run "$PG_BIN/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 start >/dev/null \
            || { tail -20 "$data/server.log" >&2; die "PostgreSQL did not start (log above)"; }
    fi
    flock -u 7
    export PGPORT
}

port_free() { python3 -c 'import socket,sys; s=socket.socket(); s.bind(("127.0.0.1", int(sys.argv[1])))' "$1" 2>/dev/null; }
free_port() { local p=$1; until port_free "$p"; do p=$((p + 1)); done; echo "$p"; }

stop_pg() {
    [ -f "$LOCAL/postgres/PG_VERSION" ] && pg_run "$PG_BIN/pg_ctl" -D "$LOCAL/postgres" -m fast stop || true
}

# ---------------------------------------------------------------- Odoo configuration
ensure_addons_dir() {
    # Odoo and pytest-odoo know a module by its folder name, whatever this clone is
    # called: an addons-path entry outside the tree (no loop back into it) holds a
    # 'contact_partner_sync' link to this checkout
    ADDONS_DIR=$CACHE/addons/$(printf '%s' "$PROJECT" | sha1sum | cut -c1-10)
    mkdir -p "$ADDONS_DIR"
    [ "$(readlink "$ADDONS_DIR/$ADDON" 2>/dev/null)" = "$PROJECT" ] || ln -sfn "$PROJECT" "$ADDONS_DIR/$ADDON"
}

ensure_config() {
    # Odoo finds modules by folder name: expose this checkout as 'contact_partner_sync'
    ensure_addons_dir
    DATA_DIR=$LOCAL/data-$ODOO_SERIES
    mkdir -p "$DATA_DIR"
    ODOO_CONF=$LOCAL/odoo-$ODOO_SERIES.conf
    local conf
    conf=$(cat <<CONF
[options]
addons_path = $ODOO_ADDONS,$ADDONS_DIR
data_dir = $DATA_DIR
db_host = $PGHOST
db_port = $PGPORT
db_user = $PGUSER
http_interface = ${CPS_HTTP_INTERFACE:-127.0.0.1}
http_port = ${CPS_HTTP_PORT:-8069}
list_db = True
CONF
)
    # no password line without a password (Odoo reads "False" as a password)
    [ -z "${PGPASSWORD:-}" ] || conf=$(printf '%s\ndb_password = %s' "$conf" "$PGPASSWORD")
    # replaced atomically, and only when it changes: other runs may be reading it
    if [ "$(cat "$ODOO_CONF" 2>/dev/null)" != "$conf" ]; then
        printf '%s\n' "$conf" > "$ODOO_CONF.$$" && mv -f "$ODOO_CONF.$$" "$ODOO_CONF"
    fi
}

setup() { ensure_apt; ensure_odoo_src; ensure_venv; ensure_pg; ensure_config; }

odoo_bin() {  # a sub-command (shell, …) goes before the configuration
    if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then
        local sub=$1; shift
        python "$ODOO_BIN" "$sub" -c "$ODOO_CONF" "$@"
    else
        python "$ODOO_BIN" -c "$ODOO_CONF" "$@"
    fi
}

db_exists() { psql -d postgres -Atc "select 1 from pg_database where datname='$1'" | grep -q 1; }
module_installed() {
    db_exists "$1" && psql -d "$1" -Atc "select state from ir_module_module where name='$ADDON'" 2>/dev/null | grep -q '^installed$'
}

# ---------------------------------------------------------------- commands
cmd_run() {
    setup
    local db=${CPS_DB:-${ADDON}_demo_$SERIES_TAG}
    if ! module_installed "$db"; then
        log "creating the demo database '$db' (Odoo and $ADDON demo data; about a minute)"
        odoo_bin -d "$db" -i "$ADDON" "${WITH_DEMO[@]}" --stop-after-init --log-level=warn
    fi
    cat >&2 <<MSG

  Odoo $ODOO_SERIES with $ADDON is starting on http://localhost:${CPS_HTTP_PORT:-8069}
  Database: $db     Login: admin     Password: admin
  Stop with Ctrl+C.

MSG
    exec python "$ODOO_BIN" -c "$ODOO_CONF" -d "$db" --db-filter="^$db\$" "$@"
}

cmd_lint() {
    setup_light
    log "ruff"
    (cd "$PROJECT" && ruff check --quiet . && ruff format --check --quiet .)
    log "pylint-odoo (Odoo $ODOO_SERIES)"
    (cd "$ADDONS_DIR" && pylint --rcfile="$PROJECT/.pylintrc" --valid-odoo-versions="$ODOO_SERIES" "$ADDON")
    log "packaging (the wheel of setup.cfg holds the whole addon)"
    python "$PROJECT/tools/check_package.py"
}

setup_light() { ensure_odoo_src; ensure_venv; ensure_addons_dir; }

cmd_test() {
    setup
    cmd_lint
    local db=${CPS_TEST_DB:-${ADDON}_test_${SERIES_TAG}_$$} out=$LOCAL/test-logs/$ODOO_SERIES
    mkdir -p "$out"
    trap "psql -d postgres -qc 'drop database if exists \"$db\" with (force)' >/dev/null 2>&1 || true; rm -rf '$DATA_DIR/filestore/$db'" EXIT
    log "Odoo $ODOO_SERIES: installing $ADDON on the throwaway database '$db' and running its tests with Odoo's runner"
    local rc_odoo=0 rc_pytest=0
    odoo_bin -d "$db" -i "$ADDON" "${WITH_DEMO[@]}" --test-enable --test-tags "/$ADDON" --stop-after-init \
        --http-port="${CPS_TEST_HTTP_PORT:-$(free_port 8169)}" --log-level=test 2>&1 | tee "$out/odoo.log" || rc_odoo=$?
    local odoo_counts
    odoo_counts=$(grep -Eo '[0-9]+ failed, [0-9]+ error\(s\) of [0-9]+ tests' "$out/odoo.log" | tail -1 || true)
    [ -n "$odoo_counts" ] || { odoo_counts="no test run"; rc_odoo=${rc_odoo/#0/1}; }
    grep -qE '^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL) ' "$out/odoo.log" && [ "$rc_odoo" = 0 ] && rc_odoo=1

    log "running the same tests with pytest-odoo"
    python -m pytest -p no:cacheprovider --odoo-config="$ODOO_CONF" --odoo-database="$db" --odoo-http \
        "$ADDONS_DIR/$ADDON/tests" 2>&1 | tee "$out/pytest.log" || rc_pytest=$?

    local o_failed o_errors o_total p_passed p_failed p_errors p_skipped
    read -r o_failed o_errors o_total < <(echo "$odoo_counts" | grep -Eo '[0-9]+' | tr '\n' ' '; echo)
    p_passed=$(tail -1 "$out/pytest.log" | grep -Eo '[0-9]+ passed' | grep -Eo '[0-9]+' || echo 0)
    p_failed=$(tail -1 "$out/pytest.log" | grep -Eo '[0-9]+ failed' | grep -Eo '[0-9]+' || echo 0)
    p_errors=$(tail -1 "$out/pytest.log" | grep -Eo '[0-9]+ errors?' | grep -Eo '[0-9]+' || echo 0)
    p_skipped=$(tail -1 "$out/pytest.log" | grep -Eo '[0-9]+ skipped' | grep -Eo '[0-9]+' || echo 0)
    local passed=$(( ${o_total:-0} - ${o_failed:-0} - ${o_errors:-0} + p_passed ))
    local failed=$(( ${o_failed:-0} + ${o_errors:-0} + p_failed + p_errors ))
    [ "$p_passed" -gt 0 ] || rc_pytest=${rc_pytest/#0/1}
    echo
    echo "Odoo $ODOO_SERIES"
    echo "Odoo runner (--test-tags /$ADDON): $odoo_counts (exit $rc_odoo)"
    echo "pytest-odoo: $p_passed passed, $p_failed failed, $p_errors errors, $p_skipped skipped (exit $rc_pytest)"
    echo "$passed passed, $failed failed"
    [ "$rc_odoo" = 0 ] && [ "$rc_pytest" = 0 ] && [ "$failed" = 0 ]
}

cmd_bench() {
    setup
    local db=${CPS_BENCH_DB:-${ADDON}_bench_$SERIES_TAG}
    if module_installed "$db"; then
        odoo_bin -d "$db" -u "$ADDON" --stop-after-init --log-level=warn
    else
        log "creating the benchmark database '$db' (no demo data)"
        odoo_bin -d "$db" -i "$ADDON" "${WITHOUT_DEMO[@]}" --stop-after-init --log-level=warn
    fi
    # the search calls on databases of their own (copies of this one, one per size,
    # made and grown by bench.py), each up to date
    local search_db=${db}_search copy
    if module_installed "$search_db"; then
        for copy in $(psql -d postgres -Atc "select datname from pg_database where datname like '${search_db}_%'") "$search_db"; do
            odoo_bin -d "$copy" -u "$ADDON" --stop-after-init --log-level=warn
        done
    else
        log "creating the database of the search calls '$search_db' (no demo data)"
        odoo_bin -d "$search_db" -i "$ADDON" "${WITHOUT_DEMO[@]}" --stop-after-init --log-level=warn
    fi
    python "$PROJECT/tools/bench.py" -c "$ODOO_CONF" -d "$db" --search-db "$search_db" "$@"
}

cmd_load() {
    setup
    python "$PROJECT/tools/load.py" -c "$ODOO_CONF" -d "${CPS_LOAD_DB:-${ADDON}_load_$SERIES_TAG}" "$@"
}

cmd=${1:-}
shift || true
case "$cmd" in
    setup) setup; log "ready: Odoo $ODOO_SERIES $ODOO_SRC, virtualenv $VENV, PostgreSQL $PGHOST:$PGPORT" ;;
    run) cmd_run "$@" ;;
    test) cmd_test "$@" ;;
    lint) cmd_lint ;;
    bench) cmd_bench "$@" ;;
    load) cmd_load "$@" ;;
    odoo) setup; odoo_bin "$@" ;;
    stop) stop_pg ;;
    *) sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
