import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from api import tokens
from directregelen.models import Request
from tests.directregelen.conftest import (  # noqa: F401  (fixtures shared with directregelen's tests)
    _forget_portal_link,
    ict,
    ict_form,
    ict_staff,
    other_employee,
    po,
    portal,
)
from tests.directregelen.test_my_requests import make_request as _make_request
from tests.news.conftest import author, make_news, news_index  # noqa: F401
from tests.teams.conftest import alice, make_team, team_index  # noqa: F401


def make_request(user, department, title="Storing melden", **extra):
    """directregelen's test request, each one submitted a minute before the one made before it."""
    extra.setdefault("submitted_at", timezone.now() - datetime.timedelta(minutes=Request.objects.count() + 1))
    return _make_request(user, department, title, **extra)


def count_queries(caller, url):
    """Queries of one call, after a first call warmed the per-process caches (content types, sites)."""
    caller.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = caller.get(url)
    assert response.status_code == 200
    return len(queries)


class Caller:
    """The test client with a token in the Authorization header."""

    def __init__(self, client, secret):
        self.client, self.secret = client, secret

    def _headers(self, headers):
        return {"HTTP_AUTHORIZATION": f"Bearer {self.secret}", **headers}

    def get(self, path, data=None, **headers):
        return self.client.get(path, data, **self._headers(headers))

    def post(self, path, data=None, **headers):
        return self.client.post(path, data or {}, content_type="application/json", **self._headers(headers))

    def put(self, path, data=None, **headers):
        return self.client.put(path, data or {}, content_type="application/json", **self._headers(headers))


def make_token(scopes, departments=(), **extra):
    return tokens.create("TOPdesk", scopes, departments, **extra)


@pytest.fixture
def ict_token(ict):  # noqa: F811
    return make_token(["requests:read", "requests:write:ICT"], [ict])


@pytest.fixture
def ict_api(client, ict_token):
    return Caller(client, ict_token[1])


@pytest.fixture
def api_client(client):
    def make(scopes, departments=(), **extra):
        return Caller(client, make_token(scopes, departments, **extra)[1])

    return make
