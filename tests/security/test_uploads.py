"""Issue 14, uploads: a file that is both a photo and a web page or script never runs on our origin.

Every upload path stores a server-chosen name with the content's extension; every media answer has
an allow-listed type, nosniff, a sandboxing CSP and (unless an image) a download disposition. Also:
notice-board photos follow their post's visibility, archives are judged before they are unpacked,
and photos are capped in pixels per kind without being decoded.
"""

import io
import re
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageFile

from prikbord import services as board
from teams import services as teams
from teams.models import Kind, TeamPage, TeamPost
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

SCRIPT = b"<html><body><script>window.__pwned=1;alert(document.cookie)</script></body></html>"
SANDBOX = "sandbox; default-src 'none'"
RANDOM = r"[0-9a-f]{32}"


def polyglot():
    """A real JPEG (Pillow opens and verifies it) carrying a web page in a comment and after its end."""
    buffer = io.BytesIO()
    Image.new("RGB", (32, 32), (200, 30, 30)).save(buffer, "JPEG", comment=SCRIPT)
    return buffer.getvalue() + SCRIPT


def upload(name="x.html", content=None, content_type="text/html"):
    return SimpleUploadedFile(name, polyglot() if content is None else content, content_type=content_type)


def png(size):
    buffer = io.BytesIO()
    Image.new("L", size).save(buffer, "PNG")  # one colour: millions of pixels in a few kilobytes
    return SimpleUploadedFile("groot.png", buffer.getvalue(), content_type="image/png")


def assert_safe_image(client, name, folder):
    assert re.fullmatch(rf"{folder}/{RANDOM}\.jpg", name), name
    response = client.get(f"/media/{name}")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"].startswith(SANDBOX)
    assert not response["Content-Disposition"].startswith("attachment")
    return response


def assert_download(response, filename=None):
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == SANDBOX
    assert response["Content-Disposition"].startswith("attachment")
    if filename:
        assert f'filename="{filename}"' in response["Content-Disposition"]


@pytest.fixture
def alice(db):
    return PersonFactory(user__username="alice", first_name="Alice", last_name="Admiraal").user


@pytest.fixture
def bob(db):
    return PersonFactory(user__username="bob", first_name="Bob", last_name="Bakker").user


@pytest.fixture
def team(alice):
    return teams.create_team(alice, title="Fotografie", description="Foto's.", kind=Kind.OPEN)


# --- 1. server-chosen names and safe answers on every upload path -------------------------------


@pytest.mark.parametrize("name", ["x.html", "x.js", "x.svg"])
def test_team_post_photo_polyglot_is_stored_and_served_as_a_jpeg(client, team, alice, bob, name):
    client.force_login(alice)
    response = client.post(f"/teams-acties/{team.pk}/bericht/", {"text": "Kijk", "image": upload(name)})
    assert response.status_code == 302
    client.force_login(bob)
    assert_safe_image(client, TeamPost.objects.get().image.name, "teams")


def test_team_image_polyglot_through_the_new_team_form(client, alice, bob):
    client.force_login(alice)
    data = {"title": "Wandelclub", "description": "Lopen.", "kind": "open", "image": upload("team.html")}
    assert client.post("/teams/nieuw/", data).status_code == 302
    client.force_login(bob)
    assert_safe_image(client, TeamPage.objects.get(title="Wandelclub").image.name, "teams")


def test_team_document_is_stored_by_content_and_downloaded_under_its_own_name(client, team, alice, bob):
    client.force_login(alice)
    pdf = SimpleUploadedFile("Verslag <maart> & juni.pdf", b"%PDF-1.4\n" + SCRIPT, content_type="text/html")
    assert client.post(f"/teams-acties/{team.pk}/bericht/", {"text": "Stuk", "document": pdf}).status_code == 302
    post = TeamPost.objects.get()
    assert re.fullmatch(rf"teams/{RANDOM}\.pdf", post.document.name)
    assert post.document_name == "Verslag <maart> & juni.pdf"  # kept as data only
    client.force_login(bob)
    response = client.get(post.document.url)
    assert response["Content-Type"] == "application/pdf"
    assert_download(response)
    assert response["Content-Disposition"] == 'attachment; filename="Verslag <maart> & juni.pdf"'
    page = client.get(post.get_absolute_url()).content.decode()
    assert "Verslag &lt;maart&gt; &amp; juni.pdf" in page


