"""The reason a community manager gives the author when moderating (hiding a comment, moving or
removing a post): required, and at most REASON_MAX characters everywhere. 500 is what the notice
board's form states and stores; the same limit now holds for comments and moved team posts."""

from __future__ import annotations

from django.utils.translation import gettext as _

REASON_MAX = 500


def check_reason(reason: str | None, required_message: str) -> tuple[str, str]:
    """(the reason stripped, the error to show next to the field or "")."""
    reason = (reason or "").strip()
    if not reason:
        return reason, required_message
    if len(reason) > REASON_MAX:
        return reason, _("Keep the reason under %(max)d characters.") % {"max": REASON_MAX}
    return reason, ""
