"""A user's visibility class for team content (teams.visibility.membership_key) is kept per user: every
way a membership of a closed or private team starts or ends, and a team's change of kind, shows at once.
Shared lists (the homepage agenda, search answers, /teams/ filters) are cached per class, so a stale
class would show a left team's content."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from teams import membership, merge
from teams.models import Kind, Membership, State
from teams.selectors import timeline_visibility_key

pytestmark = pytest.mark.django_db


def _membership_queries(queries):
    return [q for q in queries if '"teams_membership"' in q["sql"]]


def test_the_class_is_kept_per_user(bob, private_team):
    timeline_visibility_key(bob)
    with CaptureQueriesContext(connection) as queries:
        timeline_visibility_key(bob)
    assert not _membership_queries(queries)


def test_joining_and_leaving_a_closed_team_change_the_class_at_once(alice, bob, closed_team):
    outside = timeline_visibility_key(bob)
    membership.join(bob, closed_team)  # a request: not yet a member
    assert timeline_visibility_key(bob) == outside
    pending = Membership.objects.get(team=closed_team, user=bob)
    membership.request_decision(alice, pending, approve=True)  # activated with update()
    inside = timeline_visibility_key(bob)
    assert inside != outside
    membership.leave(bob, closed_team)
    assert timeline_visibility_key(bob) == outside


def test_an_invitation_accepted_and_a_removal_change_the_class(alice, bob, private_team):
    outside = timeline_visibility_key(bob)
    membership.invite(alice, private_team, bob)
    assert timeline_visibility_key(bob) == outside
    membership.accept_invite(bob, private_team)
    assert timeline_visibility_key(bob) != outside
    membership.remove_member(alice, private_team, bob)
    assert timeline_visibility_key(bob) == outside


def test_a_team_that_turns_private_changes_its_members_class(bob, open_team):
    membership.join(bob, open_team)
    before = timeline_visibility_key(bob)  # open teams are not in the class
    open_team.kind = Kind.PRIVATE
    open_team.save()
    assert timeline_visibility_key(bob) != before


def test_a_merge_moves_members_into_the_class_of_the_target(alice, bob, moderator, make_team):
    source = make_team("Oud overleg", Kind.CLOSED)
    target = make_team("Nieuw overleg", Kind.CLOSED)
    Membership.objects.create(team=source, user=bob, state=State.ACTIVE)
    before = timeline_visibility_key(bob)
    merge.merge_teams(moderator, source=source, target=target)
    assert Membership.objects.filter(team=target, user=bob, state=State.ACTIVE).exists()
    assert timeline_visibility_key(bob) != before


def test_superusers_share_a_class_only_with_the_same_closed_teams(make_user, make_team, alice):
    """Superusers read every private team, but closed teams only as members: two superusers in
    different closed teams must not share lists cached per class."""
    first, second = make_user("beheer1"), make_user("beheer2")
    for user in (first, second):
        user.is_superuser = True
        user.save()
    assert timeline_visibility_key(first) == timeline_visibility_key(second)
    closed = make_team("Ondernemingsraad", Kind.CLOSED)
    Membership.objects.create(team=closed, user=first, state=State.ACTIVE)
    assert timeline_visibility_key(first) != timeline_visibility_key(second)
    private = make_team("Vertrouwelijk", Kind.PRIVATE)
    before = timeline_visibility_key(second)
    Membership.objects.create(team=private, user=second, state=State.ACTIVE)
    assert timeline_visibility_key(second) == before  # private teams: read anyway


def test_a_demoted_superuser_gets_a_members_class_at_once(make_user):
    user = make_user("beheer3")
    user.is_superuser = True
    user.save()
    as_superuser = timeline_visibility_key(user)
    user.is_superuser = False
    user.save()
    assert timeline_visibility_key(user) != as_superuser
    assert timeline_visibility_key(user).startswith("m:")
