"""Issue 14, spam: a mass @mention is refused, every kind of post is throttled in one frame helper
(intranet/throttle.py, limits from settings), and a like notifies its owner once however often it is
toggled. Everything goes through the real views, in Dutch."""

# ruff: noqa: F811 (the tests take fixtures imported from the apps' conftests)

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.urls import reverse
from django_comments_xtd.models import XtdComment

from directregelen.models import Request
from prikbord.models import Post as BoardPost
from rooms.models import Booking
from social.models import Notification
from teams.models import Kind, Membership, TeamPost
from tests.directregelen.conftest import ict, ict_form, portal  # noqa: F401
from tests.factories import PersonFactory
from tests.news.conftest import author, make_news, news_index, news_page  # noqa: F401
from tests.rooms.conftest import building, colleague, day, room  # noqa: F401
from tests.teams.conftest import alice, make_team, open_team, team_index  # noqa: F401

pytestmark = pytest.mark.django_db

TOO_FAST = "Je plaatst te snel achter elkaar"
TOO_MANY_INVITES = "Je verstuurt wel erg veel uitnodigingen"


def colleagues(count):
    return [PersonFactory(slug=f"collega-{number}") for number in range(count)]


def mention_text(people):
    return "Kijk even mee: " + " ".join(f"@{person.slug}" for person in people)


def limit(settings, action, **windows):
    settings.THROTTLE_LIMITS = {**settings.THROTTLE_LIMITS, action: windows}


def comment_url(obj):
    return reverse("social:comment_post", args=[ContentType.objects.get_for_model(obj).pk, obj.pk])


