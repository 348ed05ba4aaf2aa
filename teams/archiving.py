"""Quiet teams and archiving: teams without activity for 180 days are candidates; their admins are told
once and may keep the team for another 180 days; community managers archive and restore.

An archived team is read-only (teams.services refuses posts, joins and edits while archived_at is set),
left out of lists and suggestions, and still found by search with the label "gearchiveerd".

Public API:
    quiet_teams(now=None, days=180)     candidates: live, not archived, quiet, not kept
    notify_quiet(now=None, days=180)    tells each candidate's admins once (again only after new activity
                                        or a keep that ran out); returns the teams told
    keep_team(admin, team)              a team admin (or community manager) keeps the team
    archive_team(moderator, team)       / restore_team(moderator, team)
"""

from collections.abc import Iterable
from datetime import datetime, timedelta

from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from social.services import can_moderate
from teams.duplicates import forget_pairs
from teams.home_blocks import forget as forget_activity
from teams.models import Membership, Role, State, TeamPage
from teams.rules import notice
from teams.selectors import forget_filters
from teams.visibility import manager_can_see

QUIET_DAYS = 180
KEEP_DAYS = 180


def quiet_teams(now: datetime | None = None, days: int = QUIET_DAYS) -> QuerySet[TeamPage]:
    now = now or timezone.now()
    return (
        TeamPage.objects.live()
        .filter(archived_at__isnull=True, last_activity_at__lt=now - timedelta(days=days))
        .filter(Q(keep_until__isnull=True) | Q(keep_until__lt=now))
        .order_by("last_activity_at", "pk")
    )


def _admins_by_team(team_ids: Iterable[int]) -> dict[int, list[User]]:
    admins: dict[int, list[User]] = {}
    rows = Membership.objects.filter(team_id__in=team_ids, state=State.ACTIVE, role=Role.ADMIN).select_related("user")
    for membership in rows:
        admins.setdefault(membership.team_id, []).append(membership.user)
    return admins


def notify_quiet(now: datetime | None = None, days: int = QUIET_DAYS) -> list[TeamPage]:
    """Tell the admins of each quiet team, once: a team is told again only after activity since the last
    notice (it went quiet again) or after an admin's keep; returns the teams told."""
    now = now or timezone.now()
    due = list(
        quiet_teams(now, days).filter(
            Q(archive_notified_at__isnull=True) | Q(archive_notified_at__lt=F("last_activity_at"))
        )
    )
    admins = _admins_by_team([team.pk for team in due])
    for team in due:
        with transaction.atomic():
            # Only the run that sets the timestamp sends: two cron runs at once cannot tell twice.
            claimed = (
                TeamPage.objects.filter(pk=team.pk)
                .filter(Q(archive_notified_at__isnull=True) | Q(archive_notified_at__lt=F("last_activity_at")))
                .update(archive_notified_at=now)
            )
            if not claimed:
                continue
            team.archive_notified_at = now
            message = _("%(team)s has been quiet for half a year. Keep it, or community managers may archive it.") % {
                "team": team.title
            }
            notice(admins.get(team.pk, []), None, team, message, reverse("teams:keep", args=[team.pk]))
    return due


def can_keep(user: User | AnonymousUser, team: TeamPage) -> bool:
    return team.is_admin(user) or can_moderate(user)


def keep_team(admin: User, team: TeamPage) -> TeamPage:
    """Not a candidate for another KEEP_DAYS; the admins are told again if it is still quiet then."""
    if not can_keep(admin, team):
        raise PermissionDenied(_("Only the team's admins can keep it."))
    if team.is_archived:
        raise ValidationError(_("This team is archived; ask a community manager to restore it."))
    team.keep_until = timezone.now() + timedelta(days=KEEP_DAYS)
    team.archive_notified_at = None
    TeamPage.objects.filter(pk=team.pk).update(keep_until=team.keep_until, archive_notified_at=None)
    return team


def _require_moderator(user: User | AnonymousUser, team: TeamPage) -> None:
    # A private team stays hidden from managers outside it: for them it is as if it did not exist.
    if not can_moderate(user) or not manager_can_see(user, team):
        raise PermissionDenied(_("Only community managers can archive and restore teams."))


def archive_team(moderator: User, team: TeamPage) -> TeamPage:
    _require_moderator(moderator, team)
    if team.is_archived:
        return team
    now = timezone.now()
    with transaction.atomic():
        updated = TeamPage.objects.filter(pk=team.pk, archived_at__isnull=True).update(archived_at=now)
        team.archived_at = now
        forget_filters()  # update() sends no post_save: the /teams/ filter's cached ids
        transaction.on_commit(forget_pairs)
        forget_activity()
        if updated:
            message = _("%(team)s has been archived: it stays readable, but nobody can post in it any more.") % {
                "team": team.title
            }
            notice(_admins_by_team([team.pk]).get(team.pk, []), moderator, team, message, team.get_url() or "")
    return team


def restore_team(moderator: User, team: TeamPage) -> TeamPage:
    """Back in the lists and open for posts; not a quiet candidate again for KEEP_DAYS."""
    _require_moderator(moderator, team)
    if team.merged_into is not None:  # no query when there is no id
        if manager_can_see(moderator, team.merged_into):
            message = _("%(team)s was merged into %(target)s; its members and posts are there now.") % {
                "team": team.title,
                "target": team.merged_into.title,
            }
        else:  # merged into a private team the manager is not in: its name stays unsaid
            message = _("%(team)s was merged into another team; its members and posts are there now.") % {
                "team": team.title
            }
        raise ValidationError(message)
    if not team.is_archived:
        return team
    team.archived_at = None
    team.archive_notified_at = None
    team.keep_until = timezone.now() + timedelta(days=KEEP_DAYS)
    with transaction.atomic():
        TeamPage.objects.filter(pk=team.pk).update(
            archived_at=None, archive_notified_at=None, keep_until=team.keep_until
        )
        forget_filters()
        message = _("%(team)s has been restored: members can post again.") % {"team": team.title}
        notice(_admins_by_team([team.pk]).get(team.pk, []), moderator, team, message, team.get_url() or "")
    return team
