"""The OpenAPI schema is valid OpenAPI 3 and documents every endpoint, its errors and its auth."""

import json

import pytest
from openapi_spec_validator import validate

pytestmark = pytest.mark.django_db


@pytest.fixture
def schema(client, employee):
    client.force_login(employee)
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return json.loads(response.content)


def test_the_schema_validates(schema):
    validate(schema)


def test_every_endpoint_is_under_v1_and_needs_auth(schema):
    paths = schema["paths"]
    assert {"/api/v1/requests", "/api/v1/news", "/api/v1/people", "/api/v1/pages", "/api/v1/archive/{period}"} <= set(
        paths
    )
    for path, operations in paths.items():
        assert path.startswith("/api/v1/")
        for method, operation in operations.items():
            assert operation.get("security"), f"{method.upper()} {path} has no security"
    schemes = schema["components"]["securitySchemes"]
    assert any(scheme.get("scheme") == "bearer" for scheme in schemes.values())


def test_writes_accept_only_a_token(schema):
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            if method != "get":
                assert operation["security"] == [{"TokenAuth": []}], path


def test_every_operation_documents_its_json_errors(schema):
    error = schema["components"]["schemas"]["ErrorOut"]
    assert {"status", "detail", "detail_en"} <= set(error["required"])
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            for code in ("200", "401", "429"):
                assert code in operation["responses"], f"{method.upper()} {path} does not document {code}"
            assert operation["responses"]["401"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorOut")
    archive = schema["paths"]["/api/v1/archive/{period}"]["get"]["responses"]["200"]
    assert "application/zip" in archive["content"]