def test_profile_photo_polyglot(client, alice, bob):
    person = alice.person
    client.force_login(alice)
    data = {"phone": "", "mobile": "", "location": "", "bio": "", "expertise_text": "", "photo_upload": upload()}
    assert client.post(f"/mensen/{person.slug}/bewerken/", data).status_code == 302
    person.refresh_from_db()
    client.force_login(bob)
    assert_safe_image(client, person.photo.file.name, "original_images")


def test_notice_board_photo_polyglot(client, alice, bob):
    client.force_login(alice)
    data = {"category": "te-koop", "title": "Fiets", "text": "Blauw.", "price": "", "photos": [upload("fiets.html")]}
    assert client.post("/prikbord/nieuw/", data).status_code == 302
    client.force_login(bob)
    assert_safe_image(client, board.Photo.objects.get().image.name, "prikbord")


def test_header_photo_submission_polyglot(client, alice, bob):
    from home.models import PhotoSubmission

    client.force_login(alice)
    assert client.post("/start/fotos/", {"title": "Haven", "photo": upload("haven.html")}).status_code == 302
    client.force_login(bob)
    assert_safe_image(client, PhotoSubmission.objects.get().image.file.name, "original_images")


def test_behind_nginx_the_type_and_headers_come_from_django(client, team, alice, settings):
    post = teams.create_post(alice, team, text="Foto", image=upload("x.html"))
    settings.MEDIA_X_ACCEL_REDIRECT = "/protected-media/"
    client.force_login(alice)
    response = client.get(post.image.url)
    assert response["X-Accel-Redirect"] == f"/protected-media/{post.image.name}"
    assert response["Content-Type"] == "image/jpeg" and response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"].startswith(SANDBOX)


def test_legacy_files_with_bad_names_are_octet_stream_downloads(client, team, alice, bob, settings):
    (settings.MEDIA_ROOT / "teams" / "0ld").mkdir(parents=True)
    (settings.MEDIA_ROOT / "teams" / "0ld" / "x.html").write_bytes(polyglot())
    (settings.MEDIA_ROOT / "x.html").write_bytes(polyglot())
    TeamPost.objects.create(team=team, author=alice, text="Oud", image="teams/0ld/x.html")
    client.force_login(bob)
    for url in ("/media/x.html", "/media/teams/0ld/x.html"):
        response = client.get(url)
        assert response["Content-Type"] == "application/octet-stream", url
        assert_download(response, "x.bin")


def test_wagtail_documents_get_the_same_headers_and_no_side_door(client, alice):
    from wagtail.documents.models import Document

    document = Document.objects.create(title="Pagina", file=ContentFile(SCRIPT, name="pagina.html"))
    client.force_login(alice)
    response = client.get(document.url)
    assert response["Content-Type"] == "application/octet-stream"
    assert_download(response)
    assert client.get(f"/media/{document.file.name}").status_code == 404  # only through /documenten/


def test_a_restricted_documents_password_form_stays_a_page(client, alice):
    """Only files get the download headers: Wagtail's password form for a restricted collection is a
    page and must render as one."""
    from wagtail.documents.models import Document
    from wagtail.models import Collection, CollectionViewRestriction

    collection = Collection.get_first_root_node().add_child(name="Afgeschermd")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.PASSWORD, password="geheim"
    )
    document = Document.objects.create(
        title="Notulen", file=ContentFile(b"%PDF-1.4 notulen", name="notulen.pdf"), collection=collection
    )
    client.force_login(alice)
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "attachment" not in response.get("Content-Disposition", "")
    assert b"<form" in response.content


# --- 2. notice-board photos follow their post -----------------------------------------------------


@pytest.fixture
def board_moderator(db):
    user = PersonFactory(first_name="Mo", last_name="Derator").user
    user.groups.add(board.moderators_group())
    return type(user).objects.get(pk=user.pk)


def test_notice_board_photos_of_removed_posts_are_gone_for_colleagues(client, alice, bob, board_moderator):
    post = board.create_post(alice, category="te-koop", title="Fiets", text="Blauw.", photos=[upload("a.jpg")])
    url = post.photos.get().image.url
    assert re.fullmatch(rf"/media/prikbord/{RANDOM}\.jpg", url)
    client.force_login(bob)
    assert client.get(url).status_code == 200
    board.remove(board_moderator, post, "Geen handel op Plein.")
    assert client.get(url).status_code == 404
    for insider in (alice, board_moderator):
        client.force_login(insider)
        assert client.get(url).status_code == 200


def test_notice_board_photos_of_done_and_expired_posts(client, alice, bob):
    done = board.create_post(alice, category="gratis", title="Stoel", text="Ophalen.", photos=[upload("a.jpg")])
    board.mark_done(alice, done)
    client.force_login(bob)
    assert client.get(done.photos.get().image.url).status_code == 404


