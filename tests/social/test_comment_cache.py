"""A page of comments is the same for every reader who may see its subject, so it is kept in the
cache (social.selectors._shared_page): each way a comment changes must show at once, and what is the
reader's own (their reports, their likes, "Delete" on their own comment) is never shared."""

import pytest
from django.contrib.auth.models import Group
from django.test.utils import CaptureQueriesContext
from django_comments_xtd.models import XtdComment

from privacy import erasure
from social import services
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def writer(db):
    return PersonFactory(first_name="Kees", last_name="Jansen", user__username="kees").user


@pytest.fixture
def moderator(db):
    user = PersonFactory(first_name="Mona", last_name="Derks", user__username="mona").user
    user.groups.add(Group.objects.get(name="Omgevingsbeheerders"))
    return user


def _page(client, user, page):
    client.force_login(user)
    return client.get(page.url).content.decode()


def test_a_second_reader_gets_the_page_from_the_cache(client, news_page, writer, employee):
    from django.db import connection

    for number in range(3):
        services.post_comment(writer, news_page, f"Reactie {number}")
    _page(client, writer, news_page)  # the first reader fills the cache
    client.force_login(employee)
    with CaptureQueriesContext(connection) as queries:
        html = client.get(news_page.url).content.decode()
    assert "Reactie 2" in html and "3 reacties" in html
    assert not [q for q in queries if "django_comments_xtd_xtdcomment" in q["sql"] and "thread_id" in q["sql"]]


def test_a_new_comment_and_a_reply_show_at_once(client, news_page, writer, employee):
    first = services.post_comment(writer, news_page, "Eerste reactie")
    assert "1 reactie" in _page(client, employee, news_page)
    services.post_comment(employee, news_page, "Tweede reactie")
    services.post_comment(employee, news_page, "Een antwoord", parent=first)
    html = _page(client, employee, news_page)
    assert "Tweede reactie" in html and "Een antwoord" in html and "3 reacties" in html


def test_deleting_hiding_and_restoring_show_at_once(client, news_page, writer, employee, moderator):
    mine = services.post_comment(employee, news_page, "Mijn eigen reactie")
    rude = services.post_comment(writer, news_page, "Onaardige tekst")
    assert "Onaardige tekst" in _page(client, employee, news_page)
    services.delete_comment(employee, mine)
    services.hide_comment(moderator, rude, "Kwetsend")
    html = _page(client, employee, news_page)
    assert "Mijn eigen reactie" not in html and "Onaardige tekst" not in html
    assert "0 reacties" in html
    services.restore_comment(moderator, XtdComment.objects.get(pk=rude.pk), "Toch niet kwetsend")
    assert "Onaardige tekst" in _page(client, employee, news_page)


def test_a_colleagues_new_name_shows_on_their_comments(client, news_page, writer, employee):
    services.post_comment(writer, news_page, "Goed idee")
    assert "Kees Jansen" in _page(client, employee, news_page)
    person = writer.person
    person.last_name = "Jansen-de Vries"
    person.save()
    assert "Kees Jansen-de Vries" in _page(client, employee, news_page)


def test_an_erased_writer_disappears_from_a_cached_page(client, news_page, writer, employee):
    """Erasure rewrites the writer's comments with a bulk update, which sends no signal."""
    services.post_comment(writer, news_page, "Een reactie die blijft")
    assert "Kees Jansen" in _page(client, employee, news_page)
    erasure.erase(writer, via="test", reason="vertrokken", keep_content=True)
    html = _page(client, employee, news_page)
    assert "Een reactie die blijft" in html
    assert "Kees Jansen" not in html


def test_what_is_the_readers_own_is_never_shared(client, news_page, writer, employee):
    comment = services.post_comment(writer, news_page, "Iets om te melden")
    services.flag_comment(employee, comment)
    services.like(employee, comment)
    # The writer fills the cache first; the employee's report and like must not reach the writer,
    # and the writer's "Delete" must not reach the employee.
    as_writer = _page(client, writer, news_page)
    assert "Gemeld" not in as_writer and "je reactie" in as_writer
    as_employee = _page(client, employee, news_page)
    assert "Gemeld" in as_employee and "je reactie" not in as_employee
    assert 'aria-pressed="true"' in as_employee
    assert 'aria-pressed="true"' not in _page(client, writer, news_page)


def test_a_comment_elsewhere_leaves_the_page_in_the_cache(client, news_page, make_news, writer, employee):
    from django.db import connection

    services.post_comment(writer, news_page, "Hier")
    other = make_news("Ander bericht")
    _page(client, employee, news_page)
    services.post_comment(writer, other, "Daar")
    with CaptureQueriesContext(connection) as queries:
        html = client.get(news_page.url).content.decode()
    assert "Hier" in html and "Daar" not in html
    assert not [q for q in queries if "django_comments_xtd_xtdcomment" in q["sql"] and "thread_id" in q["sql"]]
