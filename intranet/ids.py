"""Ids typed by a client: only plain ASCII digits that fit a database integer.

`str.isdigit()` also accepts "²" and Arabic-Indic digits, which int() then refuses or turns into ids,
and 30 nines overflow the database's integer: both answered 500. Every id read from a form or query
string goes through `parse_id`.
"""

import re

MAX_ID = 2**63 - 1
_DIGITS = re.compile(r"[0-9]{1,19}")


def parse_id(value):
    """The id as an int, or None when `value` is not one of ours."""
    if not isinstance(value, str) or not _DIGITS.fullmatch(value):
        return None
    number = int(value)
    return number if 0 < number <= MAX_ID else None


def parse_ids(values):
    """The valid ids among `values`, in order, invalid ones left out."""
    return [number for number in map(parse_id, values) if number is not None]
