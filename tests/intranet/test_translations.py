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
    """(msgid, msgstr, fuzzy) of each entry, read without a dependency on polib.

    An entry with a message context (pgettext) is keyed "context\x04msgid", as gettext stores it.
    """
    entries, current, fuzzy = [], {}, False
    field = None
    for line in po_text.splitlines() + [""]:
        if not line.strip():
            if current.get("msgid"):
                key = current["msgid"]
                if "msgctxt" in current:
                    key = current["msgctxt"] + "\x04" + key
                entries.append((key, current.get("msgstr", ""), fuzzy))
            current, fuzzy, field = {}, False, None
        elif line.startswith("#,") and "fuzzy" in line:
            fuzzy = True
        elif line.startswith("#"):
            continue
        elif line.startswith(("msgctxt ", "msgid ", "msgid_plural ", "msgstr ", "msgstr[")):
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
    msgids = {key if isinstance(key, str) else key[0] for key in known}
    stale = [msgid for msgid, _msgstr, _fuzzy in _entries(catalogue.read_text()) if _unescape(msgid) not in msgids]
    assert not stale, f"{compiled} is older than its .po (run compilemessages): {stale[:10]}"


def _unescape(text):
    return text.replace("\\n", "\n").replace('\\"', '"').replace("\\\\", "\\")


def test_one_english_word_has_one_dutch_meaning_across_catalogues():
    """Django merges the apps' catalogues, so the first app's "Call" (Bel) would name another app's
    notice-board category too: two meanings need a message context (pgettext), not two catalogues."""
    seen = {}
    clashes = []
    for catalogue in CATALOGUES:
        for msgid, msgstr, _fuzzy in _entries(catalogue.read_text()):
            if "\x04" in msgid or not msgstr:
                continue
            earlier = seen.setdefault(msgid, (msgstr, catalogue))
            if earlier[0] != msgstr:
                clashes.append(
                    f"{msgid!r}: {earlier[0]!r} ({earlier[1].parent.parent.parent.parent.name}) "
                    f"vs {msgstr!r} ({catalogue.parent.parent.parent.parent.name})"
                )
    assert not clashes, "same English, different Dutch; use pgettext:\n" + "\n".join(clashes)
