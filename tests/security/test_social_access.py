# ruff: noqa: F811  (pytest fixtures imported from other conftests are used as arguments)
"""Issue 14, the social layer's access rules, through the real views:

- moderation URLs serve a community manager only reported comments or what they could read anyway;
- notifications are checked for visibility when shown (list, bell, opening, digest mail);
- hidden and missing targets answer the same 404 on likes, comments, replies, flags and deletes;
- an archived team's posts and comments take no likes, comments or replies (and notify nobody),
  and comments go only to the kinds of content meant for them.

Each case runs as an outsider (carol), a former member (dave), a member (bob) and a community manager
outside the team (moderator, group Omgevingsbeheerders).
"""

import pytest
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone
from django_comments.models import CommentFlag
from django_comments_xtd.models import XtdComment

from people.models import Person
from social import services
from social.models import FlaggedComment, Like, Notification
from teams import services as team_services
from teams.models import Kind, TeamPage
from tests.news.conftest import author, make_news, news_index, news_page  # noqa: F401
from tests.teams.conftest import (  # noqa: F401
    alice,
    bob,
    carol,
    make_team,
    moderator,
    team_index,
)
from tests.teams.helpers import add_member, comment_url, like_url

pytestmark = pytest.mark.django_db
MISSING = 987654


@pytest.fixture
def dave(make_user):
    """A former member: in the team while the post was written, gone since."""
    return make_user("dave", first_name="Dave", last_name="Dekker")


@pytest.fixture
def private(make_team, alice, bob, dave):
    """A private team with a post by Alice and a comment by Bob, both written while Dave was in it."""
    team = make_team("Reorganisatie ICT", Kind.PRIVATE, description="Vertrouwelijk overleg.")
    add_member(team, bob)
    add_member(team, dave)
    post = team_services.create_post(alice, team, text="Geheim plan voor de reorganisatie")
    comment = services.post_comment(bob, post, "Vertrouwelijke reactie van Bob")
    team_services.leave(dave, TeamPage.objects.get(pk=team.pk))
    return {"team": TeamPage.objects.get(pk=team.pk), "post": post, "comment": comment}


def moderate_url(pk):
    return reverse("social_moderate", args=[pk])


def as_user(client, user):
    client.force_login(user)
    return client


# 1. Moderation: reported comments, or what the manager could read anyway -------------------------


def test_manager_outside_a_private_team_gets_404_for_its_unreported_comment(
    client, private, moderator, bob, carol, dave
):
    comment = private["comment"]
    as_user(client, moderator)
    assert client.get(moderate_url(comment.pk)).status_code == 404
    assert client.get(moderate_url(MISSING)).status_code == 404
    response = client.post(moderate_url(comment.pk), {"reason": "Even kijken"})
    assert response.status_code == 404
    comment.refresh_from_db()
    assert comment.is_public
    # The service itself refuses too, whatever view calls it.
    with pytest.raises(PermissionDenied):
        services.hide_comment(moderator, comment, "Toch verbergen")
    # Employees (member, former member, outsider) have no moderation at all, whatever the id.
    for user in (bob, carol, dave):
        as_user(client, user)
        assert client.get(moderate_url(comment.pk)).status_code in (302, 403)
        assert client.post(moderate_url(comment.pk), {"reason": "x"}).status_code in (302, 403)
    comment.refresh_from_db()
    assert comment.is_public


def test_hidden_unreported_private_replies_stay_out_of_the_queue(client, private, alice, bob, moderator):
    """Hiding a reported comment hides its replies; an unreported reply in a private team must not
    show in the list of a manager outside the team, nor open by id, nor be restored."""
    reply = services.post_comment(alice, private["post"], "Onschuldig antwoord in het team", parent=private["comment"])
    CommentFlag.objects.create(
        user=alice, comment=private["comment"], flag=CommentFlag.SUGGEST_REMOVAL, flag_date=timezone.now()
    )
    as_user(client, moderator)
    assert client.post(moderate_url(private["comment"].pk), {"reason": "Kwetsend"}).status_code == 302
    reply.refresh_from_db()
    assert not reply.is_public
    queue = client.get("/admin/social/flaggedcomment/")
    assert queue.status_code == 200
    assert "Vertrouwelijke reactie van Bob" in queue.text  # reported: the report asks them to look
    assert "Onschuldig antwoord in het team" not in queue.text
    assert client.get(moderate_url(reply.pk)).status_code == 404
    assert client.post(moderate_url(reply.pk), {"reason": "Terugzetten"}).status_code == 404
    reply.refresh_from_db()
    assert not reply.is_public


def test_a_reported_private_comment_is_served_until_the_report_is_dealt_with(client, private, alice, moderator):
    comment = private["comment"]
    services.flag_comment(alice, comment)
    as_user(client, moderator)
    page = client.get(moderate_url(comment.pk))
    assert page.status_code == 200 and "Vertrouwelijke reactie van Bob" in page.text
    assert client.post(moderate_url(comment.pk), {"reason": "Kwetsend"}).status_code == 302
    assert client.post(moderate_url(comment.pk), {"reason": "Toch in orde"}).status_code == 302
    comment.refresh_from_db()
    assert comment.is_public
    # Restoring clears the report: from then on the comment is the team's own business again.
    assert client.get(moderate_url(comment.pk)).status_code == 404


