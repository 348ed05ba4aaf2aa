"""examples/topdesk_client.py against Plein: the employee sees TOPdesk's steps under Mijn aanvragen."""

import importlib.util
import json
from pathlib import Path

import pytest
from django.core import mail

from directregelen.services import respond
from tests.api.conftest import make_request

pytestmark = pytest.mark.django_db

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "topdesk_client.py"


def load_example():
    spec = importlib.util.spec_from_file_location("topdesk_client", EXAMPLE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class DjangoTransport:
    """requests.Session.request on Django's test client, so the example runs unchanged in a test."""

    def __init__(self, client):
        self.client = client

    def request(self, method, url, *, json=None, params=None, headers=None, timeout=None):
        path = url.removeprefix("http://testserver")
        extra = {f"HTTP_{name.upper().replace('-', '_')}": value for name, value in (headers or {}).items()}
        if method == "GET":
            return _Response(self.client.get(path, params or {}, **extra))
        body = __import__("json").dumps(json or {})
        return _Response(getattr(self.client, method.lower())(path, body, content_type="application/json", **extra))


class _Response:
    def __init__(self, response):
        self.status_code, self.headers, self._response = response.status_code, response.headers, response

    def json(self):
        return json.loads(self._response.content)


@pytest.fixture
def topdesk(client, ict_token):
    module = load_example()
    return module, module.Plein("http://testserver", ict_token[1], http=DjangoTransport(client))


def test_topdesk_works_the_oldest_new_ict_request(
    topdesk, client, employee, ict, po, django_capture_on_commit_callbacks
):
    module, plein = topdesk
    newer = make_request(employee, ict, title="Muis kapot")
    oldest = make_request(employee, ict, title="Printer kapot")  # made second, submitted earlier (conftest)
    make_request(employee, po, title="Verlof")
    assert {r["reference"] for r in plein.new_requests("ICT")} == {newer.reference, oldest.reference}
    with django_capture_on_commit_callbacks(execute=True):
        done = module.work_one(plein, "I2612-0042", "Opgelost: de printer is vervangen.")
    assert done["reference"] == oldest.reference and done["status"] == "afgerond"
    assert done["external_ticket"] == "I2612-0042" and done["version"] == 4
    assert len(mail.outbox) == 2 and all(m.to == [employee.email] for m in mail.outbox)
    client.force_login(employee)
    listing = client.get("/aanvragen/").content.decode()
    assert oldest.reference in listing and "Afgerond" in listing
    detail = client.get(f"/aanvragen/{oldest.reference}/").content.decode()
    assert "Uw melding staat in TOPdesk onder I2612-0042." in detail
    assert "Opgelost: de printer is vervangen." in detail
    assert [r["reference"] for r in plein.new_requests("ICT")] == [newer.reference]


def test_a_change_in_the_admin_meanwhile_stops_topdesk_with_409(topdesk, employee, ict, ict_staff):
    module, plein = topdesk
    request = make_request(employee, ict)
    read = plein.new_requests("ICT")[0]
    respond(ict_staff, request, status="in_behandeling", body="Ik pak hem zelf op.")
    with pytest.raises(module.PleinError) as refused:
        plein.set_status(read, "afgerond", "Klaar")
    assert refused.value.status == 409
    request.refresh_from_db()
    assert request.status == "in_behandeling"
