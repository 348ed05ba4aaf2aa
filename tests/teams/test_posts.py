"""Posting on the timeline: text, photo, document, link; refusals; comments and likes; pinning."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape

from teams import services
from teams.models import TeamPage, TeamPost
from tests.teams.conftest import image_upload, pdf_upload
from tests.teams.helpers import add_member, comment_url, like_url

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _dutch():
    with translation.override("nl"):
        yield


def post_url(team):
    return reverse("teams:post", args=[team.pk])


def docx_upload(name="notulen.docx", marker="word/document.xml"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(marker, "<w:document/>")
    return SimpleUploadedFile(name, buffer.getvalue())


def test_a_member_posts_text_with_a_link_and_a_photo(client, open_team, alice):
    client.force_login(alice)
    response = client.post(
        post_url(open_team),
        {"text": "Fotowandeling zaterdag!", "link": "https://example.org/route", "image": image_upload()},
    )
    post = TeamPost.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"#post-{post.pk}")
    assert post.image.name.startswith("teams/") and post.link == "https://example.org/route"
    page = client.get(open_team.url).text
    assert "Fotowandeling zaterdag!" in page and post.image.url in page and "https://example.org/route" in page
    assert TeamPage.objects.get(pk=open_team.pk).last_activity_at >= post.created_at


def test_a_document_is_listed_on_the_team_page(client, open_team, alice):
    client.force_login(alice)
    client.post(post_url(open_team), {"text": "De notulen", "document": docx_upload()})
    client.post(post_url(open_team), {"text": "Het verslag", "document": pdf_upload()})
    posts = TeamPost.objects.order_by("pk")
    assert [p.document_name for p in posts] == ["notulen.docx", "verslag.pdf"]
    page = client.get(open_team.url).text
    assert "Documenten" in page and "notulen.docx" in page and "verslag.pdf" in page


def test_a_non_member_gets_403_when_posting(client, open_team, closed_team, bob):
    client.force_login(bob)
    for team in (open_team, closed_team):
        assert client.post(post_url(team), {"text": "Hallo"}).status_code == 403
    assert not TeamPost.objects.exists()


def test_an_archived_team_refuses_posts_and_comments(client, open_team, alice, bob):
    add_member(open_team, bob)
    post = services.create_post(alice, open_team, text="Nog van voor het archief")
    TeamPage.objects.filter(pk=open_team.pk).update(archived_at=timezone.now())
    client.force_login(bob)
    assert client.post(post_url(open_team), {"text": "Hallo"}).status_code == 403
    assert client.post(comment_url(post), {"comment": "Nog een reactie"}).status_code == 403
    page = client.get(open_team.url).text
    assert "gearchiveerd" in page and "Nieuw bericht" not in page
    assert TeamPost.objects.count() == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"text": ""}, "Schrijf eerst iets."),
        ({"text": "x" * 5001}, "maximaal 5000 tekens"),
        ({"text": "Kijk", "link": "javascript:alert(1)"}, "volledig webadres"),
        ({"text": "Kijk", "link": "geen adres"}, "volledig webadres"),
    ],
)
def test_bad_post_input_gives_a_dutch_error_and_keeps_the_text(client, open_team, alice, data, message):
    client.force_login(alice)
    response = client.post(post_url(open_team), data)
    assert response.status_code == 400
    assert message in response.text
    if data["text"] and len(data["text"]) < 100:
        assert data["text"] in response.text
    assert not TeamPost.objects.exists()


@pytest.mark.parametrize(
    ("upload", "field", "message"),
    [
        (lambda: SimpleUploadedFile("programma.exe", b"MZ\x90\x00"), "document", "geen documentsoort"),
        (lambda: SimpleUploadedFile("verslag.pdf", b"<html>nep</html>"), "document", "lijkt geen PDF-bestand"),
        (lambda: SimpleUploadedFile("notulen.docx", b"PK\x03\x04 kapot"), "document", "lijkt geen DOCX-bestand"),
        (lambda: docx_upload("blad.xlsx"), "document", "lijkt geen XLSX-bestand"),
        (lambda: SimpleUploadedFile("lijst.csv", b"a,b\x00\x00c"), "document", "lijkt geen CSV-bestand"),
        (lambda: SimpleUploadedFile("foto.png", b"geen foto"), "image", "geen foto die we kunnen lezen"),
    ],
)
def test_unsupported_files_are_refused_in_dutch(client, open_team, alice, upload, field, message):
    client.force_login(alice)
    response = client.post(post_url(open_team), {"text": "Met bijlage", field: upload()})
    assert response.status_code == 400
    assert message in response.text
    assert "Met bijlage" in response.text
    assert "kies het opnieuw" in response.text
    assert not TeamPost.objects.exists()


def test_oversized_files_are_refused(client, open_team, alice, settings):
    settings.TEAMS_DOCUMENT_MAX_BYTES = 10
    settings.TEAMS_PHOTO_MAX_BYTES = 10
    client.force_login(alice)
    response = client.post(post_url(open_team), {"text": "Groot", "document": pdf_upload()})
    assert response.status_code == 400 and "te groot" in response.text
    response = client.post(post_url(open_team), {"text": "Groot", "image": image_upload()})
    assert response.status_code == 400 and "te groot" in response.text
    assert not TeamPost.objects.exists()


def test_text_csv_and_odt_documents_pass(open_team, alice):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document/>")
    for upload in (
        SimpleUploadedFile("lijst.csv", "naam;plaats\nJoëlle;Zwolle\n".encode()),
        SimpleUploadedFile("lees.txt", "Café".encode("latin-1")),
        SimpleUploadedFile("brief.odt", buffer.getvalue()),
    ):
        services.create_post(alice, open_team, text="Bijlage", document=upload)
    assert TeamPost.objects.exclude(document="").count() == 3


def test_a_photo_and_a_document_together_are_refused(open_team, alice):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        services.create_post(alice, open_team, text="Beide", image=image_upload(), document=pdf_upload())
    assert "document" in error.value.message_dict


def test_members_comment_and_like_through_the_social_layer(client, closed_team, alice, bob):
    add_member(closed_team, bob)
    post = services.create_post(alice, closed_team, text="Wie komt er vrijdag?")
    client.force_login(bob)
    assert client.post(comment_url(post), {"comment": "Ik kom!"}).status_code == 302
    assert client.post(like_url(post)).status_code == 302
    page = client.get(closed_team.url).text
    assert "1 reactie" in page
    detail = client.get(post.get_absolute_url()).text
    assert "Ik kom!" in detail
    assert TeamPage.objects.get(pk=closed_team.pk).last_activity_at is not None


def test_an_admin_pins_a_post(client, open_team, alice, bob):
    add_member(open_team, bob)
    first = services.create_post(bob, open_team, text="Lees dit eerst: de afspraken")
    for number in range(3):
        services.create_post(bob, open_team, text=f"Bericht {number}")
    client.force_login(bob)
    assert client.post(reverse("teams:pin", args=[first.pk])).status_code == 403
    client.force_login(alice)
    client.post(reverse("teams:pin", args=[first.pk]), {"pin": "1"})
    assert TeamPage.objects.get(pk=open_team.pk).pinned_post == first
    page = client.get(open_team.url).text
    assert page.index("Vastgezet bericht") < page.index("Lees dit eerst") < page.index("Tijdlijn")


def test_the_author_deletes_a_post_and_its_comments(client, open_team, alice, bob):
    from django_comments_xtd.models import XtdComment

    add_member(open_team, bob)
    post = services.create_post(bob, open_team, text="Foutje")
    client.force_login(alice)
    client.post(comment_url(post), {"comment": "Nee hoor"})
    client.force_login(bob)
    client.post(reverse("teams:delete_post", args=[post.pk]))
    assert not TeamPost.objects.exists() and not XtdComment.objects.exists()


def test_post_text_is_escaped_and_mentions_link_to_the_profile(client, open_team, alice, bob):
    services.create_post(alice, open_team, text=f"<script>alert(1)</script> hoi @{bob.person.slug}")
    client.force_login(alice)
    page = client.get(open_team.url).text
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page
    assert f'href="/mensen/{bob.person.slug}/">@Bob Bakker</a>' in page


def test_a_post_photo_carries_the_uploaders_description_escaped(client, open_team, alice):
    client.force_login(alice)
    description = '<b>"Taart" & koffie</b>'
    client.post(post_url(open_team), {"text": "Afscheid van Anna", "image": image_upload(), "image_alt": description})
    post = TeamPost.objects.get()
    assert post.image_alt == description
    escaped = 'alt="&lt;b&gt;&quot;Taart&quot; &amp; koffie&lt;/b&gt;"'
    for url in (open_team.url, post.get_absolute_url()):
        page = client.get(url).text
        assert escaped in page and "<b>" not in page.split('class="team-post__image"')[1].split(">", 1)[0]


def test_a_post_photo_without_description_is_named_after_its_author(client, open_team, alice):
    client.force_login(alice)
    client.post(post_url(open_team), {"text": "Zonder beschrijving", "image": image_upload(), "image_alt": "  "})
    post = TeamPost.objects.get()
    assert post.image_alt == ""
    page = client.get(post.get_absolute_url()).text
    assert f'alt="Foto bij bericht van {escape(alice.person.full_name)}"' in page


def test_the_post_form_keeps_the_photo_description_after_an_error(client, open_team, alice):
    client.force_login(alice)
    response = client.post(post_url(open_team), {"text": "", "image": image_upload(), "image_alt": "Taart voor Anna"})
    assert response.status_code == 400 and not TeamPost.objects.exists()
    page = response.text
    assert 'name="image_alt"' in page and 'value="Taart voor Anna"' in page
    assert "Wat staat er op de foto?" in page
    assert '<details class="team__attachments" open>' in page
