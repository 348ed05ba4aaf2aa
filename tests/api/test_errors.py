"""The error shape: Dutch field errors (also for pydantic's and django-ninja's own refusals)."""

import pytest

from tests.api.conftest import make_request

pytestmark = pytest.mark.django_db

DATETIME = "Stuur een datum en tijd in ISO 8601, bijvoorbeeld 2026-11-30T09:00:00+01:00."


def test_a_bad_cursor_has_a_dutch_message(ict_api):
    response = ict_api.get("/api/v1/requests", {"cursor": "@@"})
    assert response.status_code == 400
    assert response.json()["errors"] == {
        "cursor": ["Deze cursor is niet geldig; volg de link in next of previous zoals die gegeven is."]
    }


def test_query_field_errors_are_dutch(ict_api, api_client):
    errors = ict_api.get("/api/v1/requests", {"status": "klaar", "since": "gisteren"}).json()["errors"]
    assert errors == {
        "status": ["Kies een van: 'ontvangen', 'in_behandeling', 'afgerond'."],
        "since": [DATETIME],
    }
    news = api_client(["news:read"]).get("/api/v1/news", {"pinned": "misschien"})
    assert news.json()["errors"] == {"pinned": ["Stuur true of false."]}


def test_body_field_errors_are_dutch(ict_api, employee, ict):
    url = f"/api/v1/requests/{make_request(employee, ict).reference}"
    missing = ict_api.put(f"{url}/external-ticket", {})
    assert missing.status_code == 400
    assert missing.json()["errors"] == {"external_ticket": ["Dit veld is verplicht."]}
    too_long = ict_api.put(f"{url}/external-ticket", {"external_ticket": "x" * 65})
    assert too_long.json()["errors"] == {"external_ticket": ["Gebruik hoogstens 64 tekens."]}
    not_a_number = ict_api.post(f"{url}/responses", {"reply": "Hoi", "version": "drie"})
    assert not_a_number.json()["errors"] == {"version": ["Stuur een geheel getal."]}
    body = not_a_number.json()
    assert body["detail"] != body["detail_en"] and body["status"] == 400


def test_an_unknown_pydantic_error_still_gets_a_dutch_message():
    from ninja.errors import ValidationError

    from api.errors import _field_errors as field_errors
    from api.errors import body

    errors = field_errors(ValidationError([{"type": "uuid_parsing", "loc": ("query", "id"), "msg": "Input …"}]))
    assert body(400, errors=errors)["errors"] == {"id": ["Deze waarde is niet geldig."]}
