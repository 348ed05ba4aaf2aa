"""The homepage's shared block parts (intranet.plugins.shared; the latest news) are cached, and every change
to the live page tree shows at once: publishing, unpublishing, moving, deleting, view restrictions."""

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import PageViewRestriction

from news.models import NewsIndexPage, NewsPage

pytestmark = pytest.mark.django_db


def publish_under(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def news_index(home):
    return publish_under(home, NewsIndexPage(title="Nieuws", slug="nieuws"))


def make_news(parent, title, **fields):
    fields.setdefault("date", timezone.now())
    return publish_under(parent, NewsPage(title=title, slug=title.lower().replace(" ", "-"), **fields))


def homepage(client):
    return client.get("/").content.decode()


def test_published_and_unpublished_news_show_at_once(employee_client, news_index):
    first = make_news(news_index, "Eerste bericht")
    assert "Eerste bericht" in homepage(employee_client)
    make_news(news_index, "Tweede bericht")
    assert "Tweede bericht" in homepage(employee_client)
    first.unpublish()
    html = homepage(employee_client)
    assert "Eerste bericht" not in html and "Tweede bericht" in html


def test_a_new_title_pin_or_deletion_shows_at_once(employee_client, news_index):
    page = make_news(news_index, "Oude titel")
    make_news(news_index, "Ander bericht", date=timezone.now() + timezone.timedelta(hours=1))
    html = homepage(employee_client)
    assert html.index("Ander bericht") < html.index("Oude titel")
    page.title = "Nieuwe titel"
    page.pinned = True
    page.save_revision().publish()
    html = homepage(employee_client)
    assert "Oude titel" not in html and html.index("Nieuwe titel") < html.index("Ander bericht")
    NewsPage.objects.get(pk=page.pk).delete()
    assert "Nieuwe titel" not in homepage(employee_client)


def test_a_restricted_page_leaves_the_block_at_once(employee_client, news_index):
    page = make_news(news_index, "Alleen voor managers")
    assert "Alleen voor managers" in homepage(employee_client)
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.create(name="Managers"))
    assert "Alleen voor managers" not in homepage(employee_client)
    restriction.delete()
    assert "Alleen voor managers" in homepage(employee_client)


def test_the_news_block_costs_no_queries_once_cached(employee_client, news_index, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    make_news(news_index, "Bericht")
    homepage(employee_client)
    with CaptureQueriesContext(connection) as cached:
        homepage(employee_client)
    make_news(news_index, "Nog een bericht")  # the next view loads the news again
    with CaptureQueriesContext(connection) as fresh:
        assert "Nog een bericht" in homepage(employee_client)
    assert len(fresh) > len(cached)


def test_the_kept_html_of_the_news_block_follows_the_readers_language(employee_client, news_index):
    make_news(news_index, "Eerste bericht")
    assert '<h2 id="home-news-title">Nieuws</h2>' in homepage(employee_client)  # kept in Dutch
    employee_client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = homepage(employee_client)
    assert '<h2 id="home-news-title">News</h2>' in html and "All news" in html
