"""One normal form for every title a user gives (team names, notice-board and booking titles, tips).

Zero-width and bidirectional control characters make "Fiets\u200bclub" or "\u202eFietsclub" look like
"Fietsclub" while comparing unequal, so a look-alike could pass every duplicate and name check. NFKC
folds compatibility forms (full-width letters, ligatures, non-breaking spaces) into their plain
letters; then every invisible character goes and white space collapses to single spaces.
"""

import unicodedata

from django.core.exceptions import ValidationError

# Invisible characters outside Unicode's format category (Cf), which holds the bidi controls and
# zero-width ones: the Hangul fillers and the braille blank render as nothing, the combining
# grapheme joiner and variation selectors (Mn) attach to nothing visible on their own.
_INVISIBLE = frozenset(
    {"\u034f", "\u115f", "\u1160", "\u2800", "\u3164", "\uffa0"}
    | {chr(code) for code in range(0xFE00, 0xFE10)}
    | {chr(code) for code in range(0xE0100, 0xE01F0)}
)


def _visible(char):
    category = unicodedata.category(char)
    if category == "Cf" or char in _INVISIBLE:
        return False
    # Control characters other than white space (NUL, escape, C1) go too; tabs and newlines collapse below.
    return not (category == "Cc" and not char.isspace())


def fold(text) -> str:
    """Accents off ("Çelik" -> "Celik"); what has no ASCII form (Cyrillic, emoji) goes. The one accent
    folding of Plein: people's sort names, search's words, teams' duplicate finder."""
    return unicodedata.normalize("NFKD", str(text or "")).encode("ascii", "ignore").decode("ascii")


def clean_title(value):
    """`value` in NFKC without invisible or control characters, on one line, single-spaced, stripped."""
    text = unicodedata.normalize("NFKC", str(value or ""))
    text = "".join(char for char in text if _visible(char))
    return " ".join(text.split())


def clean_title_field(form, name="title"):
    """For a form's clean_<name>(): the normal form, and the field's own "required" message when
    nothing visible is left (a title of only zero-width spaces)."""
    value = clean_title(form.cleaned_data.get(name))
    field = form.fields[name]
    if not value and field.required:
        raise ValidationError(field.error_messages["required"], code="required")
    return value
