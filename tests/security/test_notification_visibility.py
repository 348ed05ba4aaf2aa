# ruff: noqa: F811  (pytest fixtures imported from other test modules are used as arguments)
"""Issue 14: notifications are checked for visibility when they are shown (list, bell, opening, the
digest mail), not only when they are made: a former member, a removed member or someone whose
invitation was withdrawn no longer sees a private team's excerpt or name. Split from
test_social_access.py, whose fixtures (a private team with a former member) it shares."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.urls import reverse

from social import notifications, services
from social.models import Notification
from teams import services as team_services
from teams.models import Kind, TeamPage
from tests.security.test_social_access import as_user, dave, private  # noqa: F401
from tests.teams.conftest import alice, bob, carol, make_team, moderator, team_index  # noqa: F401
from tests.teams.helpers import add_member

pytestmark = pytest.mark.django_db

# 2. Notifications are checked when shown ----------------------------------------------------------


@pytest.fixture
def notified(private, alice, bob, dave):
    """Alice mentions Bob and Dave in a comment while both were members (made before Dave left)."""
    Notification.objects.create(
        recipient=dave,
        actor=alice,
        verb=Notification.Verb.MENTION,
        target_content_type=ContentType.objects.get_for_model(private["post"]),
        target_object_id=private["post"].pk,
        title=private["post"].title,
        excerpt="Uittreksel van het geheime plan",
        url=private["post"].get_absolute_url(),
    )
    services.post_comment(alice, private["post"], f"@{bob.person.slug} Uittreksel voor Bob alleen")
    return private


def unread_in_bell(client):
    return client.get(reverse("social:preferences")).text


def test_a_former_member_no_longer_sees_the_private_excerpt(client, notified, dave):
    note = Notification.objects.get(recipient=dave)
    as_user(client, dave)
    page = client.get(reverse("social:notifications"))
    assert "Uittreksel van het geheime plan" not in page.text
    assert "Geheim plan" not in page.text
    assert "bell--unread" not in unread_in_bell(client)  # hidden ones are not counted either
    response = client.post(reverse("social:mark_read"), {"notification": [note.pk]}, HTTP_ACCEPT="application/json")
    assert response.json()["unread"] == 0
    assert client.post(reverse("social:open_notification", args=[note.pk])).status_code == 404


def test_a_removed_member_loses_the_notification_and_a_member_keeps_it(client, notified, alice, bob):
    as_user(client, bob)
    page = client.get(reverse("social:notifications"))
    assert "Uittreksel voor Bob alleen" in page.text
    assert "bell--unread" in unread_in_bell(client)
    team_services.remove_member(alice, notified["team"], bob)
    page = client.get(reverse("social:notifications"))
    assert "Uittreksel voor Bob alleen" not in page.text
    assert "bell--unread" not in unread_in_bell(client)


def test_an_outsider_and_a_manager_never_see_stale_private_notifications(client, notified, carol, moderator):
    post = notified["post"]
    for user in (carol, moderator):
        Notification.objects.create(
            recipient=user,
            verb=Notification.Verb.COMMENT,
            target_content_type=ContentType.objects.get_for_model(post),
            target_object_id=post.pk,
            title=post.title,
            excerpt="Oud uittreksel",
        )
        as_user(client, user)
        assert "Oud uittreksel" not in client.get(reverse("social:notifications")).text
        assert "bell--unread" not in unread_in_bell(client)


def test_the_daily_digest_leaves_out_what_the_reader_may_no_longer_see(notified, alice, bob, dave):
    team_services.remove_member(alice, notified["team"], bob)
    mail.outbox.clear()
    notifications.send_digests()
    mails = {message.to[0]: message.body for message in mail.outbox}
    assert "Geheim plan" in mails[alice.email]  # still a member: her digest names the post
    for former in (bob, dave):
        assert "Uittreksel" not in mails.get(former.email, "")
        assert "Geheim plan" not in mails.get(former.email, "")


def test_notification_list_checks_visibility_in_a_fixed_number_of_queries(
    client,
    make_team,
    alice,
    bob,
    django_assert_max_num_queries,
):
    url = reverse("social:notifications")

    def add_team(number):
        team = make_team(f"Team {number}", Kind.PRIVATE if number % 2 else Kind.CLOSED)
        add_member(team, bob)
        post = team_services.create_post(alice, team, text=f"Bericht {number}")
        Notification.objects.create(
            recipient=bob,
            actor=alice,
            verb=Notification.Verb.COMMENT,
            target_content_type=ContentType.objects.get_for_model(post),
            target_object_id=post.pk,
            title=post.title,
            excerpt=f"Uittreksel {number}",
        )
        # And one about a team Bob was never in (or has left): checked in the same queries.
        hidden = make_team(f"Ander team {number}", Kind.PRIVATE)
        hidden_post = team_services.create_post(alice, hidden, text=f"Ander bericht {number}")
        Notification.objects.create(
            recipient=bob,
            verb=Notification.Verb.COMMENT,
            target_content_type=ContentType.objects.get_for_model(hidden_post),
            target_object_id=hidden_post.pk,
            excerpt=f"Verborgen {number}",
        )

    add_team(1)
    as_user(client, bob)
    client.get(url)
    with django_assert_max_num_queries(12) as few:
        assert "Uittreksel 1" in client.get(url).text
    for number in range(2, 7):
        add_team(number)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(url).text
    assert "Uittreksel 6" in page and "Uittreksel 1" in page
    assert "Verborgen" not in page


def test_a_withdrawn_invitation_no_longer_names_the_private_team(client, make_team, alice, carol):
    """A team notice points at the team page itself: its visibility counts when shown, like a post's."""
    team = make_team("Geheime Fusie Noord", Kind.PRIVATE)
    team_services.invite(alice, team, carol)
    as_user(client, carol)
    assert "Geheime Fusie Noord" in client.get(reverse("social:notifications")).content.decode()
    team_services.remove_member(alice, TeamPage.objects.get(pk=team.pk), carol)
    assert client.get(team.url).status_code == 404
    assert "Geheime Fusie Noord" not in client.get(reverse("social:notifications")).content.decode()
    from social import selectors

    assert selectors.unread_count(carol) == 0


