import pytest
from django.utils import timezone

from news.models import BlogIndexPage, BlogPage, NewsIndexPage, NewsPage
from tests.factories import PersonFactory


def publish_under(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def news_index(home):
    return publish_under(home, NewsIndexPage(title="Nieuws", slug="nieuws", intro="Nieuws van collega's"))


@pytest.fixture
def blog_index(home):
    return publish_under(home, BlogIndexPage(title="Blogs", slug="blogs"))


@pytest.fixture
def author(db):
    return PersonFactory(first_name="Ingrid", tussenvoegsel="van der", last_name="Linden", job_title="Webredacteur")


@pytest.fixture
def make_news(news_index, author):
    counter = iter(range(1, 100_000))

    def make(title=None, parent=None, **fields):
        number = next(counter)
        fields.setdefault("date", timezone.now() - timezone.timedelta(days=number))
        fields.setdefault("author", author)
        page = NewsPage(title=title or f"Bericht {number}", slug=f"bericht-{number}", intro="Korte inleiding", **fields)
        return publish_under(parent or news_index, page)

    return make


@pytest.fixture
def news_page(make_news):
    return make_news(
        "Nieuwe werkplekken",
        body=[
            {"type": "text", "value": "<p>Vanaf maandag zijn er nieuwe werkplekken.</p>"},
            {"type": "quote", "value": {"quote": "Een mooie stap.", "source": "de directeur"}},
        ],
    )


@pytest.fixture
def blog_page(blog_index, author):
    return publish_under(blog_index, BlogPage(title="Mijn eerste week", slug="mijn-eerste-week", author=author))
