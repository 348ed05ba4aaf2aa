"""Sections other apps add to a profile page (teams first), like the homepage's blocks.

An app offers sections in `<app>/profile_sections.py` with `sections(request, person)` returning a list
of (template, context) pairs; each template renders its context as `section`. The app keeps its own query
count fixed and shows the viewer only what they may see. The profile template includes them with
`{% profile_sections person as sections %}{% for template, section in sections %}{% include template %}`
(people/templatetags/profile_section_tags.py).
"""

from collections.abc import Callable
from typing import Any

from intranet.plugins import found_modules

# A section: the template and the context it renders as `section`.
Section = tuple[str, dict[str, Any]]


def _providers() -> list[Callable[[Any, Any], list[Section]]]:
    # people's own module of that name is this one, the collector: left out.
    return [module.sections for module in found_modules("profile_sections", skip=("people",))]


def sections(request: Any, person: Any) -> list[Section]:
    """Every app's sections for this profile, as [(template, context)] in app order."""
    found: list[Section] = []
    for provider in _providers():
        found.extend(provider(request, person))
    return found