# Mentions ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("is_question", [False, True])
def test_a_team_post_or_question_mentioning_eleven_is_refused_and_kept(client, open_team, alice, is_question):
    text = mention_text(colleagues(11))
    client.force_login(alice)
    data = {"text": text, **({"is_question": "on"} if is_question else {})}
    response = client.post(reverse("teams:post", args=[open_team.pk]), data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Noem hoogstens 10 collega" in html and "in dit bericht staan er 11" in html
    assert text in html  # the typed text is back in the form
    assert not TeamPost.objects.exists()
    assert not Notification.objects.exists()


def test_a_comment_or_answer_mentioning_eleven_is_refused_and_kept(employee_client, news_page):
    text = mention_text(colleagues(11))
    response = employee_client.post(comment_url(news_page), {"comment": text})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Noem hoogstens 10 collega" in html
    assert text in html
    assert not XtdComment.objects.exists()
    assert not Notification.objects.exists()


def test_the_mention_cap_comes_from_settings(employee_client, news_page, settings):
    settings.MENTIONS_PER_TEXT = 2
    people = colleagues(3)
    response = employee_client.post(comment_url(news_page), {"comment": mention_text(people)})
    assert response.status_code == 400
    assert "Noem hoogstens 2 collega" in response.content.decode()
    response = employee_client.post(comment_url(news_page), {"comment": mention_text(people[:2])})
    assert response.status_code == 302  # up to the cap everyone mentioned hears about it
    assert Notification.objects.filter(verb=Notification.Verb.MENTION).count() == 2


# Throttle ------------------------------------------------------------------------------------------


def test_team_posts_are_throttled_and_the_text_kept(client, open_team, alice, settings):
    limit(settings, "team_post", minute=2)
    client.force_login(alice)
    url = reverse("teams:post", args=[open_team.pk])
    assert client.post(url, {"text": "Een"}).status_code == 302
    assert client.post(url, {"text": "Twee", "is_question": "on"}).status_code == 302
    response = client.post(url, {"text": "Drie keer is scheepsrecht"})
    html = response.content.decode()
    assert response.status_code == 400
    assert TOO_FAST in html and "Drie keer is scheepsrecht" in html
    assert TeamPost.objects.count() == 2
    # The count is per person: a colleague still posts.
    bob = PersonFactory().user
    Membership.objects.create(team=open_team, user=bob, state="active")
    client.force_login(bob)
    assert client.post(url, {"text": "Hallo"}).status_code == 302


def test_comments_use_the_frame_limits(employee_client, news_page, settings):
    settings.SOCIAL_COMMENTS_PER_MINUTE = 100
    limit(settings, "comment", hour=2)
    for text in ("Een", "Twee"):
        assert employee_client.post(comment_url(news_page), {"comment": text}).status_code == 302
    response = employee_client.post(comment_url(news_page), {"comment": "Nog eentje dan"})
    assert response.status_code == 429
    assert "Nog eentje dan" in response.content.decode()
    assert XtdComment.objects.count() == 2


def test_team_invitations_are_throttled(client, open_team, alice, settings):
    limit(settings, "team_invite", hour=2)
    invited = [PersonFactory().user for _ in range(3)]
    client.force_login(alice)
    url = reverse("teams:invite", args=[open_team.pk])
    for user in invited[:2]:
        assert client.post(url, {"colleague": user.email}).status_code == 302
    response = client.post(url, {"colleague": invited[2].email})
    html = response.content.decode()
    assert response.status_code == 400
    assert TOO_MANY_INVITES in html and invited[2].email in html
    assert not Membership.objects.filter(user=invited[2]).exists()
    assert not Notification.objects.filter(recipient=invited[2]).exists()


def test_asking_to_join_and_withdrawing_cannot_spam_the_admins(client, make_team, alice, settings):
    limit(settings, "join_request", minute=2)
    closed = make_team("Ambassadeurs", Kind.CLOSED)
    client.force_login(PersonFactory().user)
    for _ in range(2):
        client.post(reverse("teams:join", args=[closed.pk]))
        client.post(reverse("teams:leave", args=[closed.pk]))
    response = client.post(reverse("teams:join", args=[closed.pk]), follow=True)
    assert "Je vraagt wel erg vaak om lid te worden" in response.content.decode()
    assert Notification.objects.filter(recipient=alice).count() == 2


def test_notice_board_posts_are_throttled(employee_client, settings):
    limit(settings, "board_post", minute=1)
    data = {"category": "te-koop", "title": "Kinderfiets", "text": "Blauw, 20 inch.", "price": "25"}
    assert employee_client.post("/prikbord/nieuw/", data).status_code == 302
    response = employee_client.post("/prikbord/nieuw/", {**data, "title": "Tweede fiets"})
    html = response.content.decode()
    assert response.status_code == 400
    assert TOO_FAST in html and "Tweede fiets" in html
    assert BoardPost.objects.count() == 1


def test_direct_regelen_requests_are_throttled(employee_client, ict_form, settings, django_capture_on_commit_callbacks):
    limit(settings, "request", minute=1)
    url = "/direct-regelen/ict/storing-melden/"
    data = {"wat_is_er_aan_de_hand": "Mijn scherm flikkert", "locatie": "Kamer 2.14"}
    with django_capture_on_commit_callbacks(execute=True):
        assert employee_client.post(url, data).status_code == 302
        response = employee_client.post(url, {**data, "locatie": "Kamer 3.07"})
    html = response.content.decode()
    assert "Je verstuurt wel erg veel aanvragen" in html and "Kamer 3.07" in html
    assert Request.objects.count() == 1
    assert len(mail.outbox) == 1


def test_room_invitations_are_throttled(employee_client, room, day, colleague, settings):
    limit(settings, "room_invite", minute=1)

    def book(start, end, attendees):
        data = {"room": room.pk, "title": "Overleg", "date": day.isoformat(), "start_time": start, "end_time": end}
        return employee_client.post("/zalen/reserveren/", {**data, "attendees": attendees})

    assert book("09:00", "10:00", colleague.email).status_code == 302
    response = book("10:00", "11:00", colleague.email)
    assert TOO_MANY_INVITES in response.content.decode()
    assert Booking.objects.count() == 1
    assert book("11:00", "12:00", "").status_code == 302  # no attendees, no mail: not counted


# Likes ---------------------------------------------------------------------------------------------


def test_like_unlike_like_notifies_once(employee_client, news_page, author):
    url = reverse("social:like", args=[ContentType.objects.get_for_model(news_page).pk, news_page.pk])
    for _ in range(5):  # like, unlike, like, unlike, like
        employee_client.post(url)
    assert Notification.objects.filter(recipient=author.user, verb=Notification.Verb.LIKE).count() == 1


def test_liking_many_posts_quickly_is_throttled(employee_client, make_team, alice, settings):
    """Each new like notifies (and may mail) its author: liking everything in sight is capped too."""
    from teams import services as teams

    limit(settings, "like", minute=3)
    team = make_team("Fotografie", Kind.OPEN)
    posts = [teams.create_post(alice, team, text=f"Foto {number}") for number in range(4)]
    content_type = ContentType.objects.get_for_model(TeamPost).pk
    answers = [
        employee_client.post(reverse("social:like", args=[content_type, post.pk]), HTTP_ACCEPT="application/json")
        for post in posts
    ]
    assert [answer.status_code for answer in answers] == [200, 200, 200, 429]
    assert "Wacht even" in answers[-1].json()["error"]
    assert Notification.objects.filter(recipient=alice, verb=Notification.Verb.LIKE).count() == 3