def test_the_bell_counts_only_what_may_still_be_seen_across_kinds(make_team, alice, bob):
    """The bell checks visibility for the kinds of the unread notifications only: a hidden post among a
    visible one, a team notice and one without a subject still count exactly."""
    from social import selectors

    open_team = make_team("Fotografie", Kind.OPEN)
    hidden = make_team("Geheime Fusie Zuid", Kind.PRIVATE)
    visible_post = team_services.create_post(alice, open_team, text="Voor iedereen")
    hidden_post = team_services.create_post(alice, hidden, text="Alleen voor leden")
    hidden_comment = services.post_comment(alice, hidden_post, "Een reactie binnen het team")
    Notification.objects.filter(recipient=bob).delete()
    assert selectors.unread_count(bob) == 0
    for target in (visible_post, hidden_post, open_team, hidden, hidden_comment, bob):
        Notification.objects.create(
            recipient=bob,
            verb=Notification.Verb.COMMENT,
            target_content_type=ContentType.objects.get_for_model(target),
            target_object_id=target.pk,
            excerpt="x",
        )
    Notification.objects.create(recipient=bob, verb=Notification.Verb.COMMENT, excerpt="zonder onderwerp")
    # The open team's post and page, a user (outside the social layer) and the one without a subject.
    assert selectors.unread_count(bob) == 4
    add_member(TeamPage.objects.get(pk=hidden.pk), bob)
    assert selectors.unread_count(bob) == 7
    Notification.objects.filter(recipient=bob).update(read_at="2026-12-07T12:00:00Z")
    assert selectors.unread_count(bob) == 0


def test_a_restricted_section_stays_closed_through_comments_likes_and_notifications(client, alice, bob):
    """A page behind a Wagtail view restriction (a group) is not opened by its comment page, a like, the
    bell, the notification list or the digest for someone outside the group."""
    from django.contrib.auth.models import Group
    from wagtail.models import PageViewRestriction

    from home.models import HomePage
    from news.models import NewsIndexPage, NewsPage
    from social import selectors
    from tests.factories import PersonFactory
    from tests.news.conftest import publish_under

    index = NewsIndexPage.objects.first() or publish_under(HomePage.objects.first(), NewsIndexPage(title="Nieuws"))
    page = publish_under(index, NewsPage(title="Reorganisatie directie", intro="Vertrouwelijk"))
    board = Group.objects.create(name="Directie")
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(board)
    alice.groups.add(board)
    writer = PersonFactory(user__username="schrijver").user
    writer.groups.add(board)
    services.post_comment(writer, page, f"Zie ook @{bob.person.slug} en @{alice.person.slug}")
    page_type = ContentType.objects.get_for_model(NewsPage)

    as_user(client, bob)  # outside the group
    assert client.get(reverse("social:comment_page", args=[page_type.pk, page.pk])).status_code == 404
    assert client.post(reverse("social:like", args=[page_type.pk, page.pk])).status_code == 404
    assert selectors.unread_count(bob) == 0
    assert "Reorganisatie directie" not in client.get(reverse("social:notifications")).text

    as_user(client, alice)  # in the group
    assert client.get(reverse("social:comment_page", args=[page_type.pk, page.pk])).status_code == 200
    assert selectors.unread_count(alice) == 1
    assert "Reorganisatie directie" in client.get(reverse("social:notifications")).text
