import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django_comments_xtd.models import XtdComment

from social import services
from social.models import Notification
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def post_url(page):
    return reverse("social:comment_post", args=[ContentType.objects.get_for_model(page).pk, page.pk])


def post(client, page, text, **extra):
    return client.post(post_url(page), {"comment": text, **extra})


def test_employee_comments_under_own_name(employee_client, news_page, person):
    response = post(employee_client, news_page, "Goed nieuws, dank!")
    comment = XtdComment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{news_page.url}?reactie={comment.pk}#c{comment.pk}"
    assert comment.user == person.user and comment.user_name == "Sanne de Boer"
    html = employee_client.get(news_page.url).content.decode()
    assert "Goed nieuws, dank!" in html
    assert "Sanne de Boer" in html
    assert "1 reactie" in html
    assert "gravatar" not in html


def test_page_author_is_notified(employee_client, news_page, author):
    post(employee_client, news_page, "Mooi!")
    notification = Notification.objects.get(recipient=author.user)
    assert notification.verb == Notification.Verb.COMMENT
    assert notification.url.startswith(news_page.url + "?reactie=")


def test_reply_notifies_parent_and_earlier_participants(client, news_page, author):
    first = PersonFactory(user__username="eerste")
    second = PersonFactory(user__username="tweede")
    replier = PersonFactory(user__username="derde")
    top = services.post_comment(first.user, news_page, "Vraag?")
    services.post_comment(second.user, news_page, "Ik vraag me hetzelfde af", parent=top)

    client.force_login(replier.user)
    response = post(client, news_page, "Antwoord!", parent=top.pk)
    assert response.status_code == 302
    reply = XtdComment.objects.get(comment="Antwoord!")
    assert reply.parent_id == top.pk and reply.level == 1
    verbs = dict(Notification.objects.filter(actor=replier.user).values_list("recipient__username", "verb"))
    assert verbs == {"eerste": "reply", "tweede": "reply", author.user.username: "comment"}


def test_reply_to_a_reply_stays_at_two_levels(employee_client, news_page):
    other = PersonFactory()
    top = services.post_comment(other.user, news_page, "Eerste")
    reply = services.post_comment(other.user, news_page, "Tweede", parent=top)
    post(employee_client, news_page, "Derde", parent=reply.pk)
    third = XtdComment.objects.get(comment="Derde")
    assert third.level == 1 and third.parent_id == top.pk


def test_empty_comment_explained_in_dutch(employee_client, news_page):
    response = post(employee_client, news_page, "   ")
    assert response.status_code == 400
    assert "Schrijf eerst een reactie." in response.content.decode()
    assert not XtdComment.objects.exists()


def test_too_long_comment_keeps_the_text(employee_client, news_page):
    text = "Lang verhaal " * 300  # 3,900 characters
    response = post(employee_client, news_page, text)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Een reactie mag hoogstens 3000 tekens lang zijn" in html
    assert text.strip() in html
    assert "aria-describedby" in html or "field--error" in html
    assert not XtdComment.objects.exists()


def test_throttle_refuses_with_dutch_message_and_keeps_text(employee_client, news_page, settings):
    settings.SOCIAL_COMMENTS_PER_MINUTE = 2
    post(employee_client, news_page, "Een")
    post(employee_client, news_page, "Twee")
    response = post(employee_client, news_page, "Drie keer is scheepsrecht")
    html = response.content.decode()
    assert response.status_code == 429
    assert "Je reageert wel erg snel achter elkaar" in html
    assert "Drie keer is scheepsrecht" in html
    assert XtdComment.objects.count() == 2


@pytest.mark.parametrize(
    "payload",
    [
        "<script>alert('xss')</script>",
        '<img src=x onerror="alert(1)">',
        '<a href="javascript:alert(1)">klik</a>',
        "@<script>x</script>",
    ],
)
def test_html_in_comments_is_inert(employee_client, news_page, payload):
    post(employee_client, news_page, payload)
    html = employee_client.get(news_page.url).content.decode()
    assert payload not in html
    assert "<script>alert" not in html and 'onerror="alert' not in html
    assert "&lt;" in html


def test_comments_closed_are_refused(employee_client, make_news):
    page = make_news("Gesloten", allow_comments=False)
    response = post(employee_client, page, "Toch proberen")
    assert response.status_code == 403
    assert "Reageren is hier gesloten." in response.content.decode()
    assert not XtdComment.objects.exists()