def test_a_board_photo_costs_one_lookup(client, alice, bob, django_assert_max_num_queries):
    post = board.create_post(alice, category="te-koop", title="Fiets", text="Blauw.", photos=[upload("a.jpg")])
    url = post.photos.get().image.url
    assert re.fullmatch(rf"/media/prikbord/{RANDOM}\.jpg", url)
    client.force_login(bob)
    client.get(url)
    with django_assert_max_num_queries(3):  # session, user, the photo with its post
        assert client.get(url).status_code == 200


# --- 3. archives judged before unpacking; pixels capped per kind, header only ---------------------


def odt(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            archive.writestr(name, data)
    return SimpleUploadedFile("notulen.odt", buffer.getvalue(), content_type="application/vnd.oasis.opendocument.text")


@pytest.fixture
def unpacked(monkeypatch):
    """Counts the bytes any archive member yields when read."""
    counted = {"bytes": 0}
    original = zipfile.ZipExtFile.read

    def read(self, n=-1):
        data = original(self, n)
        counted["bytes"] += len(data)
        return data

    monkeypatch.setattr(zipfile.ZipExtFile, "read", read)
    return counted


MIMETYPE = b"application/vnd.oasis.opendocument.text"


def test_an_odt_zip_bomb_is_refused_without_unpacking_it(client, team, alice, unpacked):
    bomb = odt([("mimetype", MIMETYPE + b" " * 30_000_000)])
    assert bomb.size < 100_000
    client.force_login(alice)
    response = client.post(f"/teams-acties/{team.pk}/bericht/", {"text": "Notulen", "document": bomb})
    assert response.status_code == 400 and not TeamPost.objects.exists()
    assert "lijkt geen ODT-bestand" in response.content.decode()
    assert unpacked["bytes"] < 1024


def test_an_archive_whose_member_would_unpack_a_thousandfold_is_refused(team, alice, unpacked):
    bomb = odt([("mimetype", MIMETYPE), ("content.xml", b"\0" * 30_000_000)])
    with pytest.raises(ValidationError):
        teams.create_post(alice, team, text="Notulen", document=bomb)
    assert unpacked["bytes"] < 1024
    ordinary = odt([("mimetype", MIMETYPE), ("content.xml", b"<office:document-content/>" * 2000)])
    post = teams.create_post(alice, team, text="Notulen", document=ordinary)
    assert re.fullmatch(rf"teams/{RANDOM}\.odt", post.document.name)


@pytest.fixture
def no_decoding(monkeypatch):
    def load(self):
        raise AssertionError("the photo check decoded the image")

    monkeypatch.setattr(ImageFile.ImageFile, "load", load)


def test_a_tiny_png_of_36_megapixels_is_refused_as_profile_photo(client, alice, no_decoding):
    huge = png((6000, 6000))
    assert huge.size < 100_000
    client.force_login(alice)
    data = {"phone": "", "mobile": "", "location": "", "bio": "", "expertise_text": "", "photo_upload": huge}
    response = client.post(f"/mensen/{alice.person.slug}/bewerken/", data)
    assert response.status_code in (200, 400)
    assert "6000 × 6000 pixels; een foto mag hoogstens 16 megapixels hebben" in response.content.decode()
    alice.person.refresh_from_db()
    assert alice.person.photo is None


def test_pixel_caps_on_the_notice_board_and_in_teams(client, team, alice, no_decoding):
    client.force_login(alice)
    data = {"category": "te-koop", "title": "Fiets", "text": "Blauw.", "price": "", "photos": [png((5000, 4000))]}
    response = client.post("/prikbord/nieuw/", data)
    assert "16 megapixels" in response.content.decode() and not board.Post.objects.exists()
    with pytest.raises(ValidationError) as error:
        teams.create_post(alice, team, text="Groot", image=png((5000, 4000)))
    assert "16 megapixels" in str(error.value)


def test_header_photos_may_be_larger_but_not_unbounded(alice, no_decoding):
    from home import services as home
    from intranet.uploads import HEADER_MAX_PIXELS, check_photo

    with pytest.raises(ValidationError) as error:
        home.submit_photo(alice, title="Haven", upload=png((6000, 5000)))
    assert "25 megapixels" in str(error.value)
    assert check_photo(png((5000, 4000)), limit=10 * 1024 * 1024, max_pixels=HEADER_MAX_PIXELS) == "png"
