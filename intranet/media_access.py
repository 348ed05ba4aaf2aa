"""Who may fetch an uploaded file by its direct URL.

Apps with private files (teams) register a checker here; a file nobody claims is open to every
logged-in employee.
"""

_checkers = []


def register_media_checker(func):
    """func(user, path) returns False to refuse, True to allow, None when it has no opinion."""
    _checkers.append(func)
    return func


def can_view_media(user, path):
    for checker in _checkers:
        verdict = checker(user, path)
        if verdict is not None:
            return verdict
    return user.is_authenticated
