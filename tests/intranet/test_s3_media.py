"""Media on an S3-compatible store (issue 21): a real S3 server on the loopback address (moto in
server mode), the intranet's own upload forms, and files still fetched only through /media/ and its
permission check."""

import io
import socket
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from intranet.storage import StorageUnavailable
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def jpeg(name="foto.jpg", size=(300, 200)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (30, 90, 160)).save(buffer, "JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def body(response):
    return b"".join(response.streaming_content)


def assert_served_as_image(response, data):
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"].startswith("sandbox")
    assert response["Content-Disposition"].startswith("inline")
    assert body(response) == data


def test_a_profile_photo_lands_in_the_bucket_and_renditions_are_made_there(client, s3):
    alice = PersonFactory(user__username="alice", first_name="Alice", last_name="Admiraal")
    client.force_login(alice.user)
    upload = jpeg("mijn vakantie.jpg")
    data = {"phone": "", "mobile": "", "location": "", "bio": "", "expertise_text": "", "photo_upload": upload}
    response = client.post(f"/mensen/{alice.slug}/bewerken/", data)
    assert response.status_code == 302
    alice.refresh_from_db()
    image = alice.photo
    assert image.file.name in s3.keys()
    assert "vakantie" not in image.file.name  # the server chose the name
    assert image.file.url == f"/media/{image.file.name}"  # our own view, never the bucket's address

    # The header avatar and the profile page make renditions; they are stored in the bucket too.
    assert client.get(f"/mensen/{alice.slug}/").status_code == 200
    rendition = image.renditions.first()
    assert rendition is not None and rendition.file.name in s3.keys()
    assert rendition.url == f"/media/{rendition.file.name}"

    colleague = PersonFactory()
    client.force_login(colleague.user)
    upload.seek(0)
    assert_served_as_image(client.get(image.file.url), upload.read())
    client.logout()
    assert client.get(image.file.url).status_code == 302  # the login wall first


def test_a_private_team_document_is_for_members_only(client, s3):
    from teams import services
    from teams.models import Kind, TeamPost
    from tests.teams.conftest import pdf_upload

    alice = PersonFactory(user__username="alice").user
    outsider = PersonFactory(user__username="carol").user
    team = services.create_team(alice, title="Reorganisatie ICT", kind=Kind.PRIVATE, description="Vertrouwelijk.")
    client.force_login(alice)
    upload = pdf_upload("verslag <juni>.pdf")
    response = client.post(f"/teams-acties/{team.pk}/bericht/", {"text": "Het verslag", "document": upload})
    assert response.status_code == 302, response.content[:500]
    post = TeamPost.objects.get()
    assert post.document.name in s3.keys() and post.document.name.startswith("teams/")
    head = s3.client.head_object(Bucket=s3.bucket, Key=post.document.name)
    assert head["ContentType"] == "application/pdf"

    response = client.get(post.document.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment") and "verslag" in response["Content-Disposition"]
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"
    upload.seek(0)
    assert body(response) == upload.read()

    client.force_login(outsider)
    assert client.get(post.document.url).status_code == 404
    assert client.get("/media/teams/nothing-here.pdf").status_code == 404
    assert client.get(f"/media/x/../{post.document.name}").status_code == 404


def test_notice_board_photos_are_stored_and_served(client, s3):
    from prikbord.models import Post
    from tests.prikbord.conftest import photo_upload

    seller = PersonFactory().user
    client.force_login(seller)
    upload = photo_upload()
    data = {"category": "te-koop", "title": "Bakfiets", "text": "Zo goed als nieuw.", "price": "", "photos": [upload]}
    response = client.post("/prikbord/nieuw/", data)
    assert response.status_code == 302
    photo = Post.objects.get().photos.get()
    assert photo.image.name in s3.keys()
    client.force_login(PersonFactory().user)
    upload.seek(0)
    assert_served_as_image(client.get(photo.image.url), upload.read())


def test_a_write_the_store_refuses_is_the_dutch_form_error(client, s3, settings):
    from prikbord.models import Post

    # A bucket that is not there: the store answers every write with an error (NoSuchBucket).
    options = {**s3.options, "bucket_name": "plein-gone-" + uuid.uuid4().hex[:8]}
    settings.STORAGES = {**settings.STORAGES, "default": {**settings.STORAGES["default"], "OPTIONS": options}}
    client.force_login(PersonFactory().user)
    data = {"category": "te-koop", "title": "Bakfiets", "text": "Zo goed als nieuw.", "price": "", "photos": [jpeg()]}
    response = client.post("/prikbord/nieuw/", data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "kon niet worden opgeslagen" in html and "Zo goed als nieuw." in html
    assert not Post.objects.exists()


def test_an_unreachable_store_is_a_storage_error_and_health_says_degraded(s3, settings):
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    from intranet.health import run_checks

    assert run_checks()[1]["media"] == "ok"
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{sock.getsockname()[1]}"
    options = {**s3.options, "endpoint_url": closed}
    settings.STORAGES = {**settings.STORAGES, "default": {**settings.STORAGES["default"], "OPTIONS": options}}
    with pytest.raises(StorageUnavailable):
        default_storage.save("prikbord/x.jpg", ContentFile(b"x"))
    status, checks = run_checks()
    assert status == "degraded" and checks["media"].startswith("error")


def test_a_page_whose_rendition_cannot_be_made_while_the_store_is_away_still_works(client, s3, settings):
    from wagtail.images import get_image_model

    alice = PersonFactory(user__username="alice", first_name="Alice", last_name="Admiraal")
    image = get_image_model().objects.create(title="Alice", file=jpeg())
    alice.photo = image
    alice.save(update_fields=["photo"])
    image.renditions.all().delete()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{sock.getsockname()[1]}"
    options = {**s3.options, "endpoint_url": closed}
    settings.STORAGES = {**settings.STORAGES, "default": {**settings.STORAGES["default"], "OPTIONS": options}}
    client.force_login(alice.user)
    response = client.get(f"/mensen/{alice.slug}/")
    assert response.status_code == 200
    assert f"/media/{image.file.name}" in response.content.decode()  # the original, scaled by the browser


def test_wagtail_documents_are_stored_in_the_bucket_and_served_with_the_header_set(client, s3):
    from wagtail.documents import get_document_model

    from tests.teams.conftest import pdf_upload

    upload = pdf_upload("begroting.pdf")
    document = get_document_model().objects.create(title="Begroting", file=upload)
    assert document.file.name in s3.keys()
    client.force_login(PersonFactory().user)
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"
    upload.seek(0)
    assert body(response) == upload.read()
    # Its /media/ address is refused: /documenten/ applies Wagtail's collection restrictions.
    assert client.get(f"/media/{document.file.name}").status_code == 404
