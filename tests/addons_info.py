# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Read the project's add-ons (and Odoo's, when its source is at hand) without Odoo."""
import ast
import csv
import functools
import importlib.util
import os
import re
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
ADDONS_DIR = ROOT / "addons"
ADDONS = sorted(p.parent.name for p in ADDONS_DIR.glob("*/__manifest__.py"))
REQUIRED_LAYOUT = [
    "models",
    "views",
    "security",
    "data",
    "demo",
    "i18n",
    "tests",
    "readme/DESCRIPTION.rst",
    "readme/USAGE.rst",
    "readme/CONFIGURE.rst",
    "static/description/icon.png",
]
MODEL_NAME_RE = re.compile(r"""^\s*_name\s*=\s*["']([\w.]+)["']""", re.MULTILINE)


def addon_path(addon):
    return ADDONS_DIR / addon


@functools.cache
def manifest(addon):
    return ast.literal_eval((addon_path(addon) / "__manifest__.py").read_text())


def xml_files(addon):
    return sorted(addon_path(addon).rglob("*.xml"))


def model_xmlid(model_name):
    return "model_" + model_name.replace(".", "_")


@functools.cache
def odoo_addons_dirs():
    """Directories holding Odoo's own add-ons, when its source can be found.

    ODOO_ADDONS_PATH (comma-separated) wins; otherwise the installed ``odoo``
    package is located without importing it.
    """
    if os.environ.get("ODOO_ADDONS_PATH"):
        dirs = [Path(p) for p in os.environ["ODOO_ADDONS_PATH"].split(",") if p]
    else:
        spec = importlib.util.find_spec("odoo")
        if not spec or not spec.submodule_search_locations:
            return ()
        package = Path(list(spec.submodule_search_locations)[0])
        dirs = [package / "addons", package.parent / "addons"]
    return tuple(d for d in dirs if d.is_dir())


def find_module_dir(module):
    if (ADDONS_DIR / module / "__manifest__.py").exists():
        return ADDONS_DIR / module
    for base in odoo_addons_dirs():
        if (base / module / "__manifest__.py").exists():
            return base / module
    return None


@functools.cache
def dependency_closure(module):
    """The module and every module it depends on, as far as their source is known."""
    seen = {"base"}
    todo = [module]
    while todo:
        current = todo.pop()
        if current in seen and current != module:
            continue
        seen.add(current)
        current_dir = find_module_dir(current)
        if current_dir is not None:
            manifest_text = (current_dir / "__manifest__.py").read_text()
            todo += ast.literal_eval(manifest_text).get("depends", [])
    return frozenset(seen)


@functools.cache
def defined_xmlids(module):
    """XML ids a module defines: records, menus, templates, and ``model_*`` ids."""
    module_dir = find_module_dir(module)
    ids = set()
    if module_dir is None:
        return frozenset()
    for path in module_dir.rglob("*.xml"):
        if "static" in path.parts:
            continue
        try:
            tree = etree.parse(str(path))
        except etree.XMLSyntaxError:
            continue
        for node in tree.iter("record", "menuitem", "template"):
            xmlid = node.get("id")
            if xmlid and "." not in xmlid:
                ids.add(xmlid)
    for path in module_dir.rglob("*.py"):
        for name in MODEL_NAME_RE.findall(path.read_text(errors="ignore")):
            ids.add(model_xmlid(name))
    return frozenset(ids)


def access_rows(addon):
    path = addon_path(addon) / "security" / "ir.model.access.csv"
    if not path.exists():
        return []
    with path.open(newline="") as handle:
        return list(csv.DictReader(handle))
