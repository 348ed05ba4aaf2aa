"""WCAG 2.4.5: the search box finds the intranet's sections by name, first."""

import pytest

from home.models import ContentPage, HomePage
from people.pages import PeopleIndexPage
from tests.search.conftest import add_page

pytestmark = pytest.mark.django_db


def test_prikbord_finds_the_notice_board_first(employee_client):
    add_page(HomePage.objects.get(), "Verslag: het prikbord in de kantine", ContentPage, slug="verslag")
    from bs4 import BeautifulSoup

    html = employee_client.get("/zoeken/", {"q": "prikbord"}).content.decode()
    links = BeautifulSoup(html, "html.parser").select("a.search-result__title")
    assert links[0].get_text(strip=True) == "Prikbord"
    assert links[0]["href"].startswith("/zoeken/ga/")  # counted, then on to /prikbord/
    assert "Verslag: het prikbord in de kantine" in [link.get_text(strip=True) for link in links[1:]]


@pytest.mark.parametrize(
    ("typed", "section"),
    [
        ("smoelenboek", "Smoelenboek"),
        ("Zalen", "Zalen"),
        ("direct regelen", "Direct regelen"),
        ("apps", "Apps"),
        ("blogs", "Blogs"),
        ("nieuws", "Nieuws"),
        ("teams", "Teams"),
        ("mensen", "Smoelenboek"),
    ],
)
def test_sections_by_name_in_the_suggestions(employee_client, typed, section):
    from directregelen.models import DirectRegelenPage
    from news.models import BlogIndexPage, NewsIndexPage
    from teams.models import TeamIndexPage

    home = HomePage.objects.get()
    for model, title in (
        (PeopleIndexPage, "Mensen"),
        (TeamIndexPage, "Teams"),
        (NewsIndexPage, "Nieuws"),
        (BlogIndexPage, "Blogs"),
        (DirectRegelenPage, "Direct regelen"),
    ):
        if not model.objects.exists():
            add_page(home, title, model)
    data = employee_client.get("/zoeken/suggesties/", {"q": typed}).json()
    first = data["groups"][0]
    assert first["kind"] == "sections"
    assert any(section.lower() in result["title"].lower() for result in first["results"]), first


def test_two_letters_or_an_unrelated_word_find_no_section(employee_client):
    data = employee_client.get("/zoeken/suggesties/", {"q": "laptop"}).json()
    assert all(group["kind"] != "sections" for group in data["groups"])
