#!/usr/bin/env bash
# Odoo's own test suites for partners, bank accounts and the merge wizard, run with and
# without contact_partner_sync, then uninstall / reinstall of the addon.
#
#   bash tools/odoo_suites.sh            all of it (three scratch databases, ~10 minutes)
#
# Odoo's base tests are "at_install": they run while base alone is loaded, so they
# would never meet this addon. A throwaway addon, generated under .local/ and installed
# on the scratch databases only, re-declares the selected classes as "post_install"
# tests (the inherited test methods, unchanged) so that they run on the full registry:
#
#   plain         the addon's dependencies only (the reference counts)
#   installed     + contact_partner_sync, business relation codes unset (as installed)
#   configured    + the codes CUST / VEND / BANK set on every company (committed by a
#                 short script before the run, like an administrator would)
#
# Then, on the configured database: data is created (a contact with its customer /
# vendor and bank account), the addon is uninstalled (button_immediate_uninstall), every
# partner, bank account and bank is checked to be there still, and the addon is
# installed again and used. Environment: CPS_SUITES_DB (database prefix, default
# cps_suites), CPS_SUITES_KEEP=1 keeps the databases, CPS_SUITES_REUSE=1 runs on the
# kept ones, CPS_SUITES_SKIP_SUITES=1 goes to the uninstall part, CPS_HTTP_PORT
# (default 8789), ODOO_SERIES (as tools/dev.sh: 19.0 or 18.0).
set -euo pipefail

PROJECT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DEV=("bash" "$PROJECT/tools/dev.sh")
SERIES=${ODOO_SERIES:-19.0}
export ODOO_SERIES=$SERIES
PREFIX=${CPS_SUITES_DB:-cps_suites_${SERIES%%.*}}
PORT=${CPS_HTTP_PORT:-8789}
DEPS=contacts,account,sale_management,purchase,purchase_requisition
LOGS=$PROJECT/.local/suite-logs/$SERIES
SUITE_ADDONS=$PROJECT/.local/suite_addons
# module -> test module:classes
SUITES=(
    "base test_res_partner TestPartner TestPartnerAddressCompany TestPartnerForm TestPartnerRecursion"
    "base test_res_partner_bank TestResPartnerBank"
    "base test_res_partner_merge TestMergePartner"
    "account test_account_partner TestAccountPartner"
    "account test_res_partner_merge TestMergePartner"
)

log() { printf '\033[1m[odoo_suites]\033[0m %s\n' "$*" >&2; }

"${DEV[@]}" setup >/dev/null
CONF=$PROJECT/.local/odoo-$SERIES.conf
FILESTORE=$(sed -n 's/^data_dir = //p' "$CONF")/filestore
ADDONS_PATH="$(sed -n 's/^addons_path = //p' "$CONF"),$SUITE_ADDONS"
PGPORT=$(sed -n 's/^db_port = //p' "$CONF")
# the project's virtualenv (made by dev.sh setup): Odoo is importable from it
PY=$(ls -dt "${CPS_CACHE:-$HOME/.cache/contact_partner_sync}"/venv-"$SERIES"-py*/.ready | head -1)
PY=$(dirname "$PY")/bin/python
export PGHOST=127.0.0.1 PGPORT PGUSER=odoo
mkdir -p "$LOGS"

# ---------------------------------------------------------------- the throwaway addon
write_suite_addon() {
    local dir=$SUITE_ADDONS/cps_odoo_suites
    rm -rf "$dir"
    mkdir -p "$dir/tests"
    echo "" > "$dir/__init__.py"
    cat > "$dir/__manifest__.py" <<PY
{"name": "Odoo suites as post-install tests (throwaway)", "version": "$SERIES.0.0.0",
 "depends": ["${DEPS//,/\", \"}"], "license": "LGPL-3", "installable": True}
PY
    {
        echo "from odoo.tests import tagged"
        echo
        local line module file classes cls
        for line in "${SUITES[@]}"; do
            read -r module file classes <<<"$line"
            echo "from odoo.addons.$module.tests import $file as ${module}_$file"
        done
        echo
        for line in "${SUITES[@]}"; do
            read -r module file classes <<<"$line"
            for cls in $classes; do
                echo "${module^}$cls = tagged(\"post_install\", \"-at_install\", \"cps_suites\")("
                echo "    type(\"${module^}$cls\", (${module}_$file.$cls,), {"
                echo "        \"__module__\": __name__, \"allow_inherited_tests_method\": True})"
                echo ")"
            done
        done
    } > "$dir/tests/test_suites.py"
    echo "from . import test_suites" > "$dir/tests/__init__.py"
}

