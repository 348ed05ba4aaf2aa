"""The homepage asks each app for its block; it knows no other app's models.

An app offers blocks in a module `<app>/home_blocks.py` with a function `blocks(request)` that returns
a list of HomeBlock. Each block renders its own template with its own context, and must keep its
query count fixed whatever the data size.
"""

import importlib
from dataclasses import dataclass, field

from django.apps import apps


@dataclass
class HomeBlock:
    key: str  # stable identifier, e.g. "people.nudge"
    template: str
    context: dict = field(default_factory=dict)
    order: int = 100  # lower comes first
    wide: bool = False  # spans the whole row


def _providers():
    for config in apps.get_app_configs():
        try:
            module = importlib.import_module(f"{config.name}.home_blocks")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.home_blocks":
                raise
            continue
        yield module.blocks


def collect(request):
    found = []
    for provider in _providers():
        found.extend(provider(request))
    return sorted(found, key=lambda block: (block.order, block.key))
