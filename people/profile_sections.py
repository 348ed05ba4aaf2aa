"""Sections other apps add to a profile page (teams first), like the homepage's blocks.

An app offers sections in `<app>/profile_sections.py` with `sections(request, person)` returning a list
of (template, context) pairs; each template renders its context as `section`. The app keeps its own query
count fixed and shows the viewer only what they may see. The profile template includes them with
`{% profile_sections person as sections %}{% for template, section in sections %}{% include template %}`
(people/templatetags/profile_section_tags.py).
"""

import importlib

from django.apps import apps

_cache = {}


def _providers():
    if "providers" not in _cache:
        found = []
        for config in apps.get_app_configs():
            if config.name == "people":
                continue
            try:
                module = importlib.import_module(f"{config.name}.profile_sections")
            except ModuleNotFoundError as exc:
                if exc.name != f"{config.name}.profile_sections":
                    raise
                continue
            found.append(module.sections)
        _cache["providers"] = found
    return _cache["providers"]


def sections(request, person):
    """Every app's sections for this profile, as [(template, context)] in app order."""
    found = []
    for provider in _providers():
        found.extend(provider(request, person))
    return found
