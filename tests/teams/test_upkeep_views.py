"""The community managers' pages, the admins' keep page and the live duplicate suggestions."""

from datetime import timedelta

import pytest
from django.utils import timezone

from teams import services
from teams.archiving import archive_team
from teams.models import Kind, Membership, TeamPage, TeamPost

pytestmark = pytest.mark.django_db

BASE = "/teams-acties/beheer/"


def quiet(team, days=200):
    TeamPage.objects.filter(pk=team.pk).update(last_activity_at=timezone.now() - timedelta(days=days))


@pytest.fixture
def upkeep_data(make_team, moderator):
    photo = make_team("Fotografie")
    club = make_team("Fotografieclub")
    schaken = make_team("Schaken")
    koor = make_team("Koor")
    secret = make_team("Geheime fotografie", Kind.PRIVATE)
    quiet(schaken)
    quiet(secret)
    archive_team(moderator, koor)
    return {"photo": photo, "club": club, "schaken": schaken, "koor": koor, "secret": secret}


@pytest.mark.parametrize(
    "method,path",
    [
        ("get", ""),
        ("get", "stil/"),
        ("get", "dubbel/"),
        ("get", "gearchiveerd/"),
        ("get", "samenvoegen/?bron={photo}&doel={club}"),
        ("post", "samenvoegen/?bron={photo}&doel={club}"),
        ("post", "{schaken}/archiveren/"),
        ("post", "{koor}/herstellen/"),
    ],
)
def test_plain_employees_get_403(upkeep_data, client, bob, method, path):
    client.force_login(bob)
    url = BASE + path.format(**{name: team.pk for name, team in upkeep_data.items()})
    data = {"bron": upkeep_data["photo"].pk, "doel": upkeep_data["club"].pk} if method == "post" else None
    response = getattr(client, method)(url, data) if data else getattr(client, method)(url)
    assert response.status_code == 403
    assert TeamPage.objects.get(pk=upkeep_data["photo"].pk).archived_at is None
    assert TeamPage.objects.get(pk=upkeep_data["schaken"].pk).archived_at is None
    assert TeamPage.objects.get(pk=upkeep_data["koor"].pk).archived_at is not None


def test_anonymous_visitors_go_to_the_login(client):
    response = client.get(BASE)
    assert response.status_code == 302 and response["Location"].startswith("/inloggen/")


def test_overview_shows_quiet_duplicates_and_archived_but_no_private_names(upkeep_data, client, moderator):
    client.force_login(moderator)
    response = client.get(BASE)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Schaken" in html  # quiet
    assert f"samenvoegen/?bron={upkeep_data['photo'].pk}" in html or "Fotografieclub" in html
    assert "Koor" in html  # archived, with a restore button
    assert "Geheime fotografie" not in html  # a private team stays hidden from managers outside it
    assert html.count("<h1") == 1


@pytest.mark.parametrize("size", [2, 12])
def test_overview_query_count_is_fixed(make_team, client, moderator, size, django_assert_max_num_queries):
    for number in range(size):
        team = make_team(f"Fotografie {number}")
        quiet(make_team(f"Stil {number}"))
        archive_team(moderator, make_team(f"Oud {number}"))
        assert team
    client.force_login(moderator)
    client.get(BASE)
    with django_assert_max_num_queries(17):
        response = client.get(BASE)
    assert response.status_code == 200


def test_merge_through_the_pages(upkeep_data, client, moderator):
    photo, club = upkeep_data["photo"], upkeep_data["club"]
    services.create_post(photo.owner, club, text="Clubfoto")
    client.force_login(moderator)
    preview = client.get(BASE + f"samenvoegen/?bron={club.pk}&doel={photo.pk}")
    assert preview.status_code == 200
    assert "<form" in preview.content.decode()
    response = client.post(BASE + "samenvoegen/", {"bron": club.pk, "doel": photo.pk})
    assert response.status_code == 302 and response["Location"] == "/teams/fotografie/"
    assert TeamPost.objects.filter(team=photo).count() == 1
    assert TeamPage.objects.get(pk=club.pk).merged_into_id == photo.pk


def test_a_refused_merge_is_explained(make_team, client, moderator):
    closed = make_team("Fotografie besloten", Kind.CLOSED)
    open_team = make_team("Fotografie")
    client.force_login(moderator)
    page = client.get(BASE + f"samenvoegen/?bron={closed.pk}&doel={open_team.pk}").content.decode()
    assert 'role="alert"' in page and 'action="/teams-acties/beheer/samenvoegen/"' not in page
    response = client.post(BASE + "samenvoegen/", {"bron": closed.pk, "doel": open_team.pk})
    assert response.status_code == 400
    assert TeamPage.objects.get(pk=closed.pk).merged_into_id is None


def test_a_private_team_is_404_for_managers_outside_it(upkeep_data, client, moderator):
    client.force_login(moderator)
    secret = upkeep_data["secret"]
    assert client.get(BASE + f"samenvoegen/?bron={secret.pk}&doel={upkeep_data['photo'].pk}").status_code == 404
    assert client.post(BASE + f"{secret.pk}/archiveren/").status_code == 404
    assert TeamPage.objects.get(pk=secret.pk).archived_at is None


def test_archive_and_restore_buttons(upkeep_data, client, moderator):
    client.force_login(moderator)
    schaken = upkeep_data["schaken"]
    response = client.post(BASE + f"{schaken.pk}/archiveren/", {"next": "https://elders.example/"})
    assert response.status_code == 302 and response["Location"] == BASE + "stil/"
    assert TeamPage.objects.get(pk=schaken.pk).is_archived
    assert "Schaken" in client.get(BASE + "gearchiveerd/").content.decode()
    response = client.post(BASE + f"{schaken.pk}/herstellen/", {"next": BASE})
    assert response.status_code == 302 and response["Location"] == BASE
    assert not TeamPage.objects.get(pk=schaken.pk).is_archived
    assert client.get(BASE + f"{schaken.pk}/archiveren/").status_code == 405


def test_team_admins_keep_their_team(upkeep_data, client, alice, bob):
    schaken = upkeep_data["schaken"]
    url = BASE + f"{schaken.pk}/houden/"
    client.force_login(bob)
    assert client.get(url).status_code == 403
    client.force_login(alice)
    assert client.get(url).status_code == 200
    response = client.post(url)
    assert response.status_code == 302 and response["Location"] == "/teams/schaken/"
    assert TeamPage.objects.get(pk=schaken.pk).keep_until > timezone.now()
    # A private team's keep page does not exist for outsiders.
    client.force_login(bob)
    assert client.get(BASE + f"{upkeep_data['secret'].pk}/houden/").status_code == 404


def test_similar_suggestions_fragment_and_json(upkeep_data, client, bob, alice):
    client.force_login(bob)
    response = client.get(BASE + "vergelijkbaar/", {"title": "fotografie"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Fotografie" in html and "Fotografieclub" in html and 'href="/teams/fotografie/"' in html
    assert "Geheime" not in html
    data = client.get(BASE + "vergelijkbaar/", {"title": "fotografie", "format": "json"}).json()
    assert [team["title"] for team in data["teams"]][:2] == ["Fotografie", "Fotografieclub"]
    assert client.get(BASE + "vergelijkbaar/", {"title": "x"}).content.decode().strip() == ""
    client.force_login(alice)
    assert "Geheime fotografie" in client.get(BASE + "vergelijkbaar/", {"title": "fotografie"}).content.decode()
    assert Membership.objects.count() >= 5
