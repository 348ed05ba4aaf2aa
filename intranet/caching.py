"""Generational caching for shared, read-mostly parts of pages (directory cards, filter menus).

A *generation* is a number stored in the cache under a name ("people"). Cached values put the
generation in their key; a change to the underlying data bumps it, so every old key is simply never
read again and expires on its own. No key lists to track, no pattern deletes, and a lost or flushed
generation starts afresh at a new number (the clock), never at one an old key used.

Bump on every write path, also the bulk ones that send no signals (QuerySet.update, bulk_create),
and keep a TTL on every value as a safety net. In production the cache is Redis, shared by all
workers; with the local-memory cache (no REDIS_URL) each process has its own generations, which is
only right for a single process (development, the bench's one gunicorn worker).
"""

import time
from contextvars import ContextVar
from typing import NamedTuple

from django.core.cache import cache
from django.db import transaction
from django.template.loader import get_template
from django.utils.safestring import mark_safe

DEFAULT_TTL = 600
# Generations expire too: there is one per commented subject and per team, and a lost generation
# restarts at the clock, never at a number an old key used. Far above any value's TTL.
GENERATION_TTL = 7 * 24 * 3600

# The generations one request has read, so that each is a single cache round trip per request: the
# homepage's blocks asked Redis for the same few generations a dozen times (issue 20). Set only
# inside RequestGenerations; elsewhere (jobs, commands, shell) every read goes to the cache.
_request_memo: ContextVar[dict | None] = ContextVar("plein_generations", default=None)


