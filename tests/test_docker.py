# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The container installs the add-ons once: "-i" at every start would load their
data again in install mode and reset what an administrator changed. The start
script itself runs against a real database in the test command's Odoo matrix
(checks docker-first-start and docker-restart)."""
import re

from addons_info import ADDONS, ROOT

DOCKER = ROOT / "docker"


def _compose_odoo_command():
    text = (DOCKER / "docker-compose.yml").read_text()
    match = re.search(r"^    command: >-\n((?:      .*\n)+)", text, re.MULTILINE)
    assert match, "the odoo service has no folded command"
    return " ".join(match.group(1).split())


def test_compose_starts_through_the_start_script_without_install_options():
    command = _compose_odoo_command()
    assert command.startswith("symetrie-start ")
    assert not re.search(r"(^|\s)(-i|--init|-u|--update)(\s|=|$)", command), command


def test_the_image_holds_the_start_script():
    dockerfile = (DOCKER / "Dockerfile").read_text()
    assert "COPY --chmod=755 docker/start.sh /usr/local/bin/symetrie-start" in dockerfile


def test_the_start_script_installs_every_addon_of_the_project():
    script = (DOCKER / "start.sh").read_text()
    match = re.search(r"^addons=\(([^)]*)\)$", script, re.MULTILINE)
    assert match, "docker/start.sh lists no add-ons"
    assert sorted(match.group(1).split()) == ADDONS
