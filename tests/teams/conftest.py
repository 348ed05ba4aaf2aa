"""Fixtures for the teams tests (both lanes): employees, a community manager and teams of each kind."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage

from teams import services
from teams.models import Kind, TeamIndexPage


def image_upload(name="foto.png", fmt="PNG", size=(32, 32)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, "#0b5394").save(buffer, format=fmt)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=f"image/{fmt.lower()}")


def pdf_upload(name="verslag.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n", "application/pdf")


@pytest.fixture
def team_index(db):
    return TeamIndexPage.objects.get()


@pytest.fixture
def alice(make_user):
    """Creates the teams in these tests, so she is their admin."""
    return make_user("alice", first_name="Alice", last_name="Admiraal")


@pytest.fixture
def bob(make_user):
    return make_user("bob", first_name="Bob", last_name="Bakker")


@pytest.fixture
def carol(make_user):
    """An outsider: a member of no team."""
    return make_user("carol", first_name="Carol", last_name="Claassen")


@pytest.fixture
def moderator(make_user):
    from django.contrib.auth.models import Permission

    user = make_user("moderator", first_name="Mo", last_name="Derator")
    group, _created = Group.objects.get_or_create(name="Omgevingsbeheerders")
    user.groups.add(group)
    if not group.permissions.filter(codename="moderate_comments").exists():
        group.permissions.add(Permission.objects.get(codename="moderate_comments"))
    return type(user).objects.get(pk=user.pk)


@pytest.fixture
def make_team(team_index, alice):
    def make(title="Fotografie", kind=Kind.OPEN, creator=None, description="Samen foto's maken.", **kwargs):
        return services.create_team(creator or alice, title=title, description=description, kind=kind, **kwargs)

    return make


@pytest.fixture
def open_team(make_team):
    return make_team("Fotografie", Kind.OPEN)


@pytest.fixture
def closed_team(make_team):
    return make_team("Ambassadeurs", Kind.CLOSED)


@pytest.fixture
def private_team(make_team):
    return make_team("Reorganisatie ICT", Kind.PRIVATE, description="Vertrouwelijk overleg.")
