"""WCAG 1.1.1 and 1.2.2: uploaders and editors describe their images, videos take captions."""

import pytest

from tests.prikbord.conftest import photo_upload

pytestmark = pytest.mark.django_db


def test_a_notice_board_photo_carries_the_uploaders_description(employee_client):
    from prikbord.models import Post

    response = employee_client.post(
        "/prikbord/nieuw/",
        {
            "category": "te-koop",
            "title": "Kinderfiets",
            "text": "Goed onderhouden.",
            "photos": [photo_upload()],
            "photos_alt": "Blauwe kinderfiets met zijwieltjes",
        },
    )
    assert response.status_code == 302
    post = Post.objects.get()
    assert post.photos.get().alt == "Blauwe kinderfiets met zijwieltjes"
    html = employee_client.get(response["Location"]).content.decode()
    assert 'alt="Blauwe kinderfiets met zijwieltjes"' in html


def test_a_news_header_image_has_the_editors_alt_text_or_the_images_description(client, home):
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    from news.models import NewsIndexPage, NewsPage
    from tests.factories import PersonFactory

    image = get_image_model().objects.create(
        title="Stadhuis", file=get_test_image_file(), description="Het stadhuis bij avond"
    )
    index = home.add_child(instance=NewsIndexPage(title="Nieuws", slug="nieuws"))
    news = index.add_child(instance=NewsPage(title="Verbouwing", slug="verbouwing", header_image=image))
    client.force_login(PersonFactory().user)
    assert 'alt="Het stadhuis bij avond"' in client.get(news.url).content.decode()
    news.header_image_alt = "Steigers voor de gevel van het stadhuis"
    news.save_revision().publish()
    assert 'alt="Steigers voor de gevel van het stadhuis"' in client.get(news.url).content.decode()


def test_a_video_gets_its_webvtt_captions_served_as_text_vtt(client, home):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model
    from wagtailmedia.models import get_media_model

    from news.models import NewsIndexPage, NewsPage
    from tests.factories import PersonFactory

    captions = get_document_model().objects.create(
        title="Ondertitels", file=ContentFile(b"WEBVTT\n\n00:00.000 --> 00:02.000\nWelkom\n", name="welkom.vtt")
    )
    video = get_media_model().objects.create(
        title="Welkom", type="video", file=ContentFile(b"\x00\x00\x00\x18ftypmp42", name="welkom.mp4"), duration=2
    )
    index = home.add_child(instance=NewsIndexPage(title="Nieuws", slug="nieuws"))
    news = index.add_child(
        instance=NewsPage(
            title="Welkom",
            slug="welkom",
            body=[{"type": "video", "value": {"video": video.pk, "caption": "", "captions": captions.pk}}],
        )
    )
    client.force_login(PersonFactory().user)
    html = client.get(news.url).content.decode()
    assert f'<track kind="captions" src="{captions.url}" srclang="nl"' in html
    response = client.get(captions.url)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/vtt")


def test_a_caption_file_carrying_a_web_page_is_never_served_as_one(client):
    """A .vtt that is also HTML with script: served with its stored type, nosniff and a sandbox, so a
    browser never runs it as a page of the intranet."""
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    from tests.factories import PersonFactory

    page = b"WEBVTT\n\n00:00.000 --> 00:02.000\n<html><body><script>alert(document.cookie)</script></body></html>\n"
    captions = get_document_model().objects.create(title="Ondertitels", file=ContentFile(page, name="x.vtt"))
    client.force_login(PersonFactory().user)
    response = client.get(captions.url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/vtt")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"].startswith("sandbox")
