"""Private and archived teams from the less obvious sides: comment pages, moves, merges, managers'
lists, the read-only rule in every service, double clicks and the KPI dashboard's top lists."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from social import services as social
from social.models import Notification
from teams import archiving, merge, services
from teams.models import Kind, Membership, State, TeamPage, TeamPost
from tests.teams.helpers import add_member, comment_url, like_url

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _dutch():
    with translation.override("nl"):
        yield


def archive(team):
    TeamPage.objects.filter(pk=team.pk).update(archived_at=timezone.now())
    team.refresh_from_db()
    return team


def test_an_outsider_posting_a_comment_on_an_archived_private_post_learns_nothing(client, private_team, alice, carol):
    post = services.create_post(alice, private_team, text="Reorganisatieplannen voor de afdeling")
    archive(private_team)
    client.force_login(carol)
    response = client.post(comment_url(post), {"comment": "Hallo?"})
    assert response.status_code == 404  # as for a missing post (issue 14)
    assert "Reorganisatie" not in response.text
    assert private_team.slug not in response.text


def test_the_move_form_offers_only_teams_the_manager_can_see(client, open_team, make_team, moderator, bob):
    hidden = make_team("Geheime verbouwing", kind=Kind.PRIVATE)
    add_member(open_team, bob)
    post = services.create_post(bob, open_team, text="Te koop: bureaustoel")
    client.force_login(moderator)
    form = client.get(reverse("teams:move", args=[post.pk]))
    assert "Geheime verbouwing" not in form.text
    response = client.post(
        reverse("teams:move", args=[post.pk]), {"destination": f"team:{hidden.pk}", "reason": "Hoort daar"}
    )
    assert response.status_code == 400
    assert TeamPost.objects.get(pk=post.pk).team == open_team


def test_the_author_is_not_told_the_name_of_a_private_team_they_cannot_see(open_team, make_team, moderator, bob):
    hidden = make_team("Geheime verbouwing", kind=Kind.PRIVATE)
    add_member(hidden, moderator)
    add_member(open_team, bob)
    post = services.create_post(bob, open_team, text="Over de verbouwing")
    services.move_post(moderator, post, to_team=hidden, reason="Dit gaat over de verbouwing")
    note = Notification.objects.get(recipient=bob, verb="notice")
    assert "Geheime verbouwing" not in note.title
    assert "ander team" in note.title


def test_merging_into_a_private_team_invites_the_source_members(make_team, moderator, alice, bob, carol):
    source = make_team("Fotoclub", kind=Kind.PRIVATE)
    target = make_team("Fotografie", kind=Kind.PRIVATE)
    for team in (source, target):
        add_member(team, moderator)
    add_member(source, bob)
    add_member(target, carol)
    add_member(source, carol)
    merge.merge_teams(moderator, source=source, target=target)
    assert Membership.objects.get(team=target, user=bob).state == State.INVITED
    assert Membership.objects.get(team=target, user=carol).state == State.ACTIVE
    target.refresh_from_db()
    assert target.member_count == Membership.objects.filter(team=target, state=State.ACTIVE).count() == 3
    assert not target.content_visible_to(bob)
    services.accept_invite(bob, target)
    assert target.content_visible_to(bob)


def test_managers_outside_a_private_target_do_not_see_its_name_in_the_archive(client, make_team, alice, moderator):
    source = make_team("Fotoclub", kind=Kind.PRIVATE)
    target = make_team("Geheime fotografen", kind=Kind.PRIVATE)
    add_member(source, moderator)
    add_member(target, moderator)
    merge.merge_teams(moderator, source=source, target=target)
    other = type(moderator).objects.create_user("mod2")
    other.groups.set(moderator.groups.all())
    add_member(TeamPage.objects.get(pk=source.pk), other)
    client.force_login(other)
    page = client.get(reverse("teams:archived"))
    assert page.status_code == 200
    assert "Fotoclub" in page.text and "Geheime fotografen" not in page.text
    with pytest.raises(ValidationError) as error:
        archiving.restore_team(other, TeamPage.objects.get(pk=source.pk))
    assert "Geheime fotografen" not in str(error.value)


def test_an_invited_manager_cannot_archive_a_private_team(private_team, alice, moderator):
    services.invite(alice, private_team, moderator)
    with pytest.raises(PermissionDenied):
        archiving.archive_team(moderator, private_team)
    assert not TeamPage.objects.get(pk=private_team.pk).is_archived


def test_an_archived_team_is_read_only_in_every_service(client, closed_team, alice, bob, carol):
    add_member(closed_team, bob)
    question = services.create_post(bob, closed_team, text="Wie weet het?", is_question=True)
    answer = social.post_comment(alice, question, "Ik weet het")
    services.join(carol, closed_team)
    request = Membership.objects.get(team=closed_team, user=carol)
    archive(closed_team)
    question.refresh_from_db()
    for attempt in (
        lambda: services.request_decision(alice, request, approve=True),
        lambda: services.set_role(alice, closed_team, bob, "admin"),
        lambda: services.remove_member(alice, closed_team, bob),
        lambda: services.accept_answer(bob, question, answer),
        lambda: services.delete_post(bob, question),
        lambda: social.like(alice, question),
    ):
        with pytest.raises(PermissionDenied):
            attempt()
    assert Membership.objects.get(team=closed_team, user=carol).state == State.REQUESTED
    assert TeamPost.objects.filter(pk=question.pk, accepted_answer=None).exists()
    client.force_login(alice)
    page = client.get(question.get_absolute_url())
    assert page.status_code == 200
    assert like_url(question) not in page.text


def test_a_hidden_accepted_answer_is_not_shown(client, open_team, alice, bob, moderator):
    add_member(open_team, bob)
    question = services.create_post(bob, open_team, text="Wie weet het?", is_question=True)
    answer = social.post_comment(alice, question, "Een antwoord dat later verborgen wordt")
    services.accept_answer(bob, question, answer)
    social.hide_comment(moderator, answer, "Ongepast")
    client.force_login(bob)
    assert "later verborgen" not in client.get(question.get_absolute_url()).text


def test_accepting_with_a_malformed_answer_id_is_a_message_not_an_error(client, open_team, bob):
    add_member(open_team, bob)
    question = services.create_post(bob, open_team, text="Wie weet het?", is_question=True)
    client.force_login(bob)
    response = client.post(reverse("teams:accept", args=[question.pk]), {"comment": "abc"})
    assert response.status_code == 302


def test_double_join_and_double_leave_count_a_member_once(open_team, bob, monkeypatch):
    from teams import membership as membership_module

    first = services.join(bob, open_team)
    stale = Membership.objects.get(pk=first.pk)
    # The second click of a double click looked before the first one's insert: it sees no membership.
    original = membership_module._membership
    answers = iter([None])
    monkeypatch.setattr(
        membership_module, "_membership", lambda team, user: next(answers, None) or original(team, user)
    )
    assert services.join(bob, open_team).pk == first.pk
    open_team.refresh_from_db()
    assert open_team.member_count == 2  # alice (admin) and bob, once
    services.leave(bob, open_team)
    # The second click of a double "leave" holds the membership as it was: nothing more is counted.
    assert membership_module._delete(open_team, stale) is False
    open_team.refresh_from_db()
    assert open_team.member_count == 1


def test_the_dashboards_top_lists_leave_out_closed_and_private_team_content(client, private_team, open_team, alice):
    from insights.metrics.common import Period
    from insights.metrics.participation import participation

    secret = services.create_post(alice, private_team, text="Geheim plan")
    public = services.create_post(alice, open_team, text="Open bericht")
    social.like(alice, secret)
    social.like(alice, public)
    today = timezone.localdate()
    kpis, tables = participation(Period(today, today), employees=1)
    assert kpis["participation.contributors"] == 1  # alice wrote only team posts; they count
    liked = next(table for table in tables if table.key == "top-liked")
    titles = [row[0] for row in liked.rows]
    assert "Open bericht" in titles and "Geheim plan" not in titles