class RequestGenerations:
    """Middleware: a fresh memo of generations for each request, dropped when it ends."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_memo.set({})
        try:
            return self.get_response(request)
        finally:
            _request_memo.reset(token)


def _key(name):
    return f"plein:generation:{name}"


def generation(name):
    """The current generation of `name` (created on first use)."""
    memo = _request_memo.get()
    if memo is not None and name in memo:
        return memo[name]
    key = _key(name)
    value = cache.get(key)
    if value is None:
        cache.add(key, time.time_ns(), GENERATION_TTL)
        value = cache.get(key)
    if memo is not None and value is not None:
        memo[name] = value
    return value


def _set(name):
    value = time.time_ns()
    cache.set(_key(name), value, GENERATION_TTL)
    memo = _request_memo.get()
    if memo is not None:
        memo[name] = value  # the request that changed the data reads what it wrote, not its memo


def bump(name):
    """Mark everything cached under `name` as stale: now, and once more when the transaction commits.

    The second bump matters: a request that reads between our write and the commit still sees the
    old rows and may cache them under the new generation; the bump after commit retires that too.
    """
    _set(name)
    transaction.on_commit(lambda: _set(name))


def versioned_key(name, *parts):
    return ":".join(["plein", name, str(generation(name)), *(str(part) for part in parts)])


def remember_many(keys, compute_missing, ttl=DEFAULT_TTL):
    """{key: value} for full cache `keys` (made with versioned_key) in one read; compute_missing(missing
    keys) returns {key: value} for those not cached, stored in one write. For lists of cached parts
    (cards, avatars, timeline posts): no cache round trip per item."""
    found = cache.get_many(list(keys))
    missing = [key for key in keys if key not in found]
    if missing:
        fresh = compute_missing(missing)
        cache.set_many(fresh, ttl)
        found.update(fresh)
    return found


def remember_rendered(template_name, contexts, ttl=DEFAULT_TTL, prepare=None):
    """{key: HTML} of `template_name` rendered with contexts[key] (keys made with versioned_key or
    content-addressed), from one cache read: only the missing ones are rendered, after
    prepare(missing keys) loads what they alone need, and stored together. For lists of parts that are
    the same for every reader (cards, avatars, timeline posts, comments)."""

    def render(missing):
        if prepare is not None:
            prepare(missing)
        template = get_template(template_name)
        return {key: template.render(contexts[key]) for key in missing}

    found = remember_many(list(contexts), render, ttl)
    # The output of an autoescaping template, cached as rendered: no user text reaches it unescaped.
    return {key: mark_safe(found[key]) for key in contexts}  # noqa: S308


def remember_key(name, parts):
    """The one cache slot remember(name, parts) keeps its value in (forget() deletes it)."""
    return ":".join(["plein", "kept", name, *(str(part) for part in parts)])


class Slot(NamedTuple):
    """What remember(name, parts, depends=depends) reads, named once so that a page can prefetch it."""

    name: str
    parts: tuple
    depends: tuple = ()

    @property
    def key(self):
        return remember_key(self.name, self.parts)


_ABSENT = object()


def prefetch(slots=(), keys=(), names=()):
    """Read the values of these remember() slots (and plain cache `keys`) and every generation they
    depend on in one round trip, kept for the rest of the request: a page that knows which cached parts
    it will show (the homepage's blocks) pays one read for all of them instead of one each; `names`
    adds generations the page reads by themselves. Outside a request (no RequestGenerations) it does
    nothing."""
    memo = _request_memo.get()
    if memo is None:
        return
    wanted = [slot.key for slot in slots] + list(keys)
    names = {name for slot in slots for name in (slot.name, *slot.depends)} | set(names)
    names = {name for name in names if name not in memo}
    found = cache.get_many(wanted + [_key(name) for name in names])
    for name in names:
        if found.get(_key(name)) is not None:
            memo[name] = found[_key(name)]
    for key in wanted:
        memo[("value", key)] = found.get(key, _ABSENT)


def get(key, default=None):
    """cache.get(key), answered from this request's prefetch() when it read the key."""
    memo = _request_memo.get()
    if memo is not None:
        found = memo.pop(("value", key), None)
        if found is not None:
            return default if found is _ABSENT else found
    return cache.get(key, default)


def _read_with_generations(key, names):
    """(the current generations of `names`, the value stored under `key`) in one cache round trip: the
    generations this request has not read yet travel with the value. A page's cached parts each cost
    one read instead of one per generation plus one (the homepage made 36 reads, issue 20)."""
    memo = _request_memo.get()
    unread = [name for name in names if memo is None or name not in memo]
    prefetched = memo.pop(("value", key), None) if memo is not None else None
    if prefetched is not None and not unread:
        return tuple(memo[name] for name in names), (None if prefetched is _ABSENT else prefetched)
    found = cache.get_many([key, *(_key(name) for name in unread)])
    for name in unread:
        value = found.get(_key(name))
        if value is not None and memo is not None:
            memo[name] = value
    known = {**{name: found.get(_key(name)) for name in unread}, **(memo or {})}
    # A generation not in the cache yet is created (and memoised) by generation().
    current = tuple(known[name] if known.get(name) is not None else generation(name) for name in names)
    return current, found.get(key)


def remember(name, parts, compute, ttl=DEFAULT_TTL, depends=()):
    """compute() once per generation of `name` and of each name in `depends`, and `parts` (kept at most
    `ttl` seconds). The value is stored with the generations it was made under and read together with
    them in one round trip; a value made under older generations is made afresh."""
    key = remember_key(name, parts)
    current, stored = _read_with_generations(key, (name, *depends))
    if isinstance(stored, tuple) and len(stored) == 2 and stored[0] == current:
        return stored[1]
    value = compute()
    if None not in current:  # a generation the cache could not give (Redis failing): keep nothing
        cache.set(key, (current, value), ttl)
    return value


def keep(slot, compute, ttl=DEFAULT_TTL):
    """remember() for a named Slot (one a page may prefetch)."""
    return remember(slot.name, slot.parts, compute, ttl=ttl, depends=slot.depends)


def keep_many(slots, compute_missing, ttl=DEFAULT_TTL):
    """{ident: value} for many Slots ({ident: Slot}, e.g. one per liked object) in one round trip with
    all their generations; compute_missing(idents) gives {ident: value} for those not kept (or kept
    under older generations), stored in one write. A generation never made yet is made here at the
    clock, all in one write: a fresh number can only retire values, never revive one."""
    if not slots:
        return {}
    memo = _request_memo.get()
    names = {name for slot in slots.values() for name in (slot.name, *slot.depends)}
    unread = [name for name in names if memo is None or name not in memo]
    found = {}
    for slot in slots.values():
        prefetched = memo.pop(("value", slot.key), None) if memo is not None else None
        if prefetched is not None:
            found[slot.key] = None if prefetched is _ABSENT else prefetched
    to_read = [slot.key for slot in slots.values() if slot.key not in found]
    if to_read or unread:
        found.update(cache.get_many(to_read + [_key(name) for name in unread]))
    current = {name: memo[name] for name in names if memo is not None and name in memo}
    created = {}
    for name in unread:
        value = found.get(_key(name))
        if value is None:
            value = created[name] = time.time_ns()
        current[name] = value
        if memo is not None:
            memo[name] = value
    if created:
        cache.set_many({_key(name): value for name, value in created.items()}, GENERATION_TTL)

    def made_under(slot):
        return tuple(current[name] for name in (slot.name, *slot.depends))

    result, missing = {}, []
    for ident, slot in slots.items():
        stored = found.get(slot.key)
        if isinstance(stored, tuple) and len(stored) == 2 and stored[0] == made_under(slot):
            result[ident] = stored[1]
        else:
            missing.append(ident)
    if missing:
        fresh = compute_missing(missing)
        cache.set_many({slots[ident].key: (made_under(slots[ident]), fresh[ident]) for ident in missing}, ttl)
        result.update(fresh)
    return result


def forget_key(key):
    """Delete a kept value (a slot's or a plain key), also from this request's prefetched copies."""
    memo = _request_memo.get()
    if memo is not None:
        memo.pop(("value", key), None)
    cache.delete(key)


def forget(name, parts):
    """Drop what remember(name, parts) kept, whatever its generations."""
    forget_key(remember_key(name, parts))


def _user_generation(name, user_id):
    return f"{name}:user:{user_id}"


def user_slot(name, user_id, parts=(), depends=()):
    """The Slot remember_for_user(name, user_id, parts, depends=depends) reads."""
    return Slot(_user_generation(name, user_id), tuple(parts), (name, *depends))


def remember_for_user(name, user_id, parts, compute, ttl=DEFAULT_TTL, depends=()):
    """compute() kept for one user until forget_user(name, user_id) or `name` or a generation in
    `depends` changes, and `ttl` seconds at most: a homepage block's personal part (my bookings, my
    open requests), read on every visit and changed by a few writes that know whose it is."""
    return keep(user_slot(name, user_id, parts, depends), compute, ttl=ttl)


def forget_user(name, *user_ids):
    """Retire the values remember_for_user kept under `name` for these users."""
    for user_id in {user_id for user_id in user_ids if user_id is not None}:
        bump(_user_generation(name, user_id))