# ---------------------------------------------------------------- helpers
odoo() { "${DEV[@]}" odoo --addons-path="$ADDONS_PATH" --http-port="$PORT" "$@"; }
drop() {
    psql -d postgres -qc "drop database if exists \"$1\" with (force)" >/dev/null
    rm -rf "${FILESTORE:?}/$1"
}
counts() { grep -Eo '[0-9]+ failed, [0-9]+ error\(s\) of [0-9]+ tests' "$1" | tail -1 || echo "no test run"; }

py() {  # database: run the Python code of stdin with `env` (superuser) on it, committed
    local code
    code=$(sed 's/^/    /')
    "$PY" - "$CONF" "$ADDONS_PATH" "$1" <<PY
import sys

import odoo
from odoo import SUPERUSER_ID, api

conf, addons_path, db = sys.argv[1:4]
odoo.tools.config.parse_config(["-c", conf, "--addons-path", addons_path, "-d", db, "--log-level=warn"])
with odoo.modules.registry.Registry(db).cursor() as cr:
    env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
$code
PY
}

run_suites() {  # database variant
    local db=$1 variant=$2
    log "$variant: Odoo's suites on $db"
    odoo -d "$db" --test-enable --test-tags cps_suites --stop-after-init --log-level=test \
        >"$LOGS/$variant.log" 2>&1 || true
    RESULTS+=("$(printf '%-11s %s' "$variant" "$(counts "$LOGS/$variant.log")")")
    grep -E '(FAIL|ERROR): ' "$LOGS/$variant.log" | sed "s/^/    $variant: /" >&2 || true
}

set_codes() {  # database
    py "$1" <<'CODE'
env["res.company"].with_context(active_test=False).search([]).write({
    f"{kind}_business_relation_id": env.ref(f"contact_partner_sync.business_relation_{kind}").id
    for kind in ("customer", "vendor", "bank_account")
})
CODE
}

uninstall_reinstall() {  # database
    local db=$1
    log "uninstall / reinstall on $db"
    : > "$LOGS/uninstall.err"
    py "$db" > "$LOGS/uninstall.json" 2>>"$LOGS/uninstall.err" <<'CODE'
import json
Partner = env["res.partner"].with_context(active_test=False)
contact = Partner.create({"name": "Uninstall Oy", "is_contact": True, "is_company": True, "phone": "+358 1"})
contact.create_customer()
contact.create_vendor()
number = "FI21123456%06d" % env["res.partner.bank"].with_context(active_test=False).search_count([])
contact.create_bank_account(number, bic="UNINFIHH")
env["contact.interaction.log"].create({
    "contact_id": contact.id, "description": "Phone call",
    "template_id": env["contact.interaction.template"].search([], limit=1).id,
})
automatic = Partner.create({"name": "Automatic Customer", "customer_rank": 1})
assert automatic.linked_contact_id, "configured: a new customer gets its contact"
env.flush_all()
# the addon's own records (its demo data) are module data: Odoo deletes them with it
own = env["ir.model.data"].search([("module", "=", "contact_partner_sync")])
own_ids = {model: set(own.filtered(lambda d: d.model == model).mapped("res_id"))
           for model in ("res.partner", "res.partner.bank", "res.bank")}
print(json.dumps({
    "module data": sum(len(ids) for ids in own_ids.values()),
    "res.partner": [i for i in Partner.search([]).ids if i not in own_ids["res.partner"]],
    "contacts": Partner.search_count([("is_contact", "=", True)]),
    "links": env["contact.business.relation"].search_count([]),
    "res.partner.bank": [i for i in env["res.partner.bank"].search([]).ids
                         if i not in own_ids["res.partner.bank"]],
    "res.bank": [i for i in env["res.bank"].with_context(active_test=False).search([]).ids
                 if i not in own_ids["res.bank"]],
}))
CODE
    py "$db" <<'CODE' >/dev/null 2>>"$LOGS/uninstall.err"
env["ir.module.module"].search([("name", "=", "contact_partner_sync")]).button_immediate_uninstall()
CODE
    py "$db" <<CODE 2>>"$LOGS/uninstall.err"
import json
before = json.load(open("$LOGS/uninstall.json"))
lost = {}
for model, table, where in (("res.partner", "res_partner", ""), ("res.partner.bank", "res_partner_bank", "WHERE active"), ("res.bank", "res_bank", "")):
    env.cr.execute(f"SELECT id FROM {table} {where}")
    lost[model] = sorted(set(before[model]) - {r[0] for r in env.cr.fetchall()})
env.cr.execute("SELECT to_regclass('contact_business_relation'), to_regclass('business_relation')")
tables = [t for t in env.cr.fetchone() if t]
state = env["ir.module.module"].search([("name", "=", "contact_partner_sync")]).state
ok = state == "uninstalled" and not tables and not any(lost.values())
print(f"{'OK' if ok else 'FAIL'} uninstall: module {state}; of {len(before['res.partner'])} partners"
      f" ({before['contacts']} contacts, {before['links']} links), {len(before['res.partner.bank'])}"
      f" bank accounts and {len(before['res.bank'])} banks, lost: {json.dumps(lost)}"
      f" (the addon's {before['module data']} demo records go as module data);"
      f" tables left: {tables or 'none'}")
CODE
    py "$db" <<'CODE' >/dev/null 2>>"$LOGS/uninstall.err"
env["ir.module.module"].search([("name", "=", "contact_partner_sync")]).button_immediate_install()
CODE
    py "$db" <<'CODE' 2>>"$LOGS/uninstall.err"
state = env["ir.module.module"].search([("name", "=", "contact_partner_sync")]).state
codes = sorted(env["business.relation"].search([]).mapped("code"))
companies = env["res.company"].search([])
set_codes = companies.filtered("customer_business_relation_id")
companies.customer_business_relation_id = env.ref("contact_partner_sync.business_relation_customer")
contact = env["res.partner"].create({"name": "Reinstalled Oy", "is_contact": True, "is_company": True})
customer = contact.create_customer()
customer.phone = "+358 2"
old = env["res.partner"].search([("name", "in", ("Uninstall Oy", "Automatic Customer"))])
checks = {
    "installed": state == "installed",
    "codes": {"BANK", "CUST", "VEND"} <= set(codes),
    "sequences": all(companies.mapped("contact_sequence_id")),
    "numbered": bool(contact.contact_no),
    "linked": customer.linked_contact_id == contact and contact.phone == "+358 2",
    "kept": len(old) >= 3,
}
ok = all(checks.values())
if not ok:
    print("FAIL checks:", checks)
print(f"{'OK' if ok else 'FAIL'} reinstall: module {state}, codes {codes} (set on"
      f" {len(set_codes)} companies, by the demo data if any),"
      f" Contact Nos. on {len(companies.filtered('contact_sequence_id'))}/{len(companies)} companies;"
      f" new contact {contact.contact_no} created its customer and follows its phone;"
      f" the {len(old)} partners of before are there, as plain partners"
      f" (is_contact: {sorted(set(old.mapped('is_contact')))})")
env.cr.rollback()
CODE
}

