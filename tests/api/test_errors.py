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
    assert missing.json()["errors"] == {"external_ticket": ["Dit is een verplicht veld."]}
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


@pytest.mark.parametrize("path", ["/api/v1/bestaat-niet", "/api/v1/requests/ICT-1/iets", "/api/v1/"])
def test_an_unknown_api_path_is_a_json_404(client, ict_api, path):
    for response in (client.get(path), ict_api.get(path)):
        assert response.status_code == 404
        assert response["Content-Type"].startswith("application/json")
        body = response.json()
        assert body["status"] == 404 and body["detail"] == "Niet gevonden." and body["detail_en"] == "Not found."


def test_a_wrong_method_is_a_json_405_naming_the_allowed_ones(ict_api, employee, ict):
    reference = make_request(employee, ict).reference
    response = ict_api.client.delete(f"/api/v1/requests/{reference}", HTTP_AUTHORIZATION=f"Bearer {ict_api.secret}")
    assert response.status_code == 405
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["status"] == 405 and response.json()["detail_en"] == "This method is not allowed here."
    assert "GET" in response["Allow"]
    assert ict_api.get(f"/api/v1/requests/{reference}/responses").json()["status"] == 405
