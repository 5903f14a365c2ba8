#!/usr/bin/env python3
# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Take the README screenshots from a running Odoo with headless Chromium.

Serve a demo database first, then run this with the project's virtualenv python
(it needs websocket-client, an Odoo dependency):

    tools/dev.sh odoo -d cps_demo --http-port=8489 &
    python tools/screenshots.py --url http://localhost:8489 --db cps_demo

Each shot opens a URL of the web client, then runs its steps (a line of JavaScript to
click or scroll, a CSS selector to wait for) and saves
static/description/screenshot_<name>.png.
"""

import argparse
import base64
import json
import os
import shutil
import subprocess
import tempfile
import time
import urllib.request

import websocket  # websocket-client

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(HERE), "static", "description")


def open_row(text):
    """JavaScript clicking the first list row containing ``text``."""
    return (
        "[...document.querySelectorAll('.o_data_row')]"
        f".find(r => r.textContent.includes('{text}'))"
        ".querySelector('td.o_data_cell').click()"
    )


CONTACTS = "/odoo/action-contact_partner_sync.action_relationship_contacts"
CUSTOMERS = "/odoo/action-account.res_partner_action_customer?view_type=list"
# JavaScript: Tags (category_id) synchronized both ways for customers and vendors,
# through the web client's own session
ADD_TAGS_FIELD = """(async () => {
    const call = (model, method, args) => fetch('/web/dataset/call_kw', {
        method: 'POST', headers: {'Content-Type': 'application/json'},
        body: JSON.stringify({jsonrpc: '2.0', method: 'call',
            params: {model, method, args, kwargs: {}}}),
    }).then((r) => r.json()).then((r) => r.result);
    const [field] = await call('ir.model.fields', 'search',
        [[['model', '=', 'res.partner'], ['name', '=', 'category_id']]]);
    for (const kind of ['customer', 'vendor']) {
        const domain = [['link_to', '=', kind], ['contact_field_id', '=', field]];
        if (!(await call('contact.sync.field', 'search_count', [domain]))) {
            await call('contact.sync.field', 'create',
                [{link_to: kind, contact_field_id: field, linked_field_id: field}]);
        }
    }
    document.body.dataset.cpsPrepared = '1';
})()"""

# name, path, then (JavaScript to run or None, CSS selector to wait for) steps
SHOTS = [
    (
        "contact_form",
        CONTACTS,
        (None, ".o_data_row"),
        (open_row("Nordlys"), "button[name=action_view_contact_customer]"),
    ),
    ("contact_list", CONTACTS, (None, ".o_data_row")),
    (
        "create_as",
        CONTACTS,
        (None, ".o_data_row"),
        (open_row("Baltic"), ".o_statusbar_buttons button"),
        (
            "[...document.querySelectorAll('.o_statusbar_buttons button')]"
            ".find(b => b.textContent.includes('Create as')).click()",
            ".modal .o_field_widget[name=template_id]",
        ),
    ),
    (
        "settings",
        "/odoo/settings",
        (
            None,
            "#contact_numbering_setting",
        ),
        (
            "document.querySelector('#contact_numbering_setting')"
            ".closest('.o_settings_container').previousElementSibling"
            ".scrollIntoView({block: 'start'})",
            None,
        ),
    ),
    (
        "one_face",
        "/odoo/contacts?view_type=list",
        (None, ".o_data_row"),
        (
            "const i = document.querySelector('.o_searchview_input');"
            "i.value = 'Deco'; i.dispatchEvent(new Event('input'));",
            ".o_searchview_autocomplete",
        ),
        (
            "document.querySelector('.o_searchview_input').dispatchEvent("
            "new KeyboardEvent('keydown', {key: 'Enter', bubbles: true}))",
            ".o_searchview_facet",
        ),
    ),
    (
        "one_face_dropdown",
        "/odoo/action-sale.action_quotations_with_onboarding/new",
        (None, ".o_field_widget[name=partner_id] input"),
        (
            "const i = document.querySelector("
            "'.o_field_widget[name=partner_id] input');"
            "i.focus(); i.value = 'Deco';"
            "i.dispatchEvent(new Event('input', {bubbles: true}));",
            ".o-autocomplete--dropdown-menu",
        ),
    ),
    (
        "sync_fields",
        "/odoo/settings",
        (None, "#contact_sync_fields_setting"),
        (
            "document.querySelector('#contact_sync_fields_setting "
            "button[name=action_contact_sync_fields]').click()",
            ".o_list_view .o_data_row",
        ),
    ),
    (
        # as an admin who adds a field: Tags, both ways, for customers and vendors;
        # the demo's linked pairs differ on it, Check Now lists them
        "differences",
        "/odoo/settings",
        (None, "#contact_sync_fields_setting"),
        (ADD_TAGS_FIELD, "body[data-cps-prepared]"),
        (
            "[...document.querySelectorAll('#contact_sync_fields_setting "
            "button[name=action_contact_sync_run]')]"
            ".find(b => b.textContent.includes('Check Now')).click()",
            ".o_list_view .o_data_row",
        ),
        ("document.querySelector('.o_notification_close')?.click()", None),
    ),
    (
        "customer_contact",
        CUSTOMERS,
        (None, ".o_data_row"),
        (open_row("Deco Addict"), "button[name=action_view_linked_contact]"),
    ),
]


class Chrome:
    def __init__(self, width, height):
        self.profile = tempfile.mkdtemp(prefix="cps-shots-")
        binary = shutil.which("chromium") or shutil.which("google-chrome")
        self.proc = subprocess.Popen(
            [
                binary,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                f"--user-data-dir={self.profile}",
                f"--window-size={width},{height}",
                "--remote-debugging-port=0",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        port_file = os.path.join(self.profile, "DevToolsActivePort")
        for _i in range(100):
            if os.path.exists(port_file) and open(port_file).read().strip():
                break
            time.sleep(0.1)
        port = open(port_file).read().split()[0]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json") as resp:
            page = next(t for t in json.load(resp) if t["type"] == "page")
        self.ws = websocket.create_connection(
            page["webSocketDebuggerUrl"], timeout=60, suppress_origin=True
        )
        self.msg_id = 0
        self.call(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=False,
        )

    def call(self, method, **params):
        self.msg_id += 1
        self.ws.send(
            json.dumps({"id": self.msg_id, "method": method, "params": params})
        )
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == self.msg_id:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get("result", {})

    def js(self, expression):
        res = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return res.get("result", {}).get("value")

    def wait(self, selector, timeout=30):
        check = f"!!document.querySelector({json.dumps(selector)})"
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.js(check):
                return
            time.sleep(0.3)
        self.screenshot(os.path.join(tempfile.gettempdir(), "cps-shots-failed.png"))
        raise TimeoutError(f"{selector} did not appear (see cps-shots-failed.png)")

    def goto(self, url):
        self.call("Page.navigate", url=url)
        time.sleep(1)

    def screenshot(self, path):
        data = self.call("Page.captureScreenshot", format="png")["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))

    def close(self):
        self.ws.close()
        self.proc.terminate()
        self.proc.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://localhost:8489")
    parser.add_argument("--db", required=True)
    parser.add_argument("--login", default="admin")
    parser.add_argument("--password", default="admin")
    parser.add_argument("--suffix", default="", help="appended to the file names")
    parser.add_argument("--out", default=OUT)
    parser.add_argument("--size", default="1400x900")
    parser.add_argument("only", nargs="*", help="names of the shots (default: all)")
    args = parser.parse_args()
    width, height = map(int, args.size.split("x"))
    chrome = Chrome(width, height)
    try:
        chrome.goto(f"{args.url}/web/login?db={args.db}")
        chrome.wait("input[name=login]")
        chrome.js(
            f"document.querySelector('input[name=login]').value = "
            f"{json.dumps(args.login)};"
            f"document.querySelector('input[name=password]').value = "
            f"{json.dumps(args.password)};"
            "document.querySelector('form.oe_login_form').submit();"
        )
        time.sleep(2)
        chrome.wait(".o_main_navbar")
        suffix = args.suffix
        for name, path, *steps in SHOTS:
            if args.only and name not in args.only:
                continue
            chrome.goto(args.url + path)
            for step_js, step_selector in steps:
                if step_js:
                    chrome.js(step_js)
                if step_selector:
                    chrome.wait(step_selector)
                time.sleep(1.5)
            out = os.path.join(args.out, f"screenshot_{name}{suffix}.png")
            chrome.screenshot(out)
            print(out)
    finally:
        chrome.close()


if __name__ == "__main__":
    main()
