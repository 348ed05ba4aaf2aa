"""Every user-facing string has a compiled Dutch translation in the repo."""

import gettext
from pathlib import Path

import pytest
from django.conf import settings

PROJECT = Path(settings.BASE_DIR)
CATALOGUES = sorted(
    p
    for p in [*PROJECT.glob("locale/nl/LC_MESSAGES/django.po"), *PROJECT.glob("*/locale/nl/LC_MESSAGES/django.po")]
    if ".venv" not in p.parts
)


def _entries(po_text):
    """(msgid, msgstr, fuzzy) of each entry, read without a dependency on polib."""
    entries, current, fuzzy = [], {}, False
    field = None
    for line in po_text.splitlines() + [""]:
        if not line.strip():
            if current.get("msgid"):
                entries.append((current["msgid"], current.get("msgstr", ""), fuzzy))
            current, fuzzy, field = {}, False, None
        elif line.startswith("#,") and "fuzzy" in line:
            fuzzy = True
        elif line.startswith("#"):
            continue
        elif line.startswith(("msgid ", "msgid_plural ", "msgstr ", "msgstr[")):
            key, value = line.split(" ", 1)
            field = "msgstr" if key.startswith("msgstr") else key
            if field == "msgstr" and current.get("msgstr"):
                current["msgstr"] += value.strip('"')
            else:
                current[field] = value.strip('"')
        elif line.startswith('"') and field:
            current[field] = current.get(field, "") + line.strip('"')
    return entries


def test_there_are_catalogues():
    assert PROJECT / "locale/nl/LC_MESSAGES/django.po" in CATALOGUES


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda p: str(p.relative_to(PROJECT)))
def test_catalogue_is_fully_translated_and_compiled(catalogue):
    untranslated = [msgid for msgid, msgstr, fuzzy in _entries(catalogue.read_text()) if not msgstr or fuzzy]
    assert not untranslated, f"untranslated or fuzzy in {catalogue}: {untranslated[:10]}"
    compiled = catalogue.with_suffix(".mo")
    assert compiled.exists(), f"{compiled} is missing: run compilemessages"
    with compiled.open("rb") as handle:
        known = gettext.GNUTranslations(handle)._catalog
    # A pgettext entry is stored as "context\x04msgid"; a plural one under (msgid, n).
    msgids = {(key if isinstance(key, str) else key[0]).split("\x04")[-1] for key in known}
    stale = [msgid for msgid, _msgstr, _fuzzy in _entries(catalogue.read_text()) if _unescape(msgid) not in msgids]
    assert not stale, f"{compiled} is older than its .po (run compilemessages): {stale[:10]}"


def _unescape(text):
    return text.replace("\\n", "\n").replace('\\"', '"').replace("\\\\", "\\")
