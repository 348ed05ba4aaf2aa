import html

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.images.models import Image

from people.models import Location, working_day_bit
from tests.factories import PersonFactory
from tests.people.conftest import image_bytes

pytestmark = pytest.mark.django_db


def fill_all_but_photo(person):
    person.phone, person.mobile, person.bio = "0101234567", "0612345678", "Hallo"
    person.location = Location.objects.create(name="Stadskantoor")
    person.working_days = working_day_bit(0, 0)
    person.save()
    person.expertise.add("GIS")


def test_homepage_nudge_names_the_most_valuable_missing_field(employee_client, person):
    fill_all_but_photo(person)
    body = employee_client.get("/").content.decode()
    assert "Je profiel is voor 80% gevuld: voeg een profielfoto toe" in body
    assert f'href="/mensen/{person.slug}/bewerken/"' in body
    assert 'data-block="people.nudge"' in body


def test_homepage_nudge_asks_for_expertise_when_only_that_is_missing(employee_client, person):
    fill_all_but_photo(person)
    person.expertise.clear()
    person.photo = Image.objects.create(title="f", file=SimpleUploadedFile("f.png", image_bytes()))
    person.save()
    body = html.unescape(employee_client.get("/").content.decode())
    assert "Je profiel is voor 80% gevuld: vertel waarover collega's je iets kunnen vragen" in body


def test_nudge_is_gone_at_100_percent(employee_client, person):
    fill_all_but_photo(person)
    person.photo = Image.objects.create(title="f", file=SimpleUploadedFile("f.png", image_bytes()))
    person.save()
    assert person.completeness == 100
    assert 'data-block="people.nudge"' not in employee_client.get("/").content.decode()
    assert "gevuld:" not in employee_client.get(f"/mensen/{person.slug}/").content.decode()


def test_user_without_person_gets_no_nudge(client, django_user_model):
    user = django_user_model.objects.create_user("zonder", password="x" * 12)
    client.force_login(user)
    response = client.get("/")
    assert response.status_code == 200
    assert "people.nudge" not in response.content.decode()


def test_header_shows_photo_avatar_and_profile_link(employee_client, person):
    person.photo = Image.objects.create(title="f", file=SimpleUploadedFile("f.png", image_bytes()))
    person.save()
    body = employee_client.get("/mensen/").content.decode()
    header = body.split("</header>")[0]
    assert 'class="avatar avatar--small"' in header
    assert "<img" in header and "fill-256x256" in header
    assert f'href="/mensen/{person.slug}/">Mijn profiel</a>' in header


def test_header_shows_initials_without_photo(employee_client, person):
    header = employee_client.get("/mensen/").content.decode().split("</header>")[0]
    assert ">SB</span>" in header


@pytest.mark.parametrize("colleagues", [1, 30])
def test_header_and_nudge_query_count_is_fixed(employee_client, person, colleagues, django_assert_max_num_queries):
    """The header avatar and the nudge add the same few queries whatever the organisation's size."""
    photo = Image.objects.create(title="f", file=SimpleUploadedFile("f.png", image_bytes()))
    person.photo = photo
    person.save()
    person.expertise.add("GIS", "Excel")
    for _ in range(colleagues):
        other = PersonFactory(photo=photo)
        other.expertise.add("GIS")
    employee_client.get("/")
    with django_assert_max_num_queries(24):
        assert employee_client.get("/").status_code == 200
    employee_client.get("/mensen/organisatie/")
    with django_assert_max_num_queries(20):
        assert employee_client.get("/mensen/organisatie/").status_code == 200
