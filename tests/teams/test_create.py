"""Creating a team from the front end: any employee, Dutch errors, input kept."""

import pytest
from django.utils import translation

from teams.models import Kind, Membership, TeamPage
from tests.teams.conftest import image_upload

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _dutch():
    with translation.override("nl"):
        yield


def new_url(team_index):
    return team_index.url + "nieuw/"


def test_a_plain_employee_creates_a_team_from_the_front_end(client, alice, team_index):
    client.force_login(alice)
    page = client.get(new_url(team_index))
    assert page.status_code == 200
    assert "Start een team" in page.text or "team" in page.text
    response = client.post(
        new_url(team_index),
        {"title": "Fotografie", "description": "Samen foto's maken.", "kind": Kind.OPEN, "image": image_upload()},
    )
    team = TeamPage.objects.get(title="Fotografie")
    assert response.status_code == 302 and response["Location"] == team.url
    assert Membership.objects.get(team=team, user=alice).role == "admin"
    assert team.image.name.startswith("teams/")
    assert client.get(team.url).status_code == 200


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"title": "", "kind": "open"}, "title", "Geef het team een naam."),
        ({"title": "   ", "kind": "open"}, "title", "Geef het team een naam."),
        ({"title": "x" * 81, "kind": "open"}, "title", "maximaal 80 tekens"),
        ({"title": "Lezen", "description": "y" * 2001, "kind": "open"}, "description", "maximaal 2000 tekens"),
        ({"title": "Lezen", "kind": "geheim"}, "kind", "Kies wie het team"),
    ],
)
def test_bad_input_gives_a_dutch_error_and_keeps_the_input(client, alice, team_index, data, field, message):
    client.force_login(alice)
    response = client.post(new_url(team_index), {"description": "Mijn tekst", **data})
    assert response.status_code == 400
    assert message in response.text
    assert "Mijn tekst" in response.text or field == "description"
    assert not TeamPage.objects.exists()


def test_a_name_clash_is_refused_case_insensitively(client, alice, bob, make_team, team_index):
    make_team("Fotografie")
    client.force_login(bob)
    response = client.post(
        new_url(team_index), {"title": "fotografie", "kind": "open", "description": "Ook foto's", "create_anyway": "on"}
    )
    assert response.status_code == 400
    assert "Er is al een team" in response.text
    assert "Ook foto&#x27;s" in response.text
    assert TeamPage.objects.count() == 1


def test_an_archived_team_frees_its_name(alice, make_team):
    from django.utils import timezone

    old = make_team("Fotografie")
    TeamPage.objects.filter(pk=old.pk).update(archived_at=timezone.now())
    new = make_team("Fotografie")
    assert new.slug.startswith("fotografie-") and new.slug != old.slug


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (lambda: image_upload("foto.png", size=(8, 8)).__class__("nep.png", b"<html>geen foto</html>"), "geen foto"),
    ],
)
def test_a_fake_image_is_refused(client, alice, team_index, upload, message):
    client.force_login(alice)
    response = client.post(new_url(team_index), {"title": "Lezen", "kind": "open", "image": upload()})
    assert response.status_code == 400
    assert "Lezen" in response.text
    assert not TeamPage.objects.exists()


def test_an_oversized_image_is_refused(client, alice, team_index, settings):
    settings.TEAMS_PHOTO_MAX_BYTES = 100
    client.force_login(alice)
    response = client.post(new_url(team_index), {"title": "Lezen", "kind": "open", "image": image_upload()})
    assert response.status_code == 400
    assert "te groot" in response.text
    assert not TeamPage.objects.exists()


def test_an_admin_edits_the_team_and_others_cannot(client, alice, bob, make_team):
    team = make_team("Fotografie")
    other = make_team("Schaakclub")
    url = team.url + "bewerken/"
    client.force_login(bob)
    assert client.get(url).status_code == 403
    client.force_login(alice)
    assert client.get(url).status_code == 200
    response = client.post(url, {"title": "schaakclub", "description": "Nieuw", "kind": "closed"})
    assert response.status_code == 400 and "Er is al een team" in response.text and "Nieuw" in response.text
    response = client.post(url, {"title": "Fotografie", "description": "Nieuwe tekst", "kind": "closed"})
    assert response.status_code == 302
    team.refresh_from_db()
    assert team.description == "Nieuwe tekst" and team.kind == "closed"
    assert other.title == "Schaakclub"


def test_a_private_teams_name_does_not_clash_for_outsiders(client, alice, bob, make_team, team_index):
    """Refusing the name would tell an outsider that the private team exists."""
    make_team("Verbouwing", kind=Kind.PRIVATE)
    client.force_login(bob)
    response = client.post(
        new_url(team_index), {"title": "verbouwing", "kind": "open", "description": "Open", "create_anyway": "on"}
    )
    assert response.status_code == 302
    assert TeamPage.objects.filter(title__iexact="verbouwing").count() == 2
    # Its own members are still told the name is taken.
    client.force_login(alice)
    response = client.post(
        new_url(team_index), {"title": "Verbouwing", "kind": "open", "description": "Nog een", "create_anyway": "on"}
    )
    assert response.status_code == 400
