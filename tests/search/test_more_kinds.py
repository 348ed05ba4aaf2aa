"""Apps, notice-board posts, news and documents in search, each without what may not be seen."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from search import services
from tests.search.conftest import add_page


def kind_titles(user, text, kind):
    outcome = services.run_search(text, user, kind=kind)
    return [result.title for result in outcome.selected.results]


@pytest.mark.django_db
def test_active_apps_are_found_inactive_ones_not(employee):
    from launcher.models import App

    App.objects.create(name="Zaaksysteem", url="https://zaken.example.nl/", description="Zaken behandelen")
    App.objects.create(name="Zaakarchief oud", url="/oud/", description="Uitgezet", is_active=False)
    assert kind_titles(employee, "zaak", "apps") == ["Zaaksysteem"]
    suggestions = {g.kind: g for g in services.suggest("zaak", employee)[1]}
    assert [r.title for r in suggestions["apps"].results] == ["Zaaksysteem"]
    # External addresses are linked directly, never through the local click counter.
    assert suggestions["apps"].results[0].click_url == ""


@pytest.mark.django_db
def test_open_notice_board_posts_are_found_removed_and_expired_not(employee, person):
    from prikbord.models import Post, Status

    Post.objects.create(author=employee, category="te-koop", title="Bakfiets te koop", text="Nauwelijks gebruikt")
    Post.objects.create(
        author=employee, category="te-koop", title="Bakfiets verwijderd", text="x", status=Status.REMOVED
    )
    Post.objects.create(
        author=employee,
        category="te-koop",
        title="Bakfiets verlopen",
        text="x",
        expires_at=timezone.now() - datetime.timedelta(days=1),
    )
    assert kind_titles(employee, "bakfiets", "prikbord") == ["Bakfiets te koop"]


@pytest.mark.django_db
def test_news_and_blogs_are_one_kind(employee, home):
    from news.models import NewsIndexPage, NewsPage

    index = add_page(home, "Nieuws", NewsIndexPage, slug="nieuws")
    add_page(index, "Nieuwe fietsenstalling geopend", NewsPage, intro="Bij het stadskantoor.")
    add_page(index, "Fietsenstalling concept", NewsPage, live=False)
    results = services.run_search("fietsenstalling", employee, kind="news").selected.results
    assert [r.title for r in results] == ["Nieuwe fietsenstalling geopend"]
    assert "Bij het stadskantoor." in results[0].subtitle


@pytest.mark.django_db
def test_results_page_lists_the_new_kinds_in_the_filter(employee_client):
    from launcher.models import App

    App.objects.create(name="Roosterplanner", url="/rooster/")
    page = BeautifulSoup(employee_client.get(reverse("search:results"), {"q": "rooster"}).content, "html.parser")
    filters = [link.get_text(" ", strip=True) for link in page.select(".search-kinds a")]
    assert "Apps (1)" in filters and "Prikbord (0)" in filters
