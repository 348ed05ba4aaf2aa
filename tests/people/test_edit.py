import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.html import escape
from wagtail.images.models import Image

from people import services
from people.forms import MAX_PHOTO_BYTES
from people.models import Person
from tests.factories import PersonFactory
from tests.people.conftest import image_bytes

pytestmark = pytest.mark.django_db


def edit_url(person):
    return f"/mensen/{person.slug}/bewerken/"


def valid_post(**extra):
    data = {
        "phone": "010 123 4567",
        "mobile": "06 12345678",
        "location": "",
        "bio": "Ik werk bij Burgerzaken.",
        "expertise_text": "GIS, Wmo",
        "working_day_parts": ["1", "2", "4"],
    }
    data.update(extra)
    return data


def test_employee_saves_own_profile(employee_client, person, stadhuis):
    response = employee_client.post(edit_url(person), valid_post(location=stadhuis.pk))
    assert response.status_code == 302
    assert response["Location"] == f"/mensen/{person.slug}/"
    person.refresh_from_db()
    assert person.phone == "010 123 4567"
    assert sorted(t.name for t in person.expertise.all()) == ["GIS", "Wmo"]
    assert person.working_days == 7
    assert person.completeness == 80  # everything but the photo
    body = employee_client.get(f"/mensen/{person.slug}/").content.decode()
    assert "Je profiel is opgeslagen." in body
    assert "Je profiel is voor 80% gevuld: voeg een profielfoto toe" in body


def test_edit_form_shows_current_values(employee_client, person):
    person.phone = "010 999 8888"
    person.working_days = 3
    person.save()
    person.expertise.add("Excel")
    body = employee_client.get(edit_url(person)).content.decode()
    assert 'value="010 999 8888"' in body
    assert 'value="Excel"' in body
    assert body.count("checked") >= 2


def test_valid_photo_upload_completes_and_replaces(employee_client, person, stadhuis):
    upload = SimpleUploadedFile("ik.png", image_bytes("PNG"), content_type="image/png")
    employee_client.post(edit_url(person), valid_post(location=stadhuis.pk, photo_upload=upload))
    person.refresh_from_db()
    assert person.photo is not None
    assert person.completeness == 100
    first = person.photo_id
    webp = SimpleUploadedFile("ik.webp", image_bytes("WEBP"), content_type="image/webp")
    employee_client.post(edit_url(person), valid_post(location=stadhuis.pk, photo_upload=webp))
    person.refresh_from_db()
    assert person.photo_id != first
    assert not Image.objects.filter(pk=first).exists()  # the replaced photo is not left behind
    employee_client.post(edit_url(person), valid_post(location=stadhuis.pk, remove_photo="on"))
    person.refresh_from_db()
    assert person.photo is None
    assert person.completeness == 80


@pytest.mark.parametrize(
    "upload",
    [
        SimpleUploadedFile("nep.jpg", b"<?php echo 'geen foto'; ?>", content_type="image/jpeg"),
        SimpleUploadedFile("anim.gif", image_bytes("GIF"), content_type="image/gif"),
        SimpleUploadedFile("doc.png", b"%PDF-1.4 not an image", content_type="image/png"),
    ],
    ids=["text-as-jpg", "gif", "pdf-as-png"],
)
def test_bad_photo_is_refused_in_dutch_and_other_fields_kept(employee_client, person, upload):
    response = employee_client.post(edit_url(person), valid_post(photo_upload=upload, bio="Mijn verhaal"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Dit bestand is geen JPEG-, PNG- of WebP-foto. Kies een ander bestand." in body
    assert "Mijn verhaal" in body
    assert 'value="GIS, Wmo"' in body
    person.refresh_from_db()
    assert person.bio == "" and person.photo is None


def test_too_big_photo_is_refused(employee_client, person, monkeypatch):
    monkeypatch.setattr("people.forms.MAX_PHOTO_BYTES", 1000)
    upload = SimpleUploadedFile("groot.png", image_bytes("PNG", size=(400, 400)) + b"\0" * 2000)
    body = employee_client.post(edit_url(person), valid_post(photo_upload=upload)).content.decode()
    assert "Deze foto is groter dan 10 MB. Kies een kleinere foto." in body
    assert MAX_PHOTO_BYTES == 10 * 1024 * 1024


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("bio", "x" * 2001, "niet meer dan 2000 tekens"),
        ("phone", "bel mij maar", "Vul een telefoonnummer in met alleen cijfers"),
        ("mobile", "0" * 40, "Vul een telefoonnummer in met alleen cijfers"),
        ("expertise_text", "a" * 60, "te lang"),
        ("expertise_text", "GIS, !!!", "Een onderwerp heeft minstens één letter of cijfer nodig."),
        ("expertise_text", ",".join(f"tag{i}" for i in range(20)), "Kies hoogstens 15 onderwerpen."),
        ("working_day_parts", ["999"], "Selecteer een geldige keuze"),
        ("location", "12345", "Selecteer een geldige keuze"),
    ],
)
def test_every_field_is_validated(employee_client, person, field, value, message):
    response = employee_client.post(edit_url(person), valid_post(**{field: value}))
    body = response.content.decode()
    assert response.status_code == 200
    assert message in body
    assert 'role="alert"' in body
    person.refresh_from_db()
    assert person.phone == ""


