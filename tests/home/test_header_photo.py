import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import Site

from home.models import PhotoSubmission
from intranet.models import IntranetSettings
from social import services as social
from tests.factories import PersonFactory
from tests.home.conftest import image_upload

pytestmark = pytest.mark.django_db


def test_an_employee_submits_a_photo(employee_client, employee):
    response = employee_client.post("/start/fotos/", {"title": "Zonsopkomst bij de haven", "photo": image_upload()})
    assert response.status_code == 302
    submission = PhotoSubmission.objects.get()
    assert submission.submitter == employee and submission.image.width == 800
    html = employee_client.get("/start/fotos/").content.decode()
    assert "Zonsopkomst bij de haven" in html and "Sanne de Boer" in html


def test_bad_photos_are_refused_in_dutch_and_the_title_is_kept(employee_client):
    fake = SimpleUploadedFile("foto.jpg", b"GIF89a not really", content_type="image/jpeg")
    response = employee_client.post("/start/fotos/", {"title": "Mijn titel", "photo": fake})
    html = response.content.decode()
    assert response.status_code == 400
    assert "geen foto die we kunnen lezen" in html
    assert 'value="Mijn titel"' in html and "kies het opnieuw" in html
    response = employee_client.post("/start/fotos/", {"title": "x" * 121, "photo": image_upload()})
    assert "niet meer dan 120 tekens" in response.content.decode()
    assert not PhotoSubmission.objects.exists()


def test_editors_see_likes_of_the_photography_team_and_choose(admin_client, superuser, employee):
    from home import services

    submission = services.submit_photo(employee, title="Stadhuis", upload=image_upload())
    photographer = PersonFactory().user
    photographer.groups.add(Group.objects.get_or_create(name="Fotografieteam")[0])
    social.like(photographer, submission)
    social.like(PersonFactory().user, submission)

    listing = admin_client.get("/admin/snippets/home/photosubmission/")
    assert listing.status_code == 200
    from home.selectors import with_like_counts

    counted = with_like_counts(PhotoSubmission.objects.all()).get()
    assert (counted.like_count, counted.team_like_count) == (2, 1)
    listing_html = listing.content.decode()
    assert "Kiezen als headerfoto" in listing_html and "Likes van het fotografieteam" in listing_html
    cells = [cell.split(">", 1)[1].strip() for cell in listing_html.split("<td")[1:]]
    assert "2" in [cell.split("<", 1)[0].strip() for cell in cells] and "1" in [
        cell.split("<", 1)[0].strip() for cell in cells
    ]

    confirm = admin_client.get(f"/admin/header-photo/{submission.pk}/choose/")
    assert confirm.status_code == 200
    response = admin_client.post(f"/admin/header-photo/{submission.pk}/choose/")
    assert response.status_code == 302
    settings = IntranetSettings.for_site(Site.objects.get(is_default_site=True))
    assert settings.header_photo == submission.image and settings.header_photo_credit == "Sanne de Boer"
    submission.refresh_from_db()
    assert submission.chosen_at is not None
    admin_client.force_login(employee)
    html = admin_client.get("/").content.decode()
    assert "Foto: Sanne de Boer" in html and "home-hero__photo" in html


def test_employees_cannot_choose_the_header_photo(employee_client, employee):
    from home import services

    submission = services.submit_photo(employee, title="Stadhuis", upload=image_upload())
    response = employee_client.post(f"/admin/header-photo/{submission.pk}/choose/")
    assert response.status_code in (302, 403)
    settings = IntranetSettings.for_site(Site.objects.get(is_default_site=True))
    assert settings.header_photo is None
