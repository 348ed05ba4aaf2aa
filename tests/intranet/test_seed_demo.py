from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from people.models import OrganisationUnit, Person

pytestmark = pytest.mark.django_db


def _seed(**options):
    out = StringIO()
    call_command("seed_demo", stdout=out, **options)
    return out.getvalue()


def test_seed_builds_a_municipality_and_prints_the_logins():
    output = _seed(employees=60, port="8123")
    # The real port (make run passes PORT), and Dutch throughout: no English counts or app names.
    assert "http://127.0.0.1:8123" in output and ":8000" not in output
    import re

    english = re.findall(
        r"\b(?:pages|posts|made|existed|items|days|snapshots|answers|photo|people|news|rooms)\b", output
    )
    assert not english, output
    assert Person.objects.count() == 60 + 3  # employees plus the three demo accounts
    for department in ("P&O", "Communicatie", "ICT", "Facilitair"):
        assert OrganisationUnit.objects.filter(name=department, kind="afdeling").exists()
    for username in ("medewerker", "redacteur", "beheerder"):
        assert f"gebruikersnaam: {username}" in output
    assert get_user_model().objects.get(username="beheerder").is_superuser
    assert get_user_model().objects.get(username="medewerker").check_password("plein-demo")
    assert not get_user_model().objects.get(username="m000001").has_usable_password()


def test_seed_is_deterministic_and_safe_to_run_twice():
    _seed(employees=40)
    first = list(Person.objects.order_by("employee_number").values_list("employee_number", "first_name", "last_name"))
    _seed(employees=40)
    again = list(Person.objects.order_by("employee_number").values_list("employee_number", "first_name", "last_name"))
    assert first == again
    assert len(set(Person.objects.values_list("slug", flat=True))) == Person.objects.count()


def test_seed_grows_when_asked_for_more():
    _seed(employees=20)
    _seed(employees=50)
    assert Person.objects.exclude(employee_number__startswith="D").count() == 50


def test_seed_if_empty_leaves_existing_content_alone():
    _seed(employees=10)
    assert "niets gedaan" in _seed(employees=30, if_empty=True)
    assert Person.objects.exclude(employee_number__startswith="D").count() == 10


def test_seed_refuses_absurd_sizes():
    with pytest.raises(CommandError):
        _seed(employees=0)
    with pytest.raises(CommandError):
        _seed(employees=50_001)


def test_seeded_people_are_searchable():
    _seed(employees=30)
    person = Person.objects.exclude(employee_number__startswith="D").first()
    from wagtail.search.backends import get_search_backend

    found = get_search_backend().search(person.last_name, Person)
    assert person in list(found)


def test_dutch_names_sort_under_the_last_name():
    _seed(employees=200)
    prefixed = Person.objects.filter(tussenvoegsel="de", last_name="Vries").first()
    assert prefixed.sort_name.startswith("vries ")
