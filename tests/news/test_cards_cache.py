"""The list pages' cached cards and archive links (news.cards): a change shows at once."""

import pytest
from django.utils import timezone

from news.models import Category, NewsPage
from social import services
from tests.factories import PersonFactory
from tests.news.conftest import publish_under

pytestmark = pytest.mark.django_db


def test_a_new_article_shows_at_once(employee_client, make_news, news_index):
    make_news("Eerste bericht")
    assert "Eerste bericht" in employee_client.get(news_index.url).content.decode()
    make_news("Tweede bericht", date=timezone.now())
    html = employee_client.get(news_index.url).content.decode()
    assert html.index("Tweede bericht") < html.index("Eerste bericht")


def test_a_republished_article_shows_its_new_title_and_intro(employee_client, make_news, news_index):
    page = make_news("Oude titel")
    assert "Oude titel" in employee_client.get(news_index.url).content.decode()
    page.title, page.intro = "Nieuwe titel", "Een nieuwe inleiding"
    page.save_revision().publish()
    html = employee_client.get(news_index.url).content.decode()
    assert "Nieuwe titel" in html and "Een nieuwe inleiding" in html and "Oude titel" not in html


def test_an_unpublished_article_leaves_the_list(employee_client, make_news, news_index):
    page = make_news("Tijdelijk bericht")
    assert "Tijdelijk bericht" in employee_client.get(news_index.url).content.decode()
    page.unpublish()
    assert "Tijdelijk bericht" not in employee_client.get(news_index.url).content.decode()


def test_counts_are_live_while_the_card_is_cached(employee_client, make_news, news_index):
    page = make_news("Populair bericht")
    html = employee_client.get(news_index.url).content.decode()
    assert "0 vind-ik-leuks" in html and "0 reacties" in html
    colleague = PersonFactory().user
    services.like(colleague, page)
    services.post_comment(colleague, page, "Goed idee")
    html = employee_client.get(news_index.url).content.decode()
    assert "1 vind-ik-leuk" in html and "1 reactie" in html


def test_a_renamed_category_shows_at_once_on_cards_and_aside(employee_client, make_news, news_index):
    category = Category.objects.create(name="ICT", slug="ict")
    page = make_news("Nieuwe laptops")
    page.categories.set([category])
    page.save_revision().publish()
    html = employee_client.get(news_index.url).content.decode()
    assert html.count(">ICT</a>") == 2  # the card's tag and the aside
    category.name = "Informatievoorziening"
    category.save()
    html = employee_client.get(news_index.url).content.decode()
    assert ">ICT</a>" not in html and html.count(">Informatievoorziening</a>") == 2


def test_a_new_month_and_category_show_in_the_aside(employee_client, make_news, news_index):
    make_news("Maart", date=timezone.datetime(2026, 3, 5, tzinfo=timezone.get_current_timezone()))
    html = employee_client.get(news_index.url).content.decode()
    assert "maart 2026" in html and "april 2026" not in html
    page = NewsPage(
        title="April",
        slug="april",
        date=timezone.datetime(2026, 4, 5, tzinfo=timezone.get_current_timezone()),
    )
    publish_under(news_index, page)
    page.categories.set([Category.objects.create(name="Personeel", slug="personeel")])
    page.save_revision().publish()
    html = employee_client.get(news_index.url).content.decode()
    assert "april 2026" in html and "categorie/personeel/" in html


def test_the_authors_new_name_shows_at_once(employee_client, make_news, news_index, author):
    make_news("Van de redactie")
    assert "Ingrid van der Linden" in employee_client.get(news_index.url).content.decode()
    author.last_name = "Berg"
    author.save()
    assert "Ingrid van der Berg" in employee_client.get(news_index.url).content.decode()
