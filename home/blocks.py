"""The homepage asks each app for its block; it knows no other app's models.

An app offers blocks in a module `<app>/home_blocks.py` with a function `blocks(request)` that returns
a list of HomeBlock. Each block renders its own template with its own context, and must keep its
query count fixed whatever the data size. A module may also define `BLOCKS = {key: label}` so editors
can pick its blocks by name in the admin (HomePage > Blocks); known keys are listed below.

Editors order and hide blocks on the HomePage; `collect(request, page)` applies their list. Blocks
the list does not name follow in their own `order`.
"""

import importlib
from dataclasses import dataclass, field

from django.apps import apps
from django.core.cache import cache
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

from intranet import caching


@dataclass
class HomeBlock:
    key: str  # stable identifier, e.g. "people.nudge"
    template: str
    context: dict = field(default_factory=dict)
    order: int = 100  # lower comes first
    wide: bool = False  # spans the whole row


SETTINGS_CACHE_SECONDS = 300
# Bumped by home/signals.py whenever a page is published, unpublished, moved or deleted, or its view
# restrictions change: everything a shared block part can show from the page tree.
PAGES_GENERATION = "pages"
SHARED_SECONDS = 60


def shared(key, compute, seconds=SHARED_SECONDS):
    """The part of a block's context that is the same for every reader (e.g. the latest public news),
    computed once per change to the page tree and at most `seconds` old. Personal parts (pins, one's
    own requests) must stay outside: this cache has no user in its key."""
    return caching.remember(PAGES_GENERATION, ("home-block", key), compute, ttl=seconds)


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
    # Found once per process: trying to import a missing module costs file-system lookups and an
    # exception for every app on every homepage view.
    global _found_modules
    if _found_modules is None:
        found = []
        for config in apps.get_app_configs():
            try:
                found.append(importlib.import_module(f"{config.name}.home_blocks"))
            except ModuleNotFoundError as exc:
                if exc.name != f"{config.name}.home_blocks":
                    raise
        _found_modules = found
    return iter(_found_modules)


_found_modules = None


@receiver(setting_changed)
def _forget_modules(setting, **kwargs):
    """Tests that change INSTALLED_APPS see their apps' blocks."""
    global _found_modules
    if setting == "INSTALLED_APPS":
        _found_modules = None


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
    settings = cache.get(key)
    if settings is None:
        settings = [(item.key, item.visible) for item in page.block_settings.all()]
        cache.set(key, settings, SETTINGS_CACHE_SECONDS)
    return [BlockSetting(key, visible) for key, visible in settings]


def collect(request, page=None):
    found = []
    for provider in _providers():
        found.extend(provider(request))
    return arrange(found, block_settings(page))