# ---------------------------------------------------------------- main
write_suite_addon
RESULTS=()
PLAIN=${PREFIX}_plain INSTALLED=${PREFIX}_installed CONFIGURED=${PREFIX}_configured
if [ "${CPS_SUITES_REUSE:-}" != 1 ]; then
    for db in "$PLAIN" "$INSTALLED" "$CONFIGURED"; do drop "$db"; done
    log "creating $PLAIN (the addon's dependencies)"
    odoo -d "$PLAIN" -i "$DEPS,cps_odoo_suites" --stop-after-init --log-level=warn >"$LOGS/install.log" 2>&1
    for db in "$INSTALLED" "$CONFIGURED"; do
        psql -d postgres -qc "create database \"$db\" template \"$PLAIN\"" >/dev/null
        [ -d "$FILESTORE/$PLAIN" ] && cp -a "$FILESTORE/$PLAIN" "$FILESTORE/$db"
        log "installing contact_partner_sync on $db"
        odoo -d "$db" -i contact_partner_sync --stop-after-init --log-level=warn >>"$LOGS/install.log" 2>&1
    done
fi
set_codes "$CONFIGURED"
if [ "${CPS_SUITES_SKIP_SUITES:-}" != 1 ]; then
    run_suites "$PLAIN" plain
    run_suites "$INSTALLED" installed
    run_suites "$CONFIGURED" configured
fi
UNINSTALL=$(uninstall_reinstall "$CONFIGURED")
if [ "${CPS_SUITES_KEEP:-}" != 1 ]; then
    for db in "$PLAIN" "$INSTALLED" "$CONFIGURED"; do drop "$db"; done
fi
echo
echo "Odoo's suites (base: TestPartner, TestPartnerAddressCompany, TestPartnerForm,"
echo "TestPartnerRecursion, TestResPartnerBank, TestMergePartner; account: TestAccountPartner,"
echo "TestMergePartner):"
printf '  %s\n' "${RESULTS[@]}"
echo "Uninstall / reinstall:"
printf '  %s\n' "$UNINSTALL"
echo "Logs: $LOGS"
! grep -q FAIL <<<"$UNINSTALL"
