"""Quiet teams, the admins' notice (once), keeping, archiving and restoring."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.utils import timezone

from social.models import Notification
from teams import archiving, services
from teams.models import Kind, TeamPage

pytestmark = pytest.mark.django_db


def age(team, days):
    when = timezone.now() - timedelta(days=days)
    TeamPage.objects.filter(pk=team.pk).update(last_activity_at=when)
    team.last_activity_at = when
    return team


def notices(user):
    return list(Notification.objects.filter(recipient=user, verb="notice").values_list("url", flat=True))


def test_quiet_teams_are_those_without_activity_for_180_days(make_team, moderator):
    quiet = age(make_team("Fotografie"), 181)
    age(make_team("Ambassadeurs"), 179)
    kept = age(make_team("Schaakclub"), 200)
    TeamPage.objects.filter(pk=kept.pk).update(keep_until=timezone.now() + timedelta(days=10))
    gone = age(make_team("Koor"), 300)
    archiving.archive_team(moderator, gone)
    assert list(archiving.quiet_teams()) == [quiet]


def test_admins_are_told_once_and_again_only_after_new_activity(make_team, alice, bob):
    team = age(make_team("Fotografie"), 181)
    services.join(bob, team)
    age(team, 181)  # joining is activity; make it quiet again
    assert archiving.notify_quiet() == [team]
    assert notices(alice) == [f"/teams-acties/beheer/{team.pk}/houden/"]
    assert notices(bob) == []  # members are not bothered, only admins
    assert archiving.notify_quiet() == []
    call_command("notify_quiet_teams", stdout=open("/dev/null", "w"))  # noqa: SIM115 (the cron job, same rule)
    assert len(notices(alice)) == 1
    # A post brings it back to life; when it is quiet again, the admins hear it once more.
    services.create_post(alice, team, text="Nog iemand?")
    assert archiving.notify_quiet() == []
    half_a_year_later = timezone.now() + timedelta(days=181)
    assert [t.pk for t in archiving.notify_quiet(now=half_a_year_later)] == [team.pk]
    assert len(notices(alice)) == 2
    assert archiving.notify_quiet(now=half_a_year_later) == []


def test_an_admin_keeps_the_team_for_another_half_year(make_team, alice, bob):
    team = age(make_team("Fotografie"), 181)
    archiving.notify_quiet()
    with pytest.raises(PermissionDenied):
        archiving.keep_team(bob, team)
    archiving.keep_team(alice, team)
    team.refresh_from_db()
    assert team.keep_until > timezone.now() + timedelta(days=179)
    assert list(archiving.quiet_teams()) == []
    # When the keep runs out and the team is still quiet, the admins are told again.
    later = timezone.now() + timedelta(days=181)
    assert [t.pk for t in archiving.notify_quiet(now=later)] == [team.pk]
    assert len(notices(alice)) == 2


def test_archive_and_restore_by_community_managers_only(make_team, moderator, alice, bob):
    team = age(make_team("Fotografie"), 200)
    services.join(bob, team)
    with pytest.raises(PermissionDenied):
        archiving.archive_team(alice, team)
    archiving.archive_team(moderator, team)
    team.refresh_from_db()
    assert team.is_archived
    # Read-only: teams-core's services refuse posts and joins in an archived team.
    with pytest.raises(PermissionDenied):
        services.create_post(bob, team, text="Hallo?")
    with pytest.raises(ValidationError):
        archiving.keep_team(alice, team)
    assert "/teams/fotografie/" in notices(alice)
    with pytest.raises(PermissionDenied):
        archiving.restore_team(alice, team)
    archiving.restore_team(moderator, team)
    team.refresh_from_db()
    assert not team.is_archived
    assert list(archiving.quiet_teams()) == []  # restored teams get a fresh half year
    services.create_post(bob, team, text="We zijn er weer")


def test_a_merged_team_cannot_be_restored(make_team, moderator):
    from teams.merge import merge_teams

    source, target = make_team("Fotografieclub"), make_team("Fotografie")
    merge_teams(moderator, source=source, target=target)
    source = TeamPage.objects.get(pk=source.pk)
    with pytest.raises(ValidationError):
        archiving.restore_team(moderator, source)


def test_private_teams_are_quiet_candidates_too_and_their_admins_are_told(make_team, alice):
    team = age(make_team("Reorganisatie", Kind.PRIVATE), 365)
    assert archiving.notify_quiet() == [team]
    assert len(notices(alice)) == 1


def test_managers_outside_a_private_team_cannot_archive_it(make_team, moderator, alice):
    team = age(make_team("Reorganisatie", Kind.PRIVATE), 365)
    with pytest.raises(PermissionDenied):
        archiving.archive_team(moderator, team)
    services.invite(alice, team, moderator)
    services.accept_invite(moderator, team)
    team = TeamPage.objects.get(pk=team.pk)
    archiving.archive_team(moderator, team)
    assert TeamPage.objects.get(pk=team.pk).is_archived
