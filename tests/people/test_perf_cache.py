"""The cached people parts (cards, filter menus, counts, head counts, new colleagues on the homepage)
show every change at once: each write path bumps the people generation (people/signals.py)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.images.models import Image

from people import services
from people.importer import import_people
from people.models import Location, OrganisationUnit, Person
from tests.factories import PersonFactory
from tests.people.conftest import image_bytes

pytestmark = pytest.mark.django_db


def directory(client, **params):
    return client.get("/mensen/", params).content.decode()


def test_editing_a_profile_shows_at_once_on_the_cached_cards(employee_client, person):
    colleague = PersonFactory(first_name="Kim", last_name="Klein", manager=person)
    assert "Kim Klein" in directory(employee_client)  # cards now cached
    assert "Excel" not in directory(employee_client)
    employee_client.post(
        f"/mensen/{person.slug}/bewerken/",
        {"phone": "", "mobile": "", "location": "", "bio": "", "expertise_text": "Excel", "working_day_parts": []},
    )
    assert "Vraag mij over: Excel" in directory(employee_client)
    # The same card on someone else's profile (the manager card) changes too.
    employee_client.get(f"/mensen/{colleague.slug}/")
    services.update_profile(person.user, person, fields={}, expertise=["Excel", "Wmo"])
    assert "Excel, Wmo" in employee_client.get(f"/mensen/{colleague.slug}/").content.decode()


def test_a_new_photo_and_its_removal_show_at_once(employee_client, person):
    assert 'class="avatar" aria-hidden="true">SB</span>' in directory(employee_client)
    assert (
        'avatar--large" aria-hidden="true">SB</span>' in employee_client.get(f"/mensen/{person.slug}/").content.decode()
    )
    upload = SimpleUploadedFile("ik.png", image_bytes("PNG"), content_type="image/png")
    services.update_profile(person.user, person, fields={}, photo=upload)
    assert "<img" in directory(employee_client).split('id="people-results"')[1]
    profile = f"/mensen/{person.slug}/"
    # On the profile page the photo is content: described, not hidden (people/includes/avatar.html).
    assert '<span class="avatar avatar--large"><img' in employee_client.get(profile).content.decode()
    services.update_profile(person.user, person, fields={}, remove_photo=True)
    body = directory(employee_client)
    assert 'class="avatar" aria-hidden="true">SB</span>' in body
    assert 'avatar--large" aria-hidden="true">SB</span>' in employee_client.get(profile).content.decode()
    assert not Image.objects.exists()


def test_a_deleted_photo_leaves_the_initials(employee_client, person):
    upload = SimpleUploadedFile("ik.png", image_bytes("PNG"), content_type="image/png")
    services.update_profile(person.user, person, fields={}, photo=upload)
    directory(employee_client)
    Image.objects.get().delete()  # nulls Person.photo with an UPDATE: no signal for the person
    assert 'class="avatar" aria-hidden="true">SB</span>' in directory(employee_client)


def test_ambassador_badge_shows_at_once(employee_client, person, superuser):
    other = PersonFactory(first_name="Kim", last_name="Klein")
    assert "Vraag het mij!" not in directory(employee_client)
    services.set_ambassador(superuser, other, True)  # a QuerySet.update: no post_save
    assert "Vraag het mij!" in directory(employee_client)
    assert "1 collega gevonden" in employee_client.get("/mensen/ambassadeurs/").content.decode()


def test_new_and_leaving_colleagues_change_the_cached_count(employee_client, person):
    assert "1 collega gevonden" in directory(employee_client)
    kim = PersonFactory(first_name="Kim", last_name="Klein")
    assert "2 collega's gevonden" in directory(employee_client)
    kim.is_active = False
    kim.save()
    body = directory(employee_client)
    assert "1 collega gevonden" in body and "Kim Klein" not in body


def test_search_counts_are_kept_per_search(employee_client, person):
    PersonFactory(first_name="Kim", last_name="Klein")
    assert "1 collega gevonden" in directory(employee_client, q="kim")
    assert "1 collega gevonden" in directory(employee_client, q="sanne")
    assert "0 collega's gevonden" in directory(employee_client, q="niemand")
    assert "2 collega's gevonden" in directory(employee_client)


def test_the_hr_import_shows_at_once(employee_client, person, org):
    person.employee_number = "1001"
    person.save()
    directory(employee_client)
    header = "employee_number,first_name,tussenvoegsel,last_name,email,job_title,unit_code,manager_number,start_date,location"
    import_people(f"{header}\n1001,Sanne,de,Boer,,Teamleider,PZ,,,\n")
    body = directory(employee_client)
    assert "Teamleider" in body and "Publiekszaken" in body


def test_units_locations_and_tags_in_the_filter_menus_and_on_cards(employee_client, person, org, stadhuis):
    person.organisation_unit = org["team"]
    person.location = stadhuis
    person.save()
    person.expertise.add("GIS")
    body = directory(employee_client)
    assert "Burgerzaken · Stadhuis" in body and '<option value="gis">GIS</option>' in body
    team = OrganisationUnit.objects.get(pk=org["team"].pk)
    team.name = "Burgerzaken en Reisdocumenten"
    team.save()
    location = Location.objects.get(pk=stadhuis.pk)
    location.name = "Stadskantoor"
    location.save()
    person.expertise.add("Wmo")
    body = directory(employee_client)
    assert "Burgerzaken en Reisdocumenten · Stadskantoor" in body
    assert "— — Burgerzaken en Reisdocumenten</option>" in body
    assert '<option value="wmo">Wmo</option>' in body
    person.expertise.clear()
    assert '<option value="gis">' not in directory(employee_client)


def test_head_counts_follow_the_people(employee_client, org):
    PersonFactory(organisation_unit=org["team"])
    assert (
        dict((u.name, n) for u, n in employee_client.get("/mensen/organisatie/").context["children"])["Samenleving"]
        == 1
    )
    PersonFactory(organisation_unit=org["department"])
    counts = dict((u.name, n) for u, n in employee_client.get("/mensen/organisatie/").context["children"])
    assert counts["Samenleving"] == 2


def test_cards_follow_the_language(employee_client, person):
    person.is_ambassador = True
    person.save()
    assert "Vraag het mij!" in directory(employee_client)
    employee_client.post("/i18n/setlang/", {"language": "en", "next": "/mensen/"})
    body = directory(employee_client)
    assert "Find a colleague" in body
    assert "Ask me!" in body and "Vraag het mij!" not in body


def test_new_colleagues_on_the_homepage_show_at_once(employee_client):
    assert "Noor Nieuw" not in employee_client.get("/").content.decode()
    noor = PersonFactory(first_name="Noor", last_name="Nieuw", start_date=timezone.localdate())
    assert "Noor Nieuw" in employee_client.get("/").content.decode()
    noor.job_title = "Adviseur Wonen"
    noor.save()
    assert "Adviseur Wonen" in employee_client.get("/").content.decode()


def test_cached_cards_skip_their_queries(employee_client, person, org, stadhuis):
    for number in range(5):
        p = PersonFactory(organisation_unit=org["team"], location=stadhuis)
        p.expertise.add(f"Onderwerp {number}")
    employee_client.get("/mensen/")  # renders and caches the cards, menus and count
    with CaptureQueriesContext(connection) as cached:
        first = employee_client.get("/mensen/").content.decode()
    Person.objects.first().save()  # any change: everything is rendered afresh, in a few more queries
    with CaptureQueriesContext(connection) as fresh:
        second = employee_client.get("/mensen/").content.decode()
    assert len(cached) < len(fresh)

    def results(body):
        return body.split('id="people-results"')[1].split("</ul>")[0]

    assert results(first) == results(second)
    assert results(first).count('class="person-card"') == 6


def test_direct_reports_and_their_count_follow_at_once(employee_client, person):
    from people.selectors import PROFILE_REPORTS_SHOWN

    boss = PersonFactory(first_name="Greet", last_name="Baas", slug="greet-baas")
    reports = PersonFactory.create_batch(PROFILE_REPORTS_SHOWN + 1, manager=boss)
    html = employee_client.get("/mensen/greet-baas/").content.decode()
    assert f"{PROFILE_REPORTS_SHOWN + 1} medewerkers in totaal" in html
    PersonFactory(manager=boss, first_name="Aaron", last_name="Aardig")  # sorts first
    html = employee_client.get("/mensen/greet-baas/").content.decode()
    assert f"{PROFILE_REPORTS_SHOWN + 2} medewerkers in totaal" in html and "Aaron Aardig" in html
    for report in reports[:2]:
        report.is_active = False
        report.save()
    html = employee_client.get("/mensen/greet-baas/").content.decode()
    assert f"{PROFILE_REPORTS_SHOWN} medewerkers in totaal" not in html  # all shown now: no total line
    assert html.count('class="person-card"') == PROFILE_REPORTS_SHOWN


def test_a_cached_profile_costs_fewer_queries_and_stays_bounded(employee_client, person, django_assert_max_num_queries):
    boss = PersonFactory(slug="baas")
    for number in range(30):
        PersonFactory(manager=boss).expertise.add(f"Onderwerp {number % 4}")
    employee_client.get("/mensen/baas/")
    with CaptureQueriesContext(connection) as cached:
        employee_client.get("/mensen/baas/")
    Person.objects.first().save()
    with django_assert_max_num_queries(26), CaptureQueriesContext(connection) as fresh:
        employee_client.get("/mensen/baas/")
    assert len(cached) < len(fresh)


def test_the_unit_path_on_a_profile_follows_renamed_units(employee_client, person, org):
    person.organisation_unit = org["team"]
    person.save()
    profile = f"/mensen/{person.slug}/"
    assert "Publiekszaken</a> › " in employee_client.get(profile).content.decode()
    department = OrganisationUnit.objects.get(pk=org["department"].pk)
    department.name = "Dienstverlening"
    department.save()
    html = employee_client.get(profile).content.decode()
    assert "Dienstverlening</a> › " in html and "Publiekszaken" not in html


def test_an_image_that_is_nobodys_photo_leaves_the_people_caches_alone(person):
    """A news image or a header photo must not retire every cached card of 50,000 people."""
    from wagtail.images.tests.utils import get_test_image_file

    from intranet import caching
    from people.signals import GENERATION

    before = caching.generation(GENERATION)
    Image.objects.create(title="Nieuwsfoto", file=get_test_image_file())
    assert caching.generation(GENERATION) == before