def test_a_cannot_edit_b(employee_client, person):
    other = PersonFactory(slug="ander", phone="")
    assert employee_client.get(edit_url(other)).status_code == 403
    assert employee_client.post(edit_url(other), valid_post()).status_code == 403
    other.refresh_from_db()
    assert other.phone == ""


def test_service_refuses_other_people_and_hr_fields(person):
    other = PersonFactory()
    with pytest.raises(PermissionDenied):
        services.update_profile(person.user, other, fields={"phone": "0101234567"})
    with pytest.raises(PermissionDenied):
        services.update_profile(person.user, person, fields={"job_title": "Burgemeester"})
    assert Person.objects.get(pk=other.pk).phone == ""


def test_hr_editor_may_edit_someone_else(client):
    hr = PersonFactory().user
    hr.groups.add(Group.objects.get(name="HR-redactie"))
    other = PersonFactory(slug="ander")
    client.force_login(hr)
    assert client.post(edit_url(other), valid_post()).status_code == 302
    other.refresh_from_db()
    assert other.phone == "010 123 4567"


def test_former_employee_cannot_be_edited(employee_client, person):
    person.is_active = False
    person.save()
    assert employee_client.get(edit_url(person)).status_code == 404


def test_my_profile_redirects_to_own_edit_page(employee_client, person):
    response = employee_client.get("/mensen/mijn-profiel/")
    assert response.status_code == 302
    assert response["Location"] == edit_url(person)


def test_marking_ambassadors_needs_community_manager_or_hr(employee_client, person, client):
    other = PersonFactory(slug="ander")
    assert employee_client.post("/mensen/ander/ambassadeur/", {"value": "1"}).status_code == 403
    moderator = PersonFactory().user
    moderator.groups.add(Group.objects.get_or_create(name="Moderators")[0])
    client.force_login(moderator)
    assert client.get("/mensen/ander/ambassadeur/").status_code == 405
    assert client.post("/mensen/ander/ambassadeur/", {"value": "1"}).status_code == 302
    other.refresh_from_db()
    assert other.is_ambassador


def test_the_profile_photo_carries_its_description_on_the_profile_page_only(employee_client, person):
    from people.cards import render_avatar

    description = '<i>"Ik" & mijn fiets</i>'
    upload = SimpleUploadedFile("ik.png", image_bytes("PNG"), content_type="image/png")
    response = employee_client.post(edit_url(person), valid_post(photo_upload=upload, photo_description=description))
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.photo.description == description
    profile = employee_client.get(f"/mensen/{person.slug}/").content.decode()
    assert 'alt="&lt;i&gt;&quot;Ik&quot; &amp; mijn fiets&lt;/i&gt;"' in profile and "<i>" not in profile
    assert 'value="&lt;i&gt;&quot;Ik&quot; &amp; mijn fiets&lt;/i&gt;"' in employee_client.get(edit_url(person)).text
    # Beside a name (cards, comments, the timeline) the avatar stays decorative.
    small = render_avatar(person, "small")
    assert 'aria-hidden="true"' in small and 'alt=""' in small and "fiets" not in small


def test_the_photo_description_changes_without_a_new_photo_and_falls_back_to_the_name(employee_client, person):
    upload = SimpleUploadedFile("ik.png", image_bytes("PNG"), content_type="image/png")
    employee_client.post(edit_url(person), valid_post(photo_upload=upload))
    person.refresh_from_db()
    photo_pk = person.photo_id
    profile = employee_client.get(f"/mensen/{person.slug}/").content.decode()
    assert f'alt="Profielfoto van {escape(person.full_name)}"' in profile
    employee_client.post(edit_url(person), valid_post(photo_description="Anna lachend op de fiets"))
    person.refresh_from_db()
    assert person.photo_id == photo_pk and person.photo.description == "Anna lachend op de fiets"
    assert 'alt="Anna lachend op de fiets"' in employee_client.get(f"/mensen/{person.slug}/").content.decode()


def test_the_edit_form_keeps_the_photo_description_after_an_error(employee_client, person):
    response = employee_client.post(edit_url(person), valid_post(phone="geen nummer", photo_description="Op de fiets"))
    assert response.status_code == 200
    body = response.content.decode()
    assert 'value="Op de fiets"' in body and "Wat staat er op je foto?" in body
    assert not Image.objects.exists()
