"""Who may fetch an uploaded file by its direct URL.

Apps with private files (teams, the notice board) register a checker here; a file nobody claims is
open to every logged-in employee. Wagtail documents are refused here: /documenten/ serves them, with
Wagtail's collection restrictions, and their /media/documents/ path would skip those.
"""

from dataclasses import dataclass

_checkers = []


@dataclass(frozen=True)
class Allowed:
    """A checker's yes with facts from the stored record, e.g. the name a document downloads as."""

    download_name: str = ""

    def __bool__(self):
        return True


def register_media_checker(func):
    """func(user, path) returns False to refuse, True (or an Allowed) to allow, None for no opinion."""
    _checkers.append(func)
    return func


def media_verdict(user, path):
    """False, or a truthy verdict (True or an Allowed) from the first checker with an opinion."""
    for checker in _checkers:
        verdict = checker(user, path)
        if verdict is not None:
            return verdict
    return user.is_authenticated


def can_view_media(user, path):
    return bool(media_verdict(user, path))


@register_media_checker
def _wagtail_documents(user, path):
    return False if path.startswith("documents/") else None