def test_a_manager_in_the_team_or_on_an_open_page_may_moderate_unreported_comments(
    client,
    private,
    moderator,
    news_page,
    employee,
):
    news_comment = services.post_comment(employee, news_page, "Gewone reactie op nieuws")
    as_user(client, moderator)
    assert client.get(moderate_url(news_comment.pk)).status_code == 200
    assert client.get(moderate_url(private["comment"].pk)).status_code == 404
    add_member(private["team"], moderator)
    assert client.get(moderate_url(private["comment"].pk)).status_code == 200


def test_modeladmin_edit_and_delete_urls_are_not_mounted(client, private, moderator):
    as_user(client, moderator)
    pk = private["comment"].pk
    for url in (
        f"/admin/social/flaggedcomment/edit/{pk}/",
        f"/admin/social/flaggedcomment/delete/{pk}/",
        f"/admin/social/flaggedcomment/inspect/{pk}/",
        "/admin/social/flaggedcomment/create/",
    ):
        assert client.get(url).status_code == 404, url


# 3. Hidden answers like missing: 404 on likes, comments, replies, flags and deletes -------------


@pytest.mark.parametrize("kind", [Kind.CLOSED, Kind.PRIVATE])
def test_hidden_and_missing_team_posts_answer_the_same_404(client, make_team, alice, bob, carol, dave, moderator, kind):
    team = make_team("Besloten groep", kind)
    add_member(team, bob)
    add_member(team, dave)
    post = team_services.create_post(alice, team, text="Alleen voor leden")
    comment = services.post_comment(bob, post, "Reactie voor leden")
    team_services.leave(dave, TeamPage.objects.get(pk=team.pk))
    post_type = ContentType.objects.get_for_model(post).pk
    missing_like = reverse("social:like", args=[post_type, MISSING])
    missing_comment = reverse("social:comment_post", args=[post_type, MISSING])
    for user in (carol, dave, moderator):
        as_user(client, user)
        assert client.post(missing_like).status_code == 404
        assert client.post(like_url(post)).status_code == 404, user
        assert client.post(like_url(comment)).status_code == 404, user
        assert client.post(missing_comment, {"comment": "Hallo"}).status_code == 404
        assert client.post(comment_url(post), {"comment": "Hallo"}).status_code == 404, user
        assert client.post(reverse("social:comment_flag", args=[MISSING])).status_code == 404
        assert client.post(reverse("social:comment_flag", args=[comment.pk])).status_code == 404, user
        assert client.post(reverse("social:comment_delete", args=[comment.pk])).status_code == 404, user
    assert not Like.objects.exists()
    assert XtdComment.objects.count() == 1 and not CommentFlag.objects.exists()
    # A member goes through.
    as_user(client, bob)
    assert client.post(like_url(post)).status_code == 302
    assert client.post(reverse("social:comment_flag", args=[comment.pk])).status_code == 302


def test_a_reply_to_a_hidden_comment_answers_404(client, make_team, private, alice, carol):
    """A parent id from a private team, posted as a reply on an open team's post."""
    open_team = make_team("Fotografie", Kind.OPEN)
    open_post = team_services.create_post(alice, open_team, text="Open bericht")
    as_user(client, carol)
    hidden = client.post(comment_url(open_post), {"comment": "Hoi", "parent": private["comment"].pk})
    missing = client.post(comment_url(open_post), {"comment": "Hoi", "parent": MISSING})
    assert hidden.status_code == missing.status_code == 404
    assert not XtdComment.objects.filter(object_pk=str(open_post.pk), user=carol).exists()


# 4. Archived teams are read-only; comments go only where they are meant -----------------------------


@pytest.fixture
def archived(make_team, alice, bob):
    team = make_team("Oud project", Kind.OPEN)
    add_member(team, bob)
    post = team_services.create_post(alice, team, text="Van voor het archief")
    comment = services.post_comment(bob, post, "Reactie van voor het archief")
    TeamPage.objects.filter(pk=team.pk).update(archived_at=timezone.now())
    Notification.objects.all().delete()
    return {"team": team, "post": post, "comment": comment}


