# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The OCA linters must report nothing."""
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from addons_info import ADDONS, ROOT

BIN = Path(sys.executable).parent


def _tool(name):
    path = BIN / name
    if path.exists():
        return str(path)
    found = shutil.which(name)
    if not found:
        pytest.fail(f"{name} is not installed: run the README's test command")
    return found


def _run(*args):
    return subprocess.run(
        args, cwd=ROOT, capture_output=True, text=True, check=False, timeout=600
    )


def test_pylint_odoo_mandatory_checks():
    result = _run(
        _tool("pylint"),
        "--rcfile=.pylintrc-mandatory",
        *[f"addons/{addon}" for addon in ADDONS],
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "", result.stdout


def test_oca_checks_odoo_module():
    result = _run(
        _tool("oca-checks-odoo-module"), *[f"addons/{addon}" for addon in ADDONS]
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_oca_checks_po():
    files = sorted(str(p.relative_to(ROOT)) for p in ROOT.glob("addons/*/i18n/*.po*"))
    assert files
    result = _run(_tool("oca-checks-po"), *files)
    assert result.returncode == 0, result.stdout + result.stderr


def test_addon_readmes_are_generated_from_fragments():
    result = _run(sys.executable, "scripts/gen_addon_readme.py", "--check")
    assert result.returncode == 0, result.stdout
