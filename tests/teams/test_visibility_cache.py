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
