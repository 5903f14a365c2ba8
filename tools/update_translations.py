#!/usr/bin/env python3
# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Refresh i18n/contact_partner_sync.pot from a database, merge it into the .po files.

    python tools/update_translations.py --db cps_dev [--update] [--check]

The addon must be installed, up to date (--update upgrades it first), in the database.
Odoo exports the template; each i18n/<lang>.po keeps its translations (matched by the
exact text, else by the text with its whitespace normalized, as reindented XML changes
it), gains the new strings untranslated and loses the strings that are gone. The output
lists what is left to translate; --check exits with 1 when something is.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile

import polib

ADDON = "contact_partner_sync"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
I18N = os.path.join(ROOT, "i18n")
LANGUAGES = {
    "fi": "nplurals=2; plural=(n != 1);",
    "sv": "nplurals=2; plural=(n != 1);",
    "it": "nplurals=2; plural=(n != 1);",
    "ru": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
    "(n%100<10 || n%100>=20) ? 1 : 2);",
}


def normalize(text):
    return " ".join(text.split())


def export_pot(db, update):
    """The template exported by Odoo from ``db``, as a polib file."""
    dev = [os.path.join(ROOT, "tools", "dev.sh"), "odoo", "-d", db]
    quiet = ["--stop-after-init", "--log-level=warn"]
    if update:
        subprocess.run([*dev, "-u", ADDON, *quiet], check=True)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, f"{ADDON}.pot")
        subprocess.run(
            [*dev, f"--i18n-export={path}", f"--modules={ADDON}", *quiet],
            check=True,
        )
        pot = polib.pofile(path, wrapwidth=78)
    for entry in pot:
        entry.occurrences = _clean_occurrences(entry.occurrences)
    return pot


def _clean_occurrences(occurrences):
    """Odoo walks the addon through symlinks: keep one path per file, relative to the
    addon (code:addons/contact_partner_sync/<path>)."""
    cleaned = []
    for name, line in occurrences:
        if name.startswith("code:"):
            path = re.split(rf"(?:^|/){ADDON}/", name)[-1]
            name = f"code:addons/{ADDON}/{path}"
        if (name, line) not in cleaned:
            cleaned.append((name, line))
    return cleaned


def merge(pot, lang, old):
    """A .po of ``lang`` with the entries of ``pot``, translated as in ``old``."""
    exact = {(e.msgctxt, e.msgid): e.msgstr for e in old if e.msgstr and not e.obsolete}
    loose = {normalize(e.msgid): e.msgstr for e in old if e.msgstr and not e.obsolete}
    po = polib.POFile(wrapwidth=78)
    po.metadata = dict(pot.metadata)
    po.metadata.update(
        {
            "Language": lang,
            "Plural-Forms": LANGUAGES[lang],
            "Content-Type": "text/plain; charset=UTF-8",
            "Content-Transfer-Encoding": "",
        }
    )
    po.header = pot.header
    for entry in pot:
        msgstr = exact.get((entry.msgctxt, entry.msgid)) or loose.get(
            normalize(entry.msgid), ""
        )
        po.append(
            polib.POEntry(
                msgid=entry.msgid,
                msgctxt=entry.msgctxt,
                msgstr=msgstr,
                occurrences=entry.occurrences,
                comment=entry.comment,
                tcomment=entry.tcomment,
                flags=[f for f in entry.flags if f != "fuzzy"],
            )
        )
    return po


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="database with the addon installed")
    parser.add_argument("--update", action="store_true", help="upgrade the addon first")
    parser.add_argument(
        "--no-export",
        action="store_true",
        help="merge the committed .pot again, without a database",
    )
    parser.add_argument(
        "--check", action="store_true", help="exit with 1 if a string is untranslated"
    )
    parser.add_argument("languages", nargs="*", default=sorted(LANGUAGES))
    args = parser.parse_args()
    pot_path = os.path.join(I18N, f"{ADDON}.pot")
    if args.no_export:
        pot = polib.pofile(pot_path, wrapwidth=78)
    else:
        if not args.db:
            parser.error("--db is required (or --no-export)")
        pot = export_pot(args.db, args.update)
        os.makedirs(I18N, exist_ok=True)
        pot.save(pot_path)
    missing = 0
    for lang in args.languages:
        path = os.path.join(I18N, f"{lang}.po")
        old = polib.pofile(path) if os.path.exists(path) else []
        po = merge(pot, lang, old)
        po.save(path)
        todo = [e.msgid for e in po if not e.msgstr]
        missing += len(todo)
        print(f"{lang}: {len(po) - len(todo)}/{len(po)} translated")
        for msgid in todo:
            print(f"    untranslated: {normalize(msgid)[:100]}")
    if args.check and missing:
        sys.exit(1)


if __name__ == "__main__":
    main()
