"""The homepage asks each app for its block; it knows no other app's models.

An app offers blocks in a module `<app>/home_blocks.py` with a function `blocks(request)` that returns
a list of intranet.plugins.HomeBlock (the contract lives in the frame). Each block renders its own
template with its own context, and must keep its query count fixed whatever the data size. The module
may name the cached parts its blocks read in `cache_slots(request)` (a list of intranet.caching.Slot):
the homepage reads them all in one round trip before asking the blocks. A module may also define `BLOCKS = {key: label}` so editors
can pick its blocks by name in the admin (HomePage > Blocks); known keys are listed below.

Editors order and hide blocks on the HomePage; `collect(request, page)` applies their list. Blocks
the list does not name follow in their own `order`.
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from intranet import caching
from intranet.page_visibility import restrictions_slot
from intranet.plugins import found_modules

SETTINGS_CACHE_SECONDS = 300


@dataclass
class BlockSetting:
    key: str
    visible: bool = True


# Blocks the apps of this project offer (or will, like teams), for the editors' choice list.
KNOWN_BLOCKS = {
    "launcher.apps": _("My apps"),
    "people.nudge": _("Profile completeness"),
    "news.latest": _("Pinned and latest news"),
    "teams.activity": _("Activity in my teams"),
    "directregelen.shortcuts": _("Direct regelen shortcuts"),
    "rooms.next": _("My next room bookings"),
    "home.new_colleagues": _("New colleagues"),
    "home.header_photo": _("Header photo of the month"),
}


def _modules():
    return iter(found_modules("home_blocks"))


def _providers():
    for module in _modules():
        yield module.blocks


def block_choices():
    known = dict(KNOWN_BLOCKS)
    for module in _modules():
        known.update(getattr(module, "BLOCKS", {}))
    return sorted(known.items(), key=lambda item: str(item[1]))


def arrange(found, settings):
    """Editors' list first in their order, hidden ones dropped; the rest after, by their own order."""
    position = {item.key: index for index, item in enumerate(settings)}
    hidden = {item.key for item in settings if not item.visible}
    shown = [block for block in found if block.key not in hidden]
    return sorted(
        shown,
        key=lambda b: (0, position[b.key], "") if b.key in position else (1, b.order, b.key),
    )


def settings_key(page_id):
    return f"home:block-settings:{page_id}"


def block_settings(page):
    """The editors' list, cached until it changes (signals in home/signals.py clear it)."""
    if page is None or not page.pk:
        return []
    key = settings_key(page.pk)
    settings = caching.get(key)
    if settings is None:
        settings = [(item.key, item.visible) for item in page.block_settings.all()]
        cache.set(key, settings, SETTINGS_CACHE_SECONDS)
    return [BlockSetting(key, visible) for key, visible in settings]


def prefetch(request, page=None):
    """Every cached part the blocks will read, and the generations they hang on, in one cache round
    trip: each module's optional `cache_slots(request)` names its own. A slot left out costs its block
    one round trip of its own, never a wrong or stale answer (issue 20: the homepage made 36 reads)."""
    slots = [restrictions_slot()]
    for module in _modules():
        if hasattr(module, "cache_slots"):
            slots.extend(module.cache_slots(request))
    caching.prefetch(slots, keys=[settings_key(page.pk)] if page is not None and page.pk else [])


def collect(request, page=None):
    if request.user.is_authenticated:
        prefetch(request, page)
    found = []
    for provider in _providers():
        found.extend(provider(request))
    return arrange(found, block_settings(page))
