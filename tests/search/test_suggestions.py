"""The JSON behind the header box's suggestions."""

import pytest
from django.urls import reverse

from tests.factories import PersonFactory
from tests.search.conftest import add_page, make_service

URL = reverse("search:suggestions")


def groups(response):
    return {group["kind"]: group for group in response.json()["groups"]}


@pytest.mark.django_db
def test_people_come_with_function_and_profile_link(employee_client):
    colleague = PersonFactory(first_name="Fleur", tussenvoegsel="van", last_name="Dongen", job_title="Jurist")
    data = groups(employee_client.get(URL, {"q": "dong"}))
    person = data["people"]["results"][0]
    assert person["title"] == "Fleur van Dongen"
    assert person["subtitle"].startswith("Jurist")
    assert person["initials"] == "FD"
    assert person["url"].startswith(reverse("search:click"))
    # Following the suggestion lands on the profile.
    response = employee_client.get(person["url"])
    assert response.status_code == 302 and response["Location"] == colleague.get_absolute_url()


@pytest.mark.django_db
def test_first_name_prefix_and_full_name(employee_client):
    PersonFactory(first_name="Fleur", tussenvoegsel="van", last_name="Dongen")
    assert groups(employee_client.get(URL, {"q": "fle"}))["people"]["results"][0]["title"] == "Fleur van Dongen"
    full = groups(employee_client.get(URL, {"q": "fleur van dongen"}))
    assert [r["title"] for r in full["people"]["results"]] == ["Fleur van Dongen"]


@pytest.mark.django_db
def test_accents_are_folded_for_names(employee_client):
    PersonFactory(first_name="Zoë", last_name="Çelik")
    assert groups(employee_client.get(URL, {"q": "celik"}))["people"]["results"][0]["title"] == "Zoë Çelik"
    assert groups(employee_client.get(URL, {"q": "çelik"}))["people"]["results"][0]["title"] == "Zoë Çelik"


@pytest.mark.django_db
def test_services_and_pages_are_suggested_by_prefix(employee_client, home):
    make_service("Parkeervergunning aanvragen", keywords="auto, parkeren")
    add_page(home, "Parkeergarage openingstijden")
    data = groups(employee_client.get(URL, {"q": "parkeer"}))
    assert [r["title"] for r in data["services"]["results"]] == ["Parkeervergunning aanvragen"]
    assert [r["title"] for r in data["pages"]["results"]] == ["Parkeergarage openingstijden"]
    assert data["services"]["label"] == "Direct regelen"


@pytest.mark.django_db
def test_short_query_suggests_nothing_and_offers_the_results_page(employee_client):
    PersonFactory(first_name="A", last_name="B")
    response = employee_client.get(URL, {"q": "a"})
    assert response.json()["groups"] == []
    assert response.json()["all"]["url"] == reverse("search:results") + "?q=a"
    assert employee_client.get(URL).json()["all"] is None


@pytest.mark.django_db
def test_suggestions_escape_nothing_into_html(employee_client):
    PersonFactory(first_name="<b>Bold</b>", last_name="Tester")
    response = employee_client.get(URL, {"q": "tester"})
    assert response["Content-Type"] == "application/json"
    assert groups(response)["people"]["results"][0]["title"] == "<b>Bold</b> Tester"


@pytest.mark.django_db
@pytest.mark.parametrize("size", [1, 20])
def test_suggestion_query_count_is_fixed(employee_client, home, django_assert_max_num_queries, size):
    for number in range(size):
        PersonFactory(first_name=f"Mark{number}", last_name="Mulder")
        add_page(home, f"Mulderpagina {number}")
    # Bounded, not growing: a page kind with few prefix hits asks the stemmed search (and on
    # PostgreSQL the title likeness) once more.
    # 26, 3 for the agenda's two kinds (organisation events: prefix and stemmed search; team events), and
    # 2 for the memberships that key the team kinds' cached answers (teams.visibility.membership_key:
    # private teams for teams, closed and private ones for posts and team events), once per search.
    with django_assert_max_num_queries(31):
        response = employee_client.get(URL, {"q": "mulder"})
    assert len(groups(response)["people"]["results"]) == min(size, 5)


@pytest.mark.django_db
def test_a_person_whose_photo_file_is_gone_is_found_with_initials(employee_client):
    """A lost original (a restore without media, a cleaned disk) must not make search answer 500."""
    from wagtail.images.models import Image

    from tests.teams.conftest import image_upload

    photo = Image.objects.create(title="pasfoto", file=image_upload("pasfoto.png", fmt="PNG"))
    PersonFactory(first_name="Fleur", last_name="Dongen", photo=photo)
    photo.file.storage.delete(photo.file.name)  # the original is gone, no rendition was ever made
    response = employee_client.get(URL, {"q": "dong"})
    assert response.status_code == 200
    person = groups(response)["people"]["results"][0]
    assert person["title"] == "Fleur Dongen" and person["image"] == "" and person["initials"] == "FD"
    results = employee_client.get(reverse("search:results"), {"q": "dongen"})
    assert results.status_code == 200 and "Fleur Dongen" in results.content.decode()
