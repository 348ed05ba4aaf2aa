import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.images.models import Image

from tests.factories import PersonFactory
from tests.people.conftest import image_bytes

pytestmark = pytest.mark.django_db


def test_profile_shows_contact_unit_tags_manager_and_reports(employee_client, org, stadhuis):
    boss = PersonFactory(first_name="Baas", last_name="Bos", organisation_unit=org["department"])
    jan = PersonFactory(
        first_name="Jan",
        tussenvoegsel="de",
        last_name="Vries",
        job_title="Wegbeheerder",
        organisation_unit=org["team"],
        location=stadhuis,
        phone="010 123 4567",
        email="jan@gemeente.example",
        manager=boss,
        slug="jan-de-vries",
    )
    jan.expertise.add("GIS")
    PersonFactory(first_name="Kim", last_name="Klein", manager=jan)
    PersonFactory(first_name="Weg", last_name="Gegaan", manager=jan, is_active=False)
    body = employee_client.get("/mensen/jan-de-vries/").content.decode()
    assert "<h1" in body and "Jan de Vries" in body
    assert 'href="mailto:jan@gemeente.example"' in body
    assert 'href="tel:0101234567"' in body
    assert 'href="/mensen/organisatie/burgerzaken/"' in body
    assert 'href="/mensen/?expertise=gis"' in body
    assert "Baas Bos" in body and "Kim Klein" in body
    assert "Weg Gegaan" not in body
    assert "Stadhuis" in body


def test_expertise_link_leads_to_everyone_with_that_tag(employee_client):
    a = PersonFactory(slug="a")
    a.expertise.add("Wmo")
    b = PersonFactory()
    b.expertise.add("Wmo")
    PersonFactory()
    response = employee_client.get("/mensen/?expertise=wmo")
    assert {p.pk for p in response.context["people_page"].object_list} == {a.pk, b.pk}


def test_inactive_person_is_shown_as_former_employee_without_contact(employee_client):
    PersonFactory(first_name="Oud", last_name="Collega", slug="oud", phone="0101234567", is_active=False)
    response = employee_client.get("/mensen/oud/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Oud-medewerker" in body
    assert "tel:" not in body


def test_ambassador_badge(employee_client):
    PersonFactory(slug="helper", is_ambassador=True)
    assert "Vraag het mij!" in employee_client.get("/mensen/helper/").content.decode()


def test_unknown_profile_is_404(employee_client):
    assert employee_client.get("/mensen/niemand-9999/").status_code == 404


def test_bio_with_script_is_shown_inert(employee_client):
    PersonFactory(slug="hacker", bio='<script>alert("x")</script><b>vet</b>')
    body = employee_client.get("/mensen/hacker/").content.decode()
    assert "<script>alert" not in body
    assert "&lt;script&gt;alert" in body
    assert "<b>vet</b>" not in body


def test_own_profile_shows_the_nudge(employee_client, person):
    body = employee_client.get(f"/mensen/{person.slug}/").content.decode()
    assert "Je profiel is voor 0% gevuld: voeg een profielfoto toe" in body
    assert "Mijn profiel bewerken" in body


def test_other_profile_has_no_edit_link_and_no_nudge(employee_client):
    PersonFactory(slug="ander")
    body = employee_client.get("/mensen/ander/").content.decode()
    assert "/mensen/ander/bewerken/" not in body
    assert "gevuld" not in body


def _with_photo(person):
    image = Image.objects.create(title="foto", file=SimpleUploadedFile("f.png", image_bytes()))
    person.photo = image
    person.save()


@pytest.mark.parametrize("reports", [1, 25])
def test_profile_query_count_is_fixed(employee_client, org, stadhuis, reports, django_assert_max_num_queries):
    boss = PersonFactory(organisation_unit=org["department"], location=stadhuis)
    _with_photo(boss)
    jan = PersonFactory(slug="jan", manager=boss, organisation_unit=org["team"], location=stadhuis)
    _with_photo(jan)
    jan.expertise.add("GIS", "Excel", "Wmo")
    for _ in range(reports):
        report = PersonFactory(manager=jan, organisation_unit=org["team"], location=stadhuis)
        _with_photo(report)
        report.expertise.add("Excel")
    employee_client.get("/mensen/jan/")
    with django_assert_max_num_queries(26):
        assert employee_client.get("/mensen/jan/").status_code == 200
