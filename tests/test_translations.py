# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

import polib
import pytest
from addons_info import ADDONS, addon_path

PLACEHOLDER_RE = re.compile(r"%\(\w+\)s|%s|%d|\{\w*\}")
# Terms spelled the same in French: the OCA po formatter leaves their msgstr
# empty (Odoo then shows the source), so an empty msgstr is right for them.
SAME_IN_FRENCH = {
    "/ 100",
    "API",
    "Active",
    "Axes",
    "Client",
    "Code",
    "Configuration",
    "Contact",
    "Date",
    "Description",
    "Documents",
    "ID",
    "Justification",
    "Messages",
    "Note",
    "Photo",
    "Photos",
    "Photos (",
    "Total",
    "points",
}


@pytest.mark.parametrize("addon", ADDONS)
def test_french_covers_every_term(addon):
    i18n = addon_path(addon) / "i18n"
    pot = polib.pofile(str(i18n / f"{addon}.pot"))
    french = polib.pofile(str(i18n / "fr.po"))
    assert len(pot) > 0
    translated = {entry.msgid: entry for entry in french}
    for entry in pot:
        assert entry.msgid in translated, f"{addon}: no French for {entry.msgid!r}"
        fr_entry = translated[entry.msgid]
        if entry.msgid not in SAME_IN_FRENCH:
            assert fr_entry.msgstr.strip(), f"{addon}: no French for {entry.msgid!r}"
        assert "fuzzy" not in fr_entry.flags, f"{addon}: fuzzy {entry.msgid!r}"
        assert sorted(PLACEHOLDER_RE.findall(entry.msgid)) == sorted(
            PLACEHOLDER_RE.findall(fr_entry.msgstr)
        ), f"{addon}: placeholders differ in {entry.msgid!r}"
    assert french.metadata.get("Language") == "fr"
