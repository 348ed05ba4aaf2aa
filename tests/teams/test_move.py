"""A community manager moves a misplaced post to another team or to the notice board; the author is told why."""

import pytest
from django.urls import reverse
from django.utils import translation

from prikbord.models import Post as BoardPost
from social import services as social
from social.models import Notification
from teams import services
from teams.models import TeamPost
from tests.teams.helpers import add_member

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _dutch():
    with translation.override("nl"):
        yield


@pytest.fixture
def misplaced(open_team, bob):
    add_member(open_team, bob)
    return services.create_post(bob, open_team, text="Te koop: fietsstoeltje, 15 euro")


def move_url(post):
    return reverse("teams:move", args=[post.pk])


def test_a_plain_member_cannot_move(client, misplaced, alice, closed_team):
    client.force_login(alice)
    assert client.get(move_url(misplaced)).status_code == 403
    response = client.post(move_url(misplaced), {"destination": "prikbord:te-koop", "reason": "Hoort op het prikbord"})
    assert response.status_code == 403
    assert TeamPost.objects.filter(pk=misplaced.pk, team=misplaced.team).exists()


def test_move_to_the_notice_board(client, misplaced, moderator, bob):
    social.post_comment(moderator, misplaced, "Dit hoort op het prikbord")
    client.force_login(moderator)
    assert "Bericht verplaatsen" in client.get(move_url(misplaced)).text
    response = client.post(
        move_url(misplaced), {"destination": "prikbord:te-koop", "reason": "Spullen verkopen doe je op het prikbord."}
    )
    board_post = BoardPost.objects.get()
    assert response.status_code == 302 and response["Location"] == board_post.get_absolute_url()
    assert board_post.author == bob and board_post.category == "te-koop"
    assert "fietsstoeltje" in board_post.text
    assert not TeamPost.objects.filter(pk=misplaced.pk).exists()
    note = Notification.objects.get(recipient=bob, verb="notice")
    assert "prikbord" in note.title and note.excerpt == "Spullen verkopen doe je op het prikbord."
    assert note.url == board_post.get_absolute_url()
    client.force_login(bob)
    assert "Spullen verkopen doe je op het prikbord." in client.get(reverse("social:notifications")).text


def test_move_to_another_team(client, misplaced, moderator, bob, make_team, alice):
    target = make_team("Fietsers")
    client.force_login(moderator)
    client.post(move_url(misplaced), {"destination": f"team:{target.pk}", "reason": "Dit gaat over fietsen."})
    post = TeamPost.objects.get(pk=misplaced.pk)
    assert post.team_id == target.pk and post.moved_from_id == misplaced.team_id
    assert post.move_reason == "Dit gaat over fietsen."
    note = Notification.objects.get(recipient=bob, verb="notice")
    assert "Fietsers" in note.title and note.url == post.get_absolute_url()


def test_move_needs_a_reason_and_a_destination(client, misplaced, moderator):
    client.force_login(moderator)
    response = client.post(move_url(misplaced), {"destination": "prikbord:te-koop", "reason": ""})
    assert response.status_code == 400 and "Vertel de auteur waarom" in response.text
    response = client.post(move_url(misplaced), {"destination": "", "reason": "Reden"})
    assert response.status_code == 400 and "Kies waar het bericht heen gaat" in response.text
    assert "Reden" in response.text
    assert TeamPost.objects.filter(pk=misplaced.pk, team=misplaced.team).exists()


def test_the_author_is_not_linked_to_a_private_team_they_cannot_see(misplaced, moderator, bob, make_team):
    from teams.models import Kind

    secret = make_team("Geheim project", Kind.PRIVATE)
    services.move_post(moderator, misplaced, to_team=secret, reason="Hoort bij het project")
    note = Notification.objects.get(recipient=bob, verb="notice")
    assert note.url == misplaced.moved_from.url


def test_a_post_too_long_for_the_notice_board_stays_whole_in_its_team(client, open_team, moderator, bob):
    from prikbord.models import TEXT_MAX

    add_member(open_team, bob)
    long_post = services.create_post(bob, open_team, text="Te koop: " + "x" * TEXT_MAX)
    client.force_login(moderator)
    response = client.post(move_url(long_post), {"destination": "prikbord:te-koop", "reason": "Hoort op het prikbord"})
    assert response.status_code == 400
    assert "maximaal" in response.text or "hoogstens" in response.text or str(TEXT_MAX) in response.text
    assert TeamPost.objects.get(pk=long_post.pk).text == long_post.text
    assert not BoardPost.objects.exists()


def test_leaving_a_team_empties_its_posts_from_my_homepage_block_at_once(open_team, bob, alice):
    from teams.home_blocks import block_context

    add_member(open_team, bob)
    services.create_post(alice, open_team, text="Alleen voor leden")
    assert block_context(bob)["team_count"] == 1
    services.leave(bob, open_team)
    assert block_context(bob)["team_count"] == 0
