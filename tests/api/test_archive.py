"""The archive package: closed requests of the token's departments and archived open teams, the same each time."""

import datetime
import io
import json
import zipfile

import pytest
from django.utils import timezone

from directregelen.models import RequestAttachment
from directregelen.services import respond
from teams.models import Kind, TeamPage
from teams.posting import create_post
from tests.api.conftest import Caller, make_request, make_token
from tests.directregelen.conftest import photo
from tests.teams.conftest import pdf_upload

pytestmark = pytest.mark.django_db

LAST_MONTH = timezone.localdate().replace(day=1) - datetime.timedelta(days=1)
PERIOD = LAST_MONTH.strftime("%Y-%m")
IN_PERIOD = timezone.make_aware(datetime.datetime(LAST_MONTH.year, LAST_MONTH.month, 10, 12))


@pytest.fixture
def archivist(client, ict):
    return Caller(client, make_token(["archive:read"], [ict])[1])


@pytest.fixture
def content(employee, ict, po, ict_staff, make_team, alice):
    done = make_request(employee, ict, title="Laptop kapot")
    respond(ict_staff, done, status="afgerond", body="Nieuwe laptop geleverd")
    RequestAttachment.objects.create(
        request=done, field_name="foto", file=photo(), original_name="laptop.png", content_type="image/png", size=72
    )
    open_request = make_request(employee, ict, title="Nog bezig")
    po_request = make_request(employee, po, title="Verlof")
    from directregelen.models import Request

    Request.objects.filter(pk__in=[done.pk, po_request.pk]).update(status="afgerond", done_at=IN_PERIOD)
    teams = {}
    for kind, title in ((Kind.OPEN, "Fotografie"), (Kind.CLOSED, "Ambassadeurs"), (Kind.PRIVATE, "Reorganisatie ICT")):
        team = make_team(title, kind)
        create_post(alice, team, text=f"Bericht in {title}", document=pdf_upload())
        teams[kind] = team
    TeamPage.objects.filter(pk__in=[t.pk for t in teams.values()]).update(archived_at=IN_PERIOD)
    return {"done": done, "open": open_request, "po": po_request, "teams": teams}


def _package(response):
    assert response.status_code == 200, response.content
    data = b"".join(response.streaming_content)
    return data, zipfile.ZipFile(io.BytesIO(data))


def test_the_package_holds_closed_requests_and_archived_open_teams_only(archivist, content):
    data, package = _package(archivist.get(f"/api/v1/archive/{PERIOD}"))
    manifest = json.loads(package.read("manifest.json"))
    assert manifest["format"] == "plein-archive" and manifest["format_version"] == 1
    assert [r["reference"] for r in manifest["requests"]] == [content["done"].reference]
    request = manifest["requests"][0]
    assert request["replies"][0]["body"] == "Nieuwe laptop geleverd"
    attachment = request["attachments"][0]
    assert package.read(attachment["file"]).startswith(b"\x89PNG")
    assert [team["title"] for team in manifest["teams"]] == ["Fotografie"]
    post = manifest["teams"][0]["posts"][0]
    assert post["text"] == "Bericht in Fotografie" and package.read(post["files"][0]).startswith(b"%PDF")
    text = data.decode("latin-1")
    for secret in ("Reorganisatie", "Ambassadeurs", "Verlof", "Nog bezig"):
        assert secret not in json.dumps(manifest) and secret not in text
    assert {entry["path"] for entry in manifest["files"]} == set(package.namelist()) - {"manifest.json"}


def test_fetching_again_gives_the_same_bytes_and_etag(archivist, content):
    first = archivist.get(f"/api/v1/archive/{PERIOD}")
    again = archivist.get(f"/api/v1/archive/{PERIOD}")
    assert _package(first)[0] == _package(again)[0]
    assert first["ETag"] == again["ETag"]
    assert archivist.get(f"/api/v1/archive/{PERIOD}", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_a_year_and_bad_or_unfinished_periods(archivist, content):
    year = archivist.get(f"/api/v1/archive/{LAST_MONTH.year - 1}")
    assert json.loads(_package(year)[1].read("manifest.json"))["requests"] == []
    for period in ("2026-13", "vorige-maand", "9999", "0000", "1899-05", timezone.localdate().strftime("%Y-%m")):
        response = archivist.get(f"/api/v1/archive/{period}")
        assert response.status_code == 400 and "period" in response.json()["errors"], period


def test_another_departments_token_gets_its_own_requests_only(client, content, po):
    caller = Caller(client, make_token(["archive:read"], [po])[1])
    manifest = json.loads(_package(caller.get(f"/api/v1/archive/{PERIOD}"))[1].read("manifest.json"))
    assert [r["reference"] for r in manifest["requests"]] == [content["po"].reference]


@pytest.mark.parametrize("period", ["1975", "1979-12", "1900"])
def test_years_before_zip_timestamps_are_400_not_500(archivist, period):
    response = archivist.get(f"/api/v1/archive/{period}")
    assert response.status_code == 400
    assert response.json()["errors"]["period"] == ["Gebruik een jaar (2026) of een maand (2026-11), vanaf 1980."]


def test_the_first_zip_year_is_a_package(archivist):
    response = archivist.get("/api/v1/archive/1980-01")
    assert response.status_code == 200
    assert json.loads(_package(response)[1].read("manifest.json"))["requests"] == []


def test_archive_fetches_have_their_own_lower_limit_per_token(client, ict, settings):
    settings.THROTTLE_LIMITS = {**settings.THROTTLE_LIMITS, "api_archive": {"minute": 1}}
    token, secret = make_token(["archive:read", "news:read"], [ict])
    caller = Caller(client, secret)
    assert caller.get("/api/v1/archive/2020").status_code == 200
    refused = caller.get("/api/v1/archive/2020-01")
    assert refused.status_code == 429 and refused.json()["status"] == 429
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert caller.get("/api/v1/news").status_code == 200  # the token's other calls go on
    assert Caller(client, make_token(["archive:read"], [ict])[1]).get("/api/v1/archive/2020").status_code == 200
