# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import collections
import re

import pytest
from addons_info import (
    ADDONS,
    REQUIRED_LAYOUT,
    access_rows,
    addon_path,
    defined_xmlids,
    dependency_closure,
    find_module_dir,
    manifest,
    odoo_addons_dirs,
    xml_files,
)
from lxml import etree

EXPECTED_ADDONS = ["client_portal", "mq_label", "symetrie_evaluation", "symetrie_orders"]
APPLICATIONS = {"symetrie_orders", "mq_label"}


def test_the_four_addons_are_there():
    assert ADDONS == EXPECTED_ADDONS


@pytest.mark.parametrize("addon", ADDONS)
def test_manifest_keys(addon):
    data = manifest(addon)
    assert re.fullmatch(r"18\.0\.\d+\.\d+\.\d+", data["version"]), data["version"]
    assert data["license"] == "LGPL-3"
    for key in ("name", "summary", "author", "website", "category", "depends"):
        assert data.get(key), f"{addon}: manifest key {key} is missing"
    assert data["installable"] is True
    assert data.get("application", False) is (addon in APPLICATIONS)
    assert isinstance(data.get("data"), list) and isinstance(data.get("demo"), list)


@pytest.mark.parametrize("addon", ADDONS)
def test_manifest_depends_on_known_modules(addon):
    for dep in manifest(addon)["depends"]:
        if dep in ADDONS:
            continue
        assert re.fullmatch(r"[a-z_0-9]+", dep)
        if odoo_addons_dirs():
            assert find_module_dir(dep), f"{addon} depends on unknown module {dep}"


@pytest.mark.parametrize("addon", ADDONS)
def test_manifest_files_exist(addon):
    data = manifest(addon)
    base = addon_path(addon)
    for key in ("data", "demo"):
        for rel in data.get(key, []):
            assert (base / rel).is_file(), f"{addon}: {key} file {rel} is missing"
    for bundle, globs in data.get("assets", {}).items():
        for pattern in globs:
            prefix, _, rel = pattern.partition("/")
            assert prefix == addon, f"{addon}: asset {pattern} outside the add-on"
            assert list(base.glob(rel)), f"{addon}: asset {pattern} of {bundle} matches nothing"


@pytest.mark.parametrize("addon", ADDONS)
def test_layout(addon):
    base = addon_path(addon)
    for rel in REQUIRED_LAYOUT:
        assert (base / rel).exists(), f"{addon}: {rel} is missing"
    assert (base / "i18n" / f"{addon}.pot").is_file()
    assert (base / "i18n" / "fr.po").is_file()


@pytest.mark.parametrize("addon", ADDONS)
def test_every_xml_and_csv_file_is_loaded(addon):
    data = manifest(addon)
    listed = set(data.get("data", [])) | set(data.get("demo", []))
    base = addon_path(addon)
    for path in list(xml_files(addon)) + list(base.rglob("*.csv")):
        rel = str(path.relative_to(base))
        if rel.startswith("static/"):
            continue
        assert rel in listed, f"{addon}: {rel} is not in the manifest"


@pytest.mark.parametrize("addon", ADDONS)
def test_xml_well_formed_and_ids_unique(addon):
    seen = collections.Counter()
    for path in xml_files(addon):
        tree = etree.parse(str(path))  # raises on a malformed file
        for node in tree.iter("record", "menuitem", "template"):
            xmlid = node.get("id")
            if xmlid and "." not in xmlid:
                seen[xmlid] += 1
    duplicates = [xmlid for xmlid, count in seen.items() if count > 1]
    assert not duplicates, f"{addon}: duplicated record ids {duplicates}"


def _resolve(addon, ref):
    module, _, name = ref.rpartition(".")
    module = module or addon
    closure = dependency_closure(addon)
    # Without Odoo's source the dependencies of Odoo's modules are unknown: a
    # module outside the known closure can then only be checked with Odoo.
    closure_is_complete = all(find_module_dir(m) for m in closure)
    if closure_is_complete or module in ADDONS:
        assert module in closure, f"{addon}: {ref} is from {module}, not a dependency"
    if find_module_dir(module) is not None:
        assert name in defined_xmlids(module), f"{addon}: {ref} does not exist"


@pytest.mark.parametrize("addon", ADDONS)
def test_access_rows_name_existing_models_and_groups(addon):
    rows = access_rows(addon)
    ids = [row["id"] for row in rows]
    assert len(ids) == len(set(ids)), f"{addon}: duplicated access ids"
    for row in rows:
        _resolve(addon, row["model_id:id"])
        if row["group_id:id"]:
            _resolve(addon, row["group_id:id"])
        for perm in ("perm_read", "perm_write", "perm_create", "perm_unlink"):
            assert row[perm] in ("0", "1")


@pytest.mark.parametrize("addon", ADDONS)
def test_each_addon_has_user_and_manager_groups_and_a_root_menu(addon):
    ids = defined_xmlids(addon)
    groups = [xmlid for xmlid in ids if xmlid.startswith("group_")]
    assert any(g.endswith("_user") for g in groups), groups
    assert any(g.endswith("_manager") for g in groups), groups
    roots = []
    for path in xml_files(addon):
        for node in etree.parse(str(path)).iter("menuitem"):
            if not node.get("parent"):
                roots.append(node.get("id"))
    assert len(roots) == 1, f"{addon}: root menus {roots}"
