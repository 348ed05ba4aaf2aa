import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from prikbord import services
from tests.factories import PersonFactory


def photo_upload(name="fiets.jpg", fmt="JPEG", size=(400, 300), content_type="image/jpeg"):
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, format=fmt)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=content_type)


@pytest.fixture
def make_post(db):
    def make(author=None, **fields):
        author = author or PersonFactory().user
        fields.setdefault("category", "te-koop")
        fields.setdefault("title", "Kinderfiets")
        fields.setdefault("text", "Blauwe fiets, 20 inch.")
        return services.create_post(author, **fields)

    return make


@pytest.fixture
def moderator(db):
    user = PersonFactory(first_name="Mo", last_name="Derator").user
    user.groups.add(services.moderators_group())
    return user
