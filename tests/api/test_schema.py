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