def test_an_archived_team_refuses_likes_comments_and_replies_with_a_dutch_message(
    client,
    archived,
    alice,
    bob,
    carol,
    moderator,
):
    post, comment = archived["post"], archived["comment"]
    for user in (alice, bob, carol, moderator):
        as_user(client, user)
        response = client.post(like_url(comment), {"next": post.get_absolute_url()}, follow=True)
        assert "Dit kun je niet meer leuk vinden." in response.text
        response = client.post(like_url(comment), HTTP_ACCEPT="application/json")
        assert response.status_code == 400 and response.json()["error"] == "Dit kun je niet meer leuk vinden."
        response = client.post(like_url(post), HTTP_ACCEPT="application/json")
        assert response.status_code == 400
        response = client.post(comment_url(post), {"comment": "Toch nog", "parent": comment.pk})
        assert response.status_code == 403 and "Reageren is hier gesloten." in response.text
        response = client.post(comment_url(post), {"comment": "Toch nog"})
        assert response.status_code == 403 and "Reageren is hier gesloten." in response.text
    assert not Like.objects.exists()
    assert XtdComment.objects.count() == 1
    assert not Notification.objects.exists()
    # The post page offers no like button on its comments any more.
    as_user(client, carol)
    page = client.get(post.get_absolute_url()).text
    assert reverse("social:like", args=[ContentType.objects.get_for_model(XtdComment).pk, comment.pk]) not in page


def test_comments_on_an_open_team_still_offer_their_like_button(client, make_team, alice, carol):
    team = make_team("Fotografie", Kind.OPEN)
    post = team_services.create_post(alice, team, text="Mooie foto's")
    comment = services.post_comment(alice, post, "Welke lens?")
    as_user(client, carol)
    page = client.get(post.get_absolute_url()).text
    assert reverse("social:like", args=[ContentType.objects.get_for_model(XtdComment).pk, comment.pk]) in page


def test_comments_only_on_kinds_meant_for_them(client, private, make_team, alice, bob, carol, moderator, employee):
    open_team = make_team("Fotografie", Kind.OPEN)
    open_post = team_services.create_post(alice, open_team, text="Open bericht")
    open_comment = services.post_comment(alice, open_post, "Een open reactie")
    wrong = [
        (ContentType.objects.get_for_model(User).pk, employee.pk),
        (ContentType.objects.get_for_model(Person).pk, employee.person.pk),
        (ContentType.objects.get_for_model(XtdComment).pk, open_comment.pk),
        (ContentType.objects.get_for_model(FlaggedComment, for_concrete_model=False).pk, open_comment.pk),
        (ContentType.objects.get_for_model(TeamPage).pk, open_team.pk),
    ]
    before = XtdComment.objects.count()
    for user in (alice, bob, carol, moderator):
        as_user(client, user)
        for type_id, pk in wrong:
            url = reverse("social:comment_post", args=[type_id, pk])
            assert client.post(url, {"comment": "Hier hoort geen reactie"}).status_code == 404, (user, type_id)
        for type_id, pk in wrong[:2] + wrong[4:5]:
            assert client.post(reverse("social:like", args=[type_id, pk])).status_code == 404
    assert XtdComment.objects.count() == before
    assert not Like.objects.exists()


# 5. Found by the attacker's review -----------------------------------------------------------------


@pytest.mark.parametrize("value", ["²", "١٢", "9" * 30, "-1", "0x10"])
def test_odd_ids_in_posted_forms_never_answer_500(client, make_team, alice, value):
    team = make_team("Fotografie", Kind.OPEN)
    question = team_services.create_post(alice, team, text="Wie weet waar de statieven zijn?", is_question=True)
    as_user(client, alice)
    assert client.post(reverse("social:mark_read"), {"notification": value}).status_code < 500
    accept = reverse("teams:accept", args=[question.pk])
    assert client.post(accept, {"comment": value}).status_code < 500


def test_an_id_beyond_the_databases_range_in_a_path_is_404(client, alice):
    as_user(client, alice)
    assert client.post(f"/teams-acties/{'9' * 23}/bericht/", {"text": "x"}).status_code == 404
    assert client.get(f"/teams-acties/bericht/{'9' * 19}/verwijderen/").status_code == 404
    # The team page's own routes (bericht/<int>/) are resolved inside Wagtail's serve view.
    assert client.get(f"/teams/bericht/{'9' * 20}/").status_code == 404


def test_a_reply_to_a_comment_on_another_page_is_404_like_a_missing_one(client, make_team, alice, bob):
    team = make_team("Fotografie", Kind.OPEN)
    add_member(team, bob)
    first = team_services.create_post(alice, team, text="Eerste")
    second = team_services.create_post(alice, team, text="Tweede")
    elsewhere = services.post_comment(alice, first, "Op het eerste bericht")
    as_user(client, bob)
    url = comment_url(second)
    answered = client.post(url, {"comment": "Antwoord", "parent": elsewhere.pk})
    missing = client.post(url, {"comment": "Antwoord", "parent": MISSING})
    assert answered.status_code == missing.status_code == 404
    assert not XtdComment.objects.filter(comment="Antwoord").exists()


def test_a_nul_in_a_posted_field_is_removed_before_any_view_reads_it(client, moderator):
    """Views that read request.POST themselves (here the KPI snapshot's note) would hand PostgreSQL a
    NUL, which it refuses with a 500."""
    from insights.models import KpiSnapshot

    as_user(client, moderator)
    response = client.post(reverse("insights_snapshot"), {"note": "nul\x00meting"})
    assert response.status_code == 302
    assert KpiSnapshot.objects.get().note == "nulmeting"
