"""Who sees what, for each kind of team, from every side: pages, lists, actions, social layer, notifications."""

import pytest
from django.utils import translation

from social.models import Notification
from teams import selectors, services
from teams.models import TeamPost
from tests.teams.helpers import add_member, comment_url, like_url

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _dutch():
    with translation.override("nl"):
        yield


@pytest.fixture
def teams(open_team, closed_team, private_team, alice):
    posts = {
        team.kind: services.create_post(alice, team, text=f"Bericht in {team.title}")
        for team in (open_team, closed_team, private_team)
    }
    return {"open": open_team, "closed": closed_team, "private": private_team, "posts": posts}


def test_lists_show_open_and_closed_teams_but_private_ones_only_to_members(client, teams, alice, carol, team_index):
    visible = set(selectors.visible_teams(carol).values_list("title", flat=True))
    assert visible == {"Fotografie", "Ambassadeurs"}
    assert set(selectors.visible_teams(alice).values_list("title", flat=True)) == {
        "Fotografie",
        "Ambassadeurs",
        "Reorganisatie ICT",
    }
    client.force_login(carol)
    html = client.get(team_index.url).text
    assert "Fotografie" in html and "Ambassadeurs" in html
    assert "Reorganisatie ICT" not in html
    assert "Reorganisatie ICT" not in client.get(team_index.url + "?q=Reorganisatie").text
    client.force_login(alice)
    assert "Reorganisatie ICT" in client.get(team_index.url).text


def test_open_team_every_employee_reads_the_timeline(client, teams, carol):
    client.force_login(carol)
    page = client.get(teams["open"].url)
    assert page.status_code == 200
    assert "Bericht in Fotografie" in page.text
    assert "Word lid van dit team" in page.text
    assert client.get(teams["posts"]["open"].get_absolute_url()).status_code == 200


def test_closed_team_shows_who_is_in_it_but_not_its_posts(client, teams, carol):
    client.force_login(carol)
    page = client.get(teams["closed"].url)
    assert page.status_code == 200
    assert "Alice Admiraal" in page.text
    assert "Bericht in Ambassadeurs" not in page.text
    assert "Alleen leden zien de berichten" in page.text
    assert "Vraag om lid te worden" in page.text
    assert client.get(teams["posts"]["closed"].get_absolute_url()).status_code == 403


def test_private_team_is_a_404_for_non_members_on_every_url(client, teams, carol):
    team, post = teams["private"], teams["posts"]["private"]
    client.force_login(carol)
    for url in (team.url, team.url + "leden/", team.url + "bewerken/", post.get_absolute_url()):
        assert client.get(url).status_code == 404, url
    for name, args in [
        ("teams:join", [team.pk]),
        ("teams:leave", [team.pk]),
        ("teams:post", [team.pk]),
        ("teams:accept_invite", [team.pk]),
        ("teams:pin", [post.pk]),
        ("teams:accept", [post.pk]),
        ("teams:delete_post", [post.pk]),
    ]:
        from django.urls import reverse

        assert client.post(reverse(name, args=args), {"text": "hallo"}).status_code == 404, name
    assert TeamPost.objects.filter(team=team).count() == 1


def test_a_superuser_sees_a_private_team(client, teams, superuser):
    client.force_login(superuser)
    assert client.get(teams["private"].url).status_code == 200


def test_an_invited_colleague_sees_the_page_but_not_the_timeline(client, teams, alice, carol):
    services.invite(alice, teams["private"], carol)
    client.force_login(carol)
    page = client.get(teams["private"].url)
    assert page.status_code == 200
    assert "Uitnodiging aannemen" in page.text
    assert "Bericht in Reorganisatie ICT" not in page.text
    assert client.get(teams["posts"]["private"].get_absolute_url()).status_code == 403


@pytest.mark.parametrize("kind", ["closed", "private"])
def test_a_non_member_cannot_comment_or_like_through_the_social_layer(client, teams, carol, kind):
    post = teams["posts"][kind]
    client.force_login(carol)
    # 404 as for a missing post: the answer never tells a hidden post from none (issue 14).
    assert client.post(comment_url(post), {"comment": "Ik lees mee"}).status_code == 404
    assert client.post(like_url(post)).status_code == 404
    from django_comments_xtd.models import XtdComment

    assert not XtdComment.objects.exists()
    from django.core.exceptions import PermissionDenied

    from social.targets import check_can_view

    with pytest.raises(PermissionDenied):
        check_can_view(carol, post)


def test_an_outsider_comments_and_likes_in_an_open_team(client, teams, carol, alice):
    post = teams["posts"]["open"]
    client.force_login(carol)
    response = client.post(comment_url(post), {"comment": "Mooie foto's!"})
    assert response.status_code == 302
    assert response["Location"].startswith(post.get_absolute_url() + "?reactie=")
    assert client.post(like_url(post)).status_code == 302
    page = client.get(post.get_absolute_url())
    assert "Mooie foto&#x27;s!" in page.text
    assert Notification.objects.filter(recipient=alice, verb="comment").exists()
    assert Notification.objects.filter(recipient=alice, verb="like").exists()


@pytest.mark.parametrize("kind", ["closed", "private"])
def test_mentions_never_reach_a_non_member_about_private_content(client, teams, alice, bob, carol, kind):
    team = teams[kind]
    add_member(team, bob)
    carol_slug = carol.person.slug
    bob_slug = bob.person.slug
    services.create_post(alice, team, text=f"Vraag aan @{carol_slug} en @{bob_slug}")
    assert not Notification.objects.filter(recipient=carol).exists()
    assert Notification.objects.filter(recipient=bob, verb="mention").count() == 1
    # A mention in a comment on the private post: the same rule.
    client.force_login(bob)
    response = client.post(comment_url(teams["posts"][kind]), {"comment": f"Eens, @{carol_slug}?"})
    assert response.status_code == 302
    assert not Notification.objects.filter(recipient=carol).exists()
    assert Notification.objects.filter(recipient=alice, verb="comment").exists()


def test_a_member_who_left_hears_no_more_about_a_private_team(client, teams, alice, bob):
    team = teams["private"]
    add_member(team, bob)
    post = services.create_post(bob, team, text="Mijn laatste bericht")
    services.leave(bob, team)
    client.force_login(alice)
    assert client.post(comment_url(post), {"comment": "Jammer dat je weg bent"}).status_code == 302
    assert not Notification.objects.filter(recipient=bob, verb="comment").exists()


def test_a_private_team_posts_comment_pages_stay_hidden_from_outsiders(client, teams, alice, carol):
    from django.contrib.contenttypes.models import ContentType
    from django.urls import reverse

    post = teams["posts"]["private"]
    client.force_login(alice)
    assert client.post(comment_url(post), {"comment": "Alleen voor het team"}).status_code == 302
    url = reverse("social:comment_page", args=[ContentType.objects.get_for_model(post).pk, post.pk])
    assert "Alleen voor het team" in client.get(url + "?reacties=1").text
    client.force_login(carol)
    assert client.get(url + "?reacties=1").status_code == 404
    assert client.get(post.get_absolute_url() + "?reacties=1").status_code == 404
