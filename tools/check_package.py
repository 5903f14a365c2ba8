"""Check that the wheel built from setup.cfg carries the whole addon.

Builds the wheel of this checkout (pip wheel, no dependencies) and verifies that it has,
under odoo/addons/contact_partner_sync/, the manifest, every file the manifest loads
(data, demo, assets), every Python file and every translation. Exits non-zero listing
what is missing, so a file added without a matching package_data pattern is caught.
"""

import ast
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ADDON = "contact_partner_sync"
ROOT = Path(__file__).resolve().parent.parent


def expected_files():
    manifest = ast.literal_eval((ROOT / "__manifest__.py").read_text())
    files = {"__manifest__.py", "static/description/icon.png"}
    files.update(manifest.get("data", []) + manifest.get("demo", []))
    for bundle in manifest.get("assets", {}).values():
        files.update(f.split(f"{ADDON}/", 1)[1] for f in bundle if isinstance(f, str))
    tracked = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    top = {"__init__.py", "__manifest__.py"}
    folders = {ADDON, "tests", "i18n", "migrations"}
    for name in tracked:
        if name in top or name.split("/", 1)[0] in folders:
            if name.endswith((".py", ".po", ".pot")):
                files.add(name)
    return {f for f in files if "*" not in f}, tracked


def main():
    expected, tracked = expected_files()
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp, "src")
        src.mkdir()
        for name in tracked:  # build from a copy: no build/ folder left in the checkout
            target = src / name
            target.parent.mkdir(parents=True, exist_ok=True)
            if (ROOT / name).is_file():
                target.write_bytes((ROOT / name).read_bytes())
        build = subprocess.run(
            [
                *(sys.executable, "-m", "pip", "wheel", "-q", "--no-deps"),
                *("--no-build-isolation", "-w", tmp, str(src)),
            ],
            capture_output=True,
            text=True,
        )
        if build.returncode:
            print(build.stdout + build.stderr)
            return 1
        wheel = next(Path(tmp).glob("*.whl"))
        prefix = f"odoo/addons/{ADDON}/"
        names = {
            n[len(prefix) :]
            for n in zipfile.ZipFile(wheel).namelist()
            if n.startswith(prefix)
        }
    missing = sorted(expected - names)
    if missing:
        print(f"{wheel.name} lacks: " + ", ".join(missing))
        return 1
    print(
        f"{wheel.name}: {len(names)} files, all {len(expected)} expected files present"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
