"""Honest counters: a person counts once per day for the same thing, and nobody's trail is kept.

Figures that rank things for others (the search terms community managers read, the portal's most used
services, the opened search results) would otherwise follow whoever reloads most. Before such a
counter is raised, `first_time_today` asks the cache to add a key that is new once per person, day and
thing: an HMAC of (kind, account id, thing) under a key derived from SECRET_KEY and the date, so it
changes every day and names neither the person nor the thing. The cache's add is atomic (Redis SET NX,
the local-memory cache's lock), so concurrent requests count once. The key expires after 36 hours;
nothing is written to the database. See docs/privacy.md.
"""

import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils import timezone

SEEN_SECONDS = 36 * 3600


def _day_key(day):
    """A secret for one day: yesterday's keys cannot be recomputed from today's."""
    return hmac.new(settings.SECRET_KEY.encode(), f"plein.counting:{day.isoformat()}".encode(), hashlib.sha256).digest()


def seen_key(kind, user_id, thing, day):
    message = "\x1f".join([kind, str(user_id), str(thing)]).encode()
    digest = hmac.new(_day_key(day), message, hashlib.sha256).hexdigest()[:32]
    return f"counted:{day:%Y%m%d}:{digest}"


def first_time_today(kind, user, thing, day=None):
    """True the first time `user` (a user or an account id) does `kind` with `thing` on `day` (today),
    False after that.

    Without a logged-in user (seeds, management commands) every call counts.
    """
    user_id = user if isinstance(user, int) else getattr(user, "pk", None)
    if user_id is None:
        return True
    day = day or timezone.localdate()
    return cache.add(seen_key(kind, user_id, thing, day), True, timeout=SEEN_SECONDS)


def add_to_day(model, key, counters, defaults=None):
    """Add `counters` ({field: n}) to the row of `model` identified by `key` ({field: value}, the fields
    of a unique constraint, e.g. day and page), making the row with `defaults` when it is not there yet.

    One statement (INSERT ... ON CONFLICT DO UPDATE, SQLite and PostgreSQL alike), atomic by itself, so
    concurrent requests never lose a count and no transaction or savepoint is needed around it. The
    daily aggregates of insights, search and Direct regelen all count through here.
    """
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    fields = {**key, **counters, **(defaults or {})}
    columns, values = [], []
    for name, value in fields.items():
        field = model._meta.get_field(name)
        columns.append(quote(field.column))
        values.append(field.get_db_prep_save(value, connection))
    conflict = ", ".join(quote(model._meta.get_field(name).column) for name in key)
    updates = ", ".join(
        f"{column} = {table}.{column} + excluded.{column}"
        for column in (quote(model._meta.get_field(name).column) for name in counters)
    )
    placeholders = ", ".join(["%s"] * len(values))
    # Table and column names are the model's own, quoted; the values go in as parameters.
    sql = (
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders}) "  # noqa: S608
        f"ON CONFLICT ({conflict}) DO UPDATE SET {updates}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, values)
