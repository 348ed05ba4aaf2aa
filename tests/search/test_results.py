"""The results page: grouping by kind, counts, the kind filter, pagination and best bets."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from search import services
from tests.factories import PersonFactory
from tests.search.conftest import add_page, make_service

URL = reverse("search:results")


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def group(outcome, kind):
    return next(g for g in outcome.groups if g.kind == kind)


@pytest.mark.django_db
def test_results_are_grouped_by_kind_with_counts(employee_client, home):
    PersonFactory(first_name="Anouk", last_name="Verlofsma", job_title="Beleidsmedewerker")
    make_service("Verlof aanvragen", keywords="vakantie, vrije dag")
    add_page(home, "Verlofregeling uitgelegd", intro="Alles over verlof")

    response = employee_client.get(URL, {"q": "verlof"})

    assert response.status_code == 200
    page = soup(response)
    headings = [h2.get_text(" ", strip=True) for h2 in page.select(".search-group h2")]
    assert "Mensen (1)" in headings
    assert "Direct regelen (1)" in headings
    assert "Pagina's (1)" in headings
    filters = [a.get_text(" ", strip=True) for a in page.select(".search-kinds a")]
    assert filters[0] == "Alles"
    assert "Mensen (1)" in filters and "Nieuws en blogs (0)" in filters
    assert page.select_one(".search-summary").get_text(strip=True) == "3 resultaten voor “verlof”"


@pytest.mark.django_db
def test_filter_by_kind_shows_only_that_kind_and_paginates(employee_client, home):
    for number in range(25):
        PersonFactory(first_name=f"Piet{number:02d}", last_name="Jansen")
    make_service("Jansen-dienst")

    response = employee_client.get(URL, {"q": "jansen", "soort": "people"})
    page = soup(response)
    assert [h2.get_text(" ", strip=True) for h2 in page.select(".search-group h2")] == ["Mensen (25)"]
    assert len(page.select(".search-result")) == 20
    assert page.select_one("[aria-current=page]").get_text(" ", strip=True) == "Mensen (25)"
    next_link = page.select_one("a[rel=next]")["href"]
    assert "soort=people" in next_link and "pagina=2" in next_link

    second = soup(employee_client.get(URL, {"q": "jansen", "soort": "people", "pagina": "2"}))
    assert len(second.select(".search-result")) == 5
    assert second.select_one("a[rel=prev]") is not None


@pytest.mark.django_db
def test_overview_links_to_all_results_of_a_kind(employee_client):
    for number in range(6):
        PersonFactory(first_name=f"Kees{number}", last_name="Bakker")
    page = soup(employee_client.get(URL, {"q": "bakker"}))
    assert len(page.select(".search-result--people")) == services.PREVIEW_PER_KIND
    link = page.find("a", string="Alle 6 resultaten in Mensen")
    assert link is not None and "soort=people" in link["href"]


@pytest.mark.django_db
def test_unknown_kind_and_bad_page_number_fall_back(employee_client):
    PersonFactory(first_name="Els", last_name="Smit")
    response = employee_client.get(URL, {"q": "smit", "soort": "<script>", "pagina": "abc"})
    assert response.status_code == 200
    assert b"<script>" not in response.content.split(b"<main")[1]
    assert "Mensen (1)" in soup(response).select_one(".search-group h2").get_text(" ", strip=True)


@pytest.mark.django_db
def test_best_bets_come_first(employee_client, home):
    target = add_page(home, "Declaraties indienen")
    add_page(home, "Reiskosten declaratie formulier")
    query = Query.get("Declaratie")
    SearchPromotion.objects.create(query=query, page=target, description="Zo dien je een declaratie in", sort_order=0)
    SearchPromotion.objects.create(
        query=query,
        external_link_url="https://declaraties.example.nl/",
        external_link_text="Declaratie-app",
        sort_order=1,
    )

    page = soup(employee_client.get(URL, {"q": "declaratie"}))
    best = page.select_one(".search-group--best")
    assert best is not None
    assert best.find_previous("section") is None  # the first group on the page
    titles = [a.get_text(strip=True) for a in best.select(".search-result__title")]
    assert titles == ["Declaraties indienen", "Declaratie-app"]
    assert "Zo dien je een declaratie in" in best.get_text()
    # External best bets are plain links, not through the (local-only) click counter.
    assert best.select(".search-result__title")[1]["href"] == "https://declaraties.example.nl/"


@pytest.mark.django_db
def test_empty_query_shows_a_hint(employee_client):
    page = soup(employee_client.get(URL))
    assert page.h1.get_text(strip=True) == "Zoeken"
    assert "Typ waar je naar zoekt" in page.get_text()


@pytest.mark.django_db
def test_no_results_message(employee_client):
    page = soup(employee_client.get(URL, {"q": "qwxyzzy"}))
    assert "Niets gevonden" in page.get_text()
    assert page.select_one(".search-summary").get_text(strip=True) == "0 resultaten voor “qwxyzzy”"


@pytest.mark.django_db
def test_search_requires_login(client):
    for url in (URL, reverse("search:suggestions"), reverse("search:click")):
        response = client.get(url, {"q": "x"})
        assert response.status_code == 302 and "/inloggen/" in response["Location"]


@pytest.mark.django_db
@pytest.mark.parametrize("size", [1, 25])
def test_results_page_query_count_is_fixed(employee_client, home, django_assert_max_num_queries, size):
    for number in range(size):
        PersonFactory(first_name=f"Lot{number}", last_name="Visser", photo=None)
        add_page(home, f"Visserij {number}")
    make_service("Visvergunning", keywords="visser")
    # Fixed per provider: a count and a page of results, plus at most one typo-fallback query each
    # (PostgreSQL, when a kind has fewer than 3 hits), the best bets and the statistics row.
    with django_assert_max_num_queries(48):
        response = employee_client.get(URL, {"q": "visser"})
    assert response.status_code == 200
    with django_assert_max_num_queries(48):
        employee_client.get(URL, {"q": "visser", "soort": "people"})