def test_cannot_comment_on_unpublished_page(employee_client, make_news):
    page = make_news("Concept")
    page.unpublish()
    assert post(employee_client, page, "Hallo").status_code == 404  # hidden answers like missing (issue 14)


def test_anonymous_cannot_post(client, news_page):
    response = post(client, news_page, "Anoniem")
    assert response.status_code == 302 and "/inloggen/" in response["Location"]
    assert not XtdComment.objects.exists()


def test_user_without_profile_cannot_comment(client, news_page):
    from tests.factories import UserFactory

    client.force_login(UserFactory())
    assert post(client, news_page, "Wie ben ik?").status_code == 403


def test_author_deletes_own_comment_but_not_others(employee_client, news_page, employee):
    mine = services.post_comment(employee, news_page, "Foutje")
    theirs = services.post_comment(PersonFactory().user, news_page, "Van een ander")
    response = employee_client.post(reverse("social:comment_delete", args=[mine.pk]), {"next": news_page.url})
    assert response.status_code == 302
    mine.refresh_from_db()
    assert mine.is_removed
    assert employee_client.post(reverse("social:comment_delete", args=[theirs.pk])).status_code == 403
    theirs.refresh_from_db()
    assert not theirs.is_removed
    html = employee_client.get(news_page.url).content.decode()
    assert "Foutje" not in html and "Deze reactie is verwijderd door de schrijver." in html


def test_delete_needs_post(employee_client, news_page, employee):
    mine = services.post_comment(employee, news_page, "Blijft staan")
    assert employee_client.get(reverse("social:comment_delete", args=[mine.pk])).status_code == 405


def test_mention_links_to_profile_and_notifies(employee_client, news_page):
    jan = PersonFactory(first_name="Jan", last_name="Vries", tussenvoegsel="de", slug="jan-de-vries")
    post(employee_client, news_page, "Wat vind jij, @jan-de-vries? En @bestaat-niet?")
    notification = Notification.objects.get(recipient=jan.user)
    assert notification.verb == Notification.Verb.MENTION
    html = employee_client.get(news_page.url).content.decode()
    assert '<a class="mention" href="/mensen/jan-de-vries/">@Jan de Vries</a>' in html
    assert "@bestaat-niet" in html  # unknown names stay plain text


def test_mention_of_the_page_author_is_one_notification(employee_client, news_page, author):
    post(employee_client, news_page, f"Goed geschreven @{author.slug}")
    assert list(Notification.objects.filter(recipient=author.user).values_list("verb", flat=True)) == ["mention"]


@pytest.mark.parametrize("count", [2, 500])
def test_news_page_queries_fixed_whatever_the_number_of_comments(
    employee_client, news_page, count, django_assert_max_num_queries
):
    people = [PersonFactory() for _ in range(5)]
    previous = None
    for number in range(count):
        writer = people[number % 5].user
        parent = previous if number % 3 == 2 else None
        comment = (
            services.post_comment(writer, news_page, f"Reactie {number} @{people[0].slug}", parent=parent)
            if (number < 4)
            else _fast_comment(news_page, writer, number, parent)
        )
        if parent is None:
            previous = comment
        if number % 4 == 0:
            services.like(people[(number + 1) % 5].user, comment)
    employee_client.get(news_page.url)
    with django_assert_max_num_queries(40):
        response = employee_client.get(news_page.url)
    assert response.status_code == 200
    assert f"{count} reacties" in response.content.decode()


def _fast_comment(page, user, number, parent):
    comment = XtdComment(
        content_type=ContentType.objects.get_for_model(page),
        object_pk=str(page.pk),
        site_id=1,
        user=user,
        user_name=user.person.full_name,
        comment=f"Reactie {number}",
        parent_id=parent.pk if parent else 0,
    )
    comment.save()
    return comment


def test_mention_suggestions(employee_client, client):
    PersonFactory(first_name="Jan", last_name="Vries", tussenvoegsel="de", slug="jan-de-vries", job_title="Jurist")
    PersonFactory(first_name="Janneke", last_name="Smit", slug="janneke-smit", is_active=False)
    response = employee_client.get(reverse("social:mention_suggestions"), {"q": "@Ja"})
    assert response.json() == {"people": [{"slug": "jan-de-vries", "name": "Jan de Vries", "function": "Jurist"}]}
    assert employee_client.get(reverse("social:mention_suggestions"), {"q": "J"}).json() == {"people": []}
    client.logout()
    assert client.get(reverse("social:mention_suggestions"), {"q": "Ja"}).status_code == 302
