"""Media failures (issue 21): a full or read-only disk is a form error that keeps the input, leaves
no partial file, and never breaks a page that shows an image."""

import errno
import io
import threading

import pytest
from django.core.files.base import ContentFile, File
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from intranet.storage import MediaStorage, StorageUnavailable
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

FULL = OSError(errno.ENOSPC, "No space left on device")


def jpeg(name="foto.jpg"):
    buffer = io.BytesIO()
    Image.new("RGB", (300, 200), (30, 90, 160)).save(buffer, "JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


class HalfWritten(File):
    """A file whose second chunk fails as a full disk does, after the first has been written."""

    def __init__(self):
        super().__init__(io.BytesIO(b"x" * 10), name="half.bin")

    def chunks(self, chunk_size=None):
        yield b"x" * 1000
        raise FULL


@pytest.fixture
def disk_full(monkeypatch):
    def refuse(self, name, content):
        raise FULL

    monkeypatch.setattr("django.core.files.storage.FileSystemStorage._save", refuse)


@pytest.fixture
def alice(db):
    return PersonFactory(user__username="alice", first_name="Alice", last_name="Admiraal").user


def test_a_write_that_fails_halfway_leaves_no_file(tmp_path):
    storage = MediaStorage(location=tmp_path)
    with pytest.raises(StorageUnavailable):
        storage.save("uploads/half.bin", HalfWritten())
    assert list(tmp_path.rglob("*.bin")) == []


def test_other_errors_are_not_disguised(tmp_path, monkeypatch):
    storage = MediaStorage(location=tmp_path)

    def boom(self, name, content):
        raise OSError(errno.ENAMETOOLONG, "name too long")

    monkeypatch.setattr("django.core.files.storage.FileSystemStorage._save", boom)
    with pytest.raises(OSError) as raised:
        storage.save("x.bin", ContentFile(b"x"))
    assert not isinstance(raised.value, StorageUnavailable)


def test_profile_photo_on_a_full_disk_is_a_form_error_that_keeps_the_input(client, alice, disk_full):
    client.force_login(alice)
    person = alice.person
    data = {
        "phone": "",
        "mobile": "",
        "location": "",
        "bio": "Ik werk aan de begroting.",
        "expertise_text": "",
        "photo_upload": jpeg(),
    }
    response = client.post(f"/mensen/{person.slug}/bewerken/", data)
    assert response.status_code in (200, 400)
    html = response.content.decode()
    assert "kon niet worden opgeslagen" in html
    assert "Ik werk aan de begroting." in html
    person.refresh_from_db()
    assert person.photo_id is None and person.bio != "Ik werk aan de begroting."


def test_notice_board_post_on_a_full_disk_keeps_the_text(client, alice, disk_full):
    from prikbord.models import Post

    client.force_login(alice)
    data = {"category": "te-koop", "title": "Bakfiets", "text": "Zo goed als nieuw.", "price": "", "photos": [jpeg()]}
    response = client.post("/prikbord/nieuw/", data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "kon niet worden opgeslagen" in html
    assert "Bakfiets" in html and "Zo goed als nieuw." in html
    assert not Post.objects.exists()


def _person_with_photo(user):
    from wagtail.images import get_image_model

    image = get_image_model().objects.create(title="Alice", file=jpeg())
    user.person.photo = image
    user.person.save(update_fields=["photo"])
    image.renditions.all().delete()
    return image


def test_a_rendition_the_disk_refuses_shows_the_original_and_the_page_works(client, alice, monkeypatch):
    image = _person_with_photo(alice)
    monkeypatch.setattr("django.core.files.storage.FileSystemStorage._save", lambda *args: (_ for _ in ()).throw(FULL))
    client.force_login(alice)
    for path in ["/", "/teams/", f"/mensen/{alice.person.slug}/"]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert image.file.name in response.content.decode(), path
    assert not image.renditions.exists()


@pytest.mark.slow
@pytest.mark.skipif(not __import__("tests.conftest").conftest.is_postgres(), reason="row locks need PostgreSQL")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_eight_views_at_once_make_one_rendition(alice, settings, tmp_path):
    from django.db import connections

    settings.MEDIA_ROOT = str(tmp_path)
    image = _person_with_photo(alice)
    written = []
    original_save = MediaStorage._save

    def counting_save(self, name, content):
        if "images/" in name and "original" not in name:
            written.append(name)
        return original_save(self, name, content)

    start = threading.Barrier(8)

    def view():
        try:
            start.wait()
            type(image).objects.get(pk=image.pk).get_rendition("fill-256x256")
        finally:
            connections.close_all()

    MediaStorage._save = counting_save
    try:
        threads = [threading.Thread(target=view) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        MediaStorage._save = original_save
    assert image.renditions.count() == 1
    assert len(written) == 1
