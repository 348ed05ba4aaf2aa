"""Who may fetch an uploaded file by its direct URL.

Apps with private files (teams, the notice board) register a checker here; a file nobody claims is
open to every logged-in employee. Wagtail documents are refused here: /documenten/ serves them, with
Wagtail's collection restrictions, and their /media/documents/ path would skip those.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Union

# A checker's answer: False refuses, True or an Allowed allows, None has no opinion.
Verdict = Union[bool, "Allowed", None]
MediaChecker = Callable[[Any, str], Verdict]

_checkers: list[MediaChecker] = []


@dataclass(frozen=True)
class Allowed:
    """A checker's yes with facts from the stored record, e.g. the name a document downloads as."""

    download_name: str = ""

    def __bool__(self) -> bool:
        return True


def register_media_checker(func: MediaChecker) -> MediaChecker:
    """func(user, path) returns False to refuse, True (or an Allowed) to allow, None for no opinion."""
    _checkers.append(func)
    return func


def media_verdict(user: Any, path: str) -> Verdict:
    """False, or a truthy verdict (True or an Allowed) from the first checker with an opinion."""
    for checker in _checkers:
        verdict = checker(user, path)
        if verdict is not None:
            return verdict
    return user.is_authenticated


def can_view_media(user: Any, path: str) -> bool:
    return bool(media_verdict(user, path))


@register_media_checker
def _wagtail_documents(user: Any, path: str) -> Verdict:
    return False if path.startswith("documents/") else None
