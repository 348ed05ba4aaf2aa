"""Dutch on PostgreSQL: stemming, accent folding and typo tolerance (SQLite's backend has none)."""

import pytest
from django.urls import reverse

from search import services
from tests.conftest import is_postgres
from tests.factories import PersonFactory
from tests.search.conftest import add_page

pytestmark = pytest.mark.skipif(
    not is_postgres(), reason="SQLite's search backend has no Dutch stemming, accent folding or trigram typo tolerance"
)


def titles(user, text, kind):
    outcome = services.run_search(text, user, kind=kind)
    return [result.title for result in outcome.selected.results]


@pytest.mark.django_db
def test_dutch_stemming_finds_other_word_forms(employee, home):
    add_page(home, "Fietsen van de zaak", intro="Lease een fiets via het fietsplan.")
    add_page(home, "Vergaderingen plannen", intro="Zo plan je een vergadering.")
    assert titles(employee, "fiets", "pages") == ["Fietsen van de zaak"]
    assert titles(employee, "vergadering", "pages") == ["Vergaderingen plannen"]


@pytest.mark.django_db
def test_accents_are_folded(employee, home):
    add_page(home, "Het personeelscafé", intro="Open op vrijdag.")
    assert titles(employee, "personeelscafe", "pages") == ["Het personeelscafé"]


@pytest.mark.django_db
def test_typo_in_a_page_title_still_finds_it(employee, home):
    add_page(home, "Parkeervergunning aanvragen")
    assert titles(employee, "parkeervergunnig", "pages") == ["Parkeervergunning aanvragen"]


@pytest.mark.django_db
def test_typo_in_a_name_still_finds_the_colleague(employee_client, employee):
    PersonFactory(first_name="Willemijn", last_name="Schoenmaker")
    assert titles(employee, "schoenmakker", "people") == ["Willemijn Schoenmaker"]
    response = employee_client.get(reverse("search:suggestions"), {"q": "willemijn schoenmakr"})
    assert response.json()["groups"][0]["results"][0]["title"] == "Willemijn Schoenmaker"


@pytest.mark.django_db
def test_typo_fallback_does_not_find_inactive_people(employee):
    PersonFactory(first_name="Willemijn", last_name="Schoenmaker", is_active=False)
    assert titles(employee, "schoenmakker", "people") == []


@pytest.mark.django_db
def test_typo_fallback_respects_unpublished_pages(employee, home):
    add_page(home, "Parkeervergunning aanvragen", live=False)
    assert titles(employee, "parkeervergunnig", "pages") == []
