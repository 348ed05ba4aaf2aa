"""An article's own text (heading, author, picture, intro, body) is cached for every reader: a new
version, a change to the author, and another language show at once; likes, the must-read box and
comments stay the reader's own."""

import pytest

from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_the_text_is_served_from_the_cache_and_without_its_queries(employee_client, news_page):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    employee_client.get(news_page.url)
    with CaptureQueriesContext(connection) as queries:
        html = employee_client.get(news_page.url).text
    assert "Vanaf maandag zijn er nieuwe werkplekken." in html and "Ingrid van der Linden" in html
    assert not [q for q in queries if "news_category" in q["sql"] or "wagtailimages_rendition" in q["sql"]]


def test_a_published_change_shows_at_once(employee_client, news_page):
    assert "Korte inleiding" in employee_client.get(news_page.url).text
    news_page.intro = "Een nieuwe inleiding"
    news_page.save_revision().publish()
    html = employee_client.get(news_page.url).text
    assert "Een nieuwe inleiding" in html and "Korte inleiding" not in html


def test_a_change_to_the_author_shows_at_once(employee_client, news_page, author):
    assert "Webredacteur" in employee_client.get(news_page.url).text
    author.job_title = "Hoofdredacteur"
    author.save()
    html = employee_client.get(news_page.url).text
    assert "Hoofdredacteur" in html and "Webredacteur" not in html


def test_each_language_has_its_own_copy(client, news_page):
    from django.conf import settings
    from django.utils import dateformat, timezone, translation

    client.force_login(PersonFactory(user__username="lezer").user)
    shown = {}
    for language in ("nl", "en"):
        with translation.override(language):
            shown[language] = dateformat.format(timezone.localtime(news_page.date), "j F Y")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl"
    assert shown["nl"] in client.get(news_page.url).text
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get(news_page.url).text
    assert shown["en"] in html and shown["nl"] not in html
