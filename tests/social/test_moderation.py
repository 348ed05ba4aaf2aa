import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django_comments.models import CommentFlag

from social import services
from social.models import ModerationAction
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db
QUEUE = "/admin/social/flaggedcomment/"


@pytest.fixture
def moderator(db):
    user = PersonFactory(first_name="Mona", last_name="Derks", user__username="mona").user
    user.groups.add(Group.objects.get(name="Omgevingsbeheerders"))
    return user


@pytest.fixture
def rude_comment(news_page):
    return services.post_comment(PersonFactory(first_name="Rob", last_name="Ruw").user, news_page, "Onaardige tekst")


def test_flag_through_the_view(employee_client, rude_comment, news_page):
    response = employee_client.post(reverse("social:comment_flag", args=[rude_comment.pk]), {"next": news_page.url})
    assert response.status_code == 302
    assert CommentFlag.objects.filter(comment=rude_comment, flag=CommentFlag.SUGGEST_REMOVAL).count() == 1
    employee_client.post(reverse("social:comment_flag", args=[rude_comment.pk]))
    assert CommentFlag.objects.filter(comment=rude_comment).count() == 1
    html = employee_client.get(news_page.url).content.decode()
    assert "Gemeld" in html


def test_queue_lists_flagged_comments_for_moderators_only(client, employee, moderator, rude_comment):
    services.flag_comment(employee, rude_comment)
    client.force_login(moderator)
    response = client.get(QUEUE)
    assert response.status_code == 200
    assert "Onaardige tekst" in response.content.decode()

    client.force_login(employee)
    assert client.get(QUEUE).status_code in (302, 403)
    assert client.get(reverse("social_moderate", args=[rude_comment.pk])).status_code in (302, 403)


def test_hide_and_restore_with_reason(client, employee, moderator, rude_comment, news_page):
    services.flag_comment(employee, rude_comment)
    client.force_login(moderator)
    url = reverse("social_moderate", args=[rude_comment.pk])

    response = client.post(url, {"reason": ""})
    assert response.status_code == 200
    assert "Geef een reden op." in response.content.decode()
    rude_comment.refresh_from_db()
    assert rude_comment.is_public

    response = client.post(url, {"reason": "Kwetsend taalgebruik"})
    assert response.status_code == 302
    rude_comment.refresh_from_db()
    assert not rude_comment.is_public
    assert ModerationAction.objects.get().reason == "Kwetsend taalgebruik"
    client.force_login(employee)
    assert "Onaardige tekst" not in client.get(news_page.url).content.decode()

    client.force_login(moderator)
    client.post(url, {"reason": "Na overleg toch in orde"})
    rude_comment.refresh_from_db()
    assert rude_comment.is_public
    assert list(ModerationAction.objects.order_by("created_at").values_list("action", flat=True)) == ["hide", "restore"]
    assert not CommentFlag.objects.filter(comment=rude_comment).exists()


def test_hiding_hides_the_replies_too(employee, moderator, rude_comment, news_page):
    reply = services.post_comment(employee, news_page, "Antwoord op iets onaardigs", parent=rude_comment)
    services.hide_comment(moderator, rude_comment, "Kwetsend")
    reply.refresh_from_db()
    assert not reply.is_public


def test_employees_cannot_hide(employee, rude_comment):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.hide_comment(employee, rude_comment, "Ik vind het niks")


def test_cannot_flag_a_hidden_comment(employee_client, moderator, rude_comment):
    services.hide_comment(moderator, rude_comment, "Weg ermee")
    assert employee_client.post(reverse("social:comment_flag", args=[rude_comment.pk])).status_code == 404


def test_keep_a_flagged_comment_from_the_queue(client, employee, moderator, rude_comment, news_page):
    """A report that does not hold: "Behouden" keeps the comment visible and empties its reports."""
    services.flag_comment(employee, rude_comment)
    client.force_login(moderator)
    queue = client.get(QUEUE).content.decode()
    keep_url = reverse("social_moderate", args=[rude_comment.pk]) + "?actie=behouden"
    assert keep_url in queue and "Behouden" in queue
    form = client.get(keep_url).content.decode()
    assert "Reactie behouden" in form
    response = client.post(keep_url, {"reason": "Scherp maar niet kwetsend"})
    assert response.status_code == 302
    rude_comment.refresh_from_db()
    assert rude_comment.is_public
    assert ModerationAction.objects.get().action == "keep"
    assert not CommentFlag.objects.filter(comment=rude_comment).exists()
    assert "Onaardige tekst" not in client.get(QUEUE).content.decode()
