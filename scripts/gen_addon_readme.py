#!/usr/bin/env python3
# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Write each add-on's README.rst from its readme/ fragments.

Run with --check to fail when a README.rst is not up to date.
"""
import ast
import sys
from pathlib import Path

ADDONS = Path(__file__).resolve().parent.parent / "addons"
SECTIONS = [
    ("DESCRIPTION", None),
    ("CONFIGURE", "Configuration"),
    ("USAGE", "Usage"),
    ("CONTRIBUTORS", "Contributors"),
]


def render(addon):
    manifest = ast.literal_eval((addon / "__manifest__.py").read_text())
    title = manifest["name"]
    parts = [
        "=" * len(title),
        title,
        "=" * len(title),
        "",
        f".. |badge1| image:: https://img.shields.io/badge/license-"
        f"{manifest['license']}-blue.png",
        "",
        "|badge1|",
        "",
    ]
    for fragment, heading in SECTIONS:
        path = addon / "readme" / f"{fragment}.rst"
        if not path.exists():
            continue
        if heading:
            parts += [heading, "=" * len(heading), ""]
        parts += [path.read_text().strip(), ""]
    parts += [
        "Maintainers",
        "===========",
        "",
        f"This module is maintained by {manifest['author']}.",
        "",
    ]
    return "\n".join(parts)


def main():
    check = "--check" in sys.argv
    stale = []
    for manifest in sorted(ADDONS.glob("*/__manifest__.py")):
        addon = manifest.parent
        readme = addon / "README.rst"
        text = render(addon)
        if check:
            if not readme.exists() or readme.read_text() != text:
                stale.append(addon.name)
        else:
            readme.write_text(text)
    if stale:
        print("README.rst out of date, run scripts/gen_addon_readme.py:", *stale)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
