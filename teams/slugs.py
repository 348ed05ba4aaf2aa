"""Team addresses that never reveal a private team.

A private team never holds the plain slug of its name: it gets the name with a long random suffix,
when it is made private or created so (TeamPage.save enforces it on every path: the front end, the
admin, publishing a revision; migration 0004 re-slugged the existing ones). So the slug a new team
gets depends only on teams everyone can see: "fietsclub" when no visible team holds it, else
"fietsclub-<4 hex>", whether or not a private "Fietsclub" exists.
"""

import re
import secrets

from django.utils.text import slugify

BASE_MAX = 70
PRIVATE_SUFFIX = re.compile(r"-[0-9a-f]{8}$")


def plain_slug(title):
    return slugify(title or "")[:BASE_MAX].strip("-") or "team"


def is_private_slug(slug, title):
    """A slug a private team may keep: a random suffix, and not what its own name would give plainly."""
    return bool(slug and PRIVATE_SUFFIX.search(slug)) and slug != plain_slug(title)


def unique_slug(title, taken, *, private=False):
    """A slug not in `taken`: private teams always get a random suffix; others the plain name if free.

    The suffix of a visible team is random too, not "-2": a counted one would tell how many teams hold
    the name. `taken` may include private teams' slugs: they never equal a plain or 4-digit one.
    """
    base = plain_slug(title)
    taken = set(taken)
    slug = f"{base}-{secrets.token_hex(4)}" if private else base
    while slug in taken or (private and not is_private_slug(slug, title)):
        slug = f"{base}-{secrets.token_hex(4 if private else 2)}"
    return slug
