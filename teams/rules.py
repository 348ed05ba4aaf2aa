"""What every team action checks first, and the small helpers they share (teams.services re-exports)."""

from collections.abc import Iterable
from datetime import datetime

from django.conf import settings
from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied
from django.db.models import F, Model
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from people.models import Person
from social.notifications import notify
from teams.models import TeamPage

NOTICE = "notice"  # a notification whose title is the whole message (see social/notification_text.html)


def require_employee(user: User | AnonymousUser) -> Person:
    person = getattr(user, "person", None) if user.is_authenticated and user.is_active else None
    if person is None or not person.is_active:
        raise PermissionDenied(_("Only employees with a profile take part in teams."))
    return person


def require_admin(user: User | AnonymousUser, team: TeamPage) -> None:
    if not team.is_admin(user):
        raise PermissionDenied(_("Only the team's admins can do this."))


def require_open(team: TeamPage) -> None:
    if team.is_archived:
        raise PermissionDenied(_("This team is archived: it is read-only."))


def notice(
    recipients: Iterable[User | None],
    actor: User | None,
    target: Model | None,
    message: str,
    url: str,
    excerpt: str = "",
) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        text = str(message)
    notify(recipients, verb=NOTICE, actor=actor, target=target, title=text, url=url, excerpt=excerpt)


def display_name(user: User) -> str:
    person = getattr(user, "person", None)
    return person.full_name if person else user.get_username()


def touch(team: TeamPage, when: datetime | None = None) -> None:
    """Bump the team's last activity (posts, comments and joins keep a team off the quiet list)."""
    when = when or timezone.now()
    TeamPage.objects.filter(pk=team.pk, last_activity_at__lt=when).update(last_activity_at=when)
    if team.last_activity_at is None or team.last_activity_at < when:
        team.last_activity_at = when


def count_members(team: TeamPage, delta: int) -> None:
    TeamPage.objects.filter(pk=team.pk).update(member_count=F("member_count") + delta)
    team.member_count = max(0, team.member_count + delta)
    team.__dict__.pop("_membership_cache", None)
