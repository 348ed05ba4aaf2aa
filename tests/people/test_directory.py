from datetime import timedelta

import pytest
from django.utils import timezone

from people.models import Person
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def names(response):
    return [p.full_name for p in response.context["people_page"].object_list]


def test_directory_lists_active_people_in_dutch_order(employee_client, person):
    PersonFactory(first_name="Jan", tussenvoegsel="de", last_name="Vries")
    PersonFactory(first_name="Piet", last_name="Aalst")
    PersonFactory(first_name="Oud", last_name="Gediende", is_active=False)
    response = employee_client.get("/mensen/")
    assert response.status_code == 200
    assert names(response) == ["Piet Aalst", "Sanne de Boer", "Jan de Vries"]
    assert "Oud Gediende" not in response.content.decode()
    assert "3 collega's gevonden" in response.content.decode()


def test_search_matches_name_function_and_expertise_without_javascript(employee_client):
    jan = PersonFactory(first_name="Jan", tussenvoegsel="de", last_name="Vries", job_title="Wegbeheerder")
    gis = PersonFactory(first_name="Fatima", last_name="Bakker", job_title="Beleidsadviseur")
    gis.expertise.add("GIS")
    PersonFactory(first_name="Oud", last_name="Vries", is_active=False)
    assert names(employee_client.get("/mensen/", {"q": "jan vries"})) == ["Jan de Vries"]
    assert names(employee_client.get("/mensen/", {"q": "wegbeheer"})) == ["Jan de Vries"]
    assert names(employee_client.get("/mensen/", {"q": "gis"})) == ["Fatima Bakker"]
    assert names(employee_client.get("/mensen/", {"q": "niemand-heet-zo"})) == []
    assert jan.is_active


def test_partial_results_for_search_as_you_type(employee_client):
    PersonFactory(first_name="Jan", last_name="Vries")
    response = employee_client.get("/mensen/", {"q": "jan", "partial": "1"})
    body = response.content.decode()
    assert response.status_code == 200
    assert 'id="people-results"' in body
    assert "<html" not in body
    assert "Jan Vries" in body


def test_filter_by_unit_includes_the_units_below(employee_client, org):
    PersonFactory(first_name="In", last_name="Team", organisation_unit=org["team"])
    PersonFactory(first_name="In", last_name="Afdeling", organisation_unit=org["department"])
    PersonFactory(first_name="Bij", last_name="ICT", organisation_unit=org["ict"])
    assert names(employee_client.get("/mensen/", {"unit": "publiekszaken"})) == ["In Afdeling", "In Team"]
    assert names(employee_client.get("/mensen/", {"unit": "burgerzaken"})) == ["In Team"]


def test_filter_by_location_expertise_and_letter(employee_client, stadhuis):
    a = PersonFactory(first_name="Op", last_name="Stadhuis", location=stadhuis)
    b = PersonFactory(first_name="Kan", last_name="Excel")
    b.expertise.add("Excel")
    PersonFactory(first_name="Jan", tussenvoegsel="de", last_name="Vries")
    assert names(employee_client.get("/mensen/", {"location": stadhuis.pk})) == [a.full_name]
    assert names(employee_client.get("/mensen/", {"expertise": "excel"})) == [b.full_name]
    assert names(employee_client.get("/mensen/", {"letter": "V"})) == ["Jan de Vries"]
    assert names(employee_client.get("/mensen/", {"letter": "D"})) == []


def test_bad_filter_values_are_ignored_not_an_error(employee_client, person):
    response = employee_client.get("/mensen/", {"unit": "bestaat-niet", "location": "x", "letter": "ZZ"})
    assert response.status_code == 200
    assert "Sanne de Boer" in response.content.decode()


def test_new_colleagues_are_those_started_in_the_last_30_days(employee_client):
    today = timezone.localdate()
    PersonFactory(first_name="Net", last_name="Begonnen", start_date=today - timedelta(days=3))
    PersonFactory(first_name="Al", last_name="Lang", start_date=today - timedelta(days=45))
    PersonFactory(first_name="Nieuw", last_name="Maar-weg", start_date=today, is_active=False)
    response = employee_client.get("/mensen/nieuw/")
    assert names(response) == ["Net Begonnen"]
    assert "Nieuwe collega's" in response.content.decode()


def test_ambassadors_list(employee_client):
    PersonFactory(first_name="Help", last_name="Graag", is_ambassador=True)
    PersonFactory(first_name="Gewoon", last_name="Iemand")
    response = employee_client.get("/mensen/ambassadeurs/")
    assert names(response) == ["Help Graag"]
    assert "Vraag het mij!" in response.content.decode()


def test_org_chart_shows_head_counts_down_the_tree(employee_client, org):
    for _ in range(3):
        PersonFactory(organisation_unit=org["team"])
    PersonFactory(organisation_unit=org["department"])
    PersonFactory(organisation_unit=org["department"], is_active=False)
    top = employee_client.get("/mensen/organisatie/")
    counts = {unit.name: n for unit, n in top.context["children"]}
    assert counts == {"ICT": 0, "Samenleving": 4}
    department = employee_client.get("/mensen/organisatie/publiekszaken/")
    assert department.context["head_count"] == 4
    assert [(u.name, n) for u, n in department.context["children"]] == [("Burgerzaken", 3)]
    assert len(department.context["people_page"].object_list) == 1
    assert employee_client.get("/mensen/organisatie/bestaat-niet/").status_code == 404


def test_directory_needs_login(client):
    response = client.get("/mensen/")
    assert response.status_code == 302
    assert "/inloggen/" in response["Location"]


def _people(count, unit, location):
    for i in range(count):
        p = PersonFactory(organisation_unit=unit, location=location, manager=None)
        p.expertise.add(f"Onderwerp {i % 5}", "Excel")


@pytest.mark.parametrize("count", [1, 30])
@pytest.mark.parametrize(
    "url", ["/mensen/", "/mensen/?q=a", "/mensen/?expertise=excel", "/mensen/nieuw/", "/mensen/ambassadeurs/"]
)
def test_directory_query_count_is_fixed(employee_client, org, stadhuis, count, url, django_assert_max_num_queries):
    _people(count, org["team"], stadhuis)
    Person.objects.update(is_ambassador=True, start_date=timezone.localdate())
    employee_client.get(url)  # warm up: image renditions and caches
    with django_assert_max_num_queries(24):
        assert employee_client.get(url).status_code == 200


@pytest.mark.parametrize("count", [1, 30])
def test_org_chart_query_count_is_fixed(employee_client, org, stadhuis, count, django_assert_max_num_queries):
    _people(count, org["department"], stadhuis)
    employee_client.get("/mensen/organisatie/publiekszaken/")
    with django_assert_max_num_queries(22):
        assert employee_client.get("/mensen/organisatie/publiekszaken/").status_code == 200
