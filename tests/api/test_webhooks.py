"""Webhooks: signed JSON to the department's receiver for new requests and status changes, retried by the jobs."""

import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import urllib3
from django.core.exceptions import ValidationError
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from api import webhooks
from api.models import Webhook, WebhookDelivery
from directregelen.services import respond
from intranet import jobs
from tests.api.conftest import make_request
from tests.jobs.conftest import DATABASE_QUEUE, run_worker

pytestmark = pytest.mark.django_db


class Receiver:
    """A local HTTP server answering with the given statuses in turn (then 200), keeping what it got."""

    def __init__(self, statuses=()):
        self.statuses, self.received = list(statuses), []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.received.append((dict(self.headers), body))
                self.send_response(receiver.statuses.pop(0) if receiver.statuses else 200)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/plein"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver(settings):
    settings.API_WEBHOOK_ALLOW_PRIVATE = True  # the test receiver is on loopback
    made = []

    def make(statuses=()):
        made.append(Receiver(statuses))
        return made[-1]

    yield make
    for item in made:
        item.close()


@pytest.fixture
def worker(monkeypatch, settings):
    settings.TASKS = DATABASE_QUEUE
    monkeypatch.setattr("django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None)
    return run_worker


def test_a_status_change_is_delivered_signed(
    receiver, employee, ict, ict_staff, po, django_capture_on_commit_callbacks
):
    good = receiver()
    webhook = Webhook.objects.create(name="TOPdesk", department=ict, url=good.url)
    Webhook.objects.create(name="HR", department=po, url=receiver().url)  # another department hears nothing
    request = make_request(employee, ict)
    with django_capture_on_commit_callbacks(execute=True):
        respond(ict_staff, request, status="in_behandeling", body="Komt goed")
    assert len(good.received) == 1
    headers, body = good.received[0]
    assert webhooks.verify(webhook.secret, headers["X-Plein-Signature"], body)
    assert not webhooks.verify("een ander geheim", headers["X-Plein-Signature"], body)
    assert not webhooks.verify(webhook.secret, headers["X-Plein-Signature"], body + b" ")
    payload = json.loads(body)
    assert payload["event"] == "request.status_changed" and headers["X-Plein-Event"] == "request.status_changed"
    assert payload["request"]["reference"] == request.reference and payload["request"]["status"] == "in_behandeling"
    assert "Aanvraag" not in body.decode()  # the answers are read with a token, not pushed
    delivery = WebhookDelivery.objects.get(webhook=webhook)
    assert delivery.status == "delivered" and delivery.attempts == 1 and delivery.response_status == 200
    assert WebhookDelivery.objects.count() == 1


def test_a_reply_without_status_change_sends_nothing(receiver, employee, ict, ict_staff):
    Webhook.objects.create(name="TOPdesk", department=ict, url=receiver().url)
    respond(ict_staff, make_request(employee, ict), body="Alleen een antwoord")
    assert not WebhookDelivery.objects.exists()


def test_a_new_request_is_delivered(receiver, employee_client, ict_form, django_capture_on_commit_callbacks):
    good = receiver()
    Webhook.objects.create(name="TOPdesk", department=ict_form.get_parent().specific, url=good.url)
    with django_capture_on_commit_callbacks(execute=True):
        response = employee_client.post(ict_form.url, {"wat_is_er_aan_de_hand": "Scherm", "locatie": "2.14"})
    assert response.status_code in (200, 302)
    assert [json.loads(body)["event"] for _headers, body in good.received] == ["request.created"]


def test_a_failing_receiver_is_retried_by_the_jobs_until_it_takes_it(receiver, worker, employee, ict, ict_staff):
    flaky = receiver(statuses=[500])
    webhook = Webhook.objects.create(name="TOPdesk", department=ict, url=flaky.url)
    respond(ict_staff, make_request(employee, ict), status="afgerond")
    worker()
    delivery = WebhookDelivery.objects.get(webhook=webhook)
    # A retry is queued: still pending, with what went wrong.
    assert delivery.status == "pending" and delivery.attempts == 1 and delivery.response_status == 500
    assert delivery.error == "receiver answered 500"
    failed = DBTaskResult.objects.get(status="FAILED")
    assert failed.exception_class_path == jobs.WILL_RETRY_PATH
    again = DBTaskResult.objects.get(status="READY")
    assert again.args_kwargs["kwargs"] == {"job_attempt": 2}
    DBTaskResult.objects.filter(pk=again.pk).update(run_after=timezone.now())  # a minute later
    worker()
    delivery.refresh_from_db()
    assert delivery.status == "delivered" and delivery.attempts == 2 and delivery.error == ""
    assert len(flaky.received) == 2
    # The same delivery id both times, so the receiver can drop a duplicate.
    assert {headers["X-Plein-Delivery"] for headers, _body in flaky.received} == {str(delivery.pk)}


@pytest.mark.parametrize(
    "url",
    [
        "http://ict.example/hook",  # not https
        "https://127.0.0.1/hook",
        "https://10.1.2.3/hook",
        "https://192.168.0.5/hook",
        "https://169.254.169.254/latest/meta-data",
        "https://[::1]/hook",
        "https://localhost/hook",
        # IPv6 forms that lead to a private IPv4 address (NAT64, 6to4, mapped, IPv4-compatible)
        "https://[64:ff9b::7f00:1]/hook",
        "https://[2002:7f00:1::]/hook",
        "https://[::ffff:10.0.0.1]/hook",
        "https://[::127.0.0.1]/hook",
    ],
)
def test_receivers_inside_the_network_are_refused(url, settings):
    settings.API_WEBHOOK_ALLOW_PRIVATE = False
    with pytest.raises(ValidationError):
        webhooks.check_url(url)


def test_delivery_refuses_a_private_address_even_if_saved(
    employee, ict, ict_staff, settings, django_capture_on_commit_callbacks
):
    settings.API_WEBHOOK_ALLOW_PRIVATE = False
    webhook = Webhook.objects.create(name="Intern", department=ict, url="https://127.0.0.1:9/hook")
    with django_capture_on_commit_callbacks(execute=True):
        respond(ict_staff, make_request(employee, ict), status="afgerond")
    delivery = WebhookDelivery.objects.get(webhook=webhook)
    assert delivery.status == "failed"
    assert delivery.error == "Adressen binnen het netwerk van de organisatie zijn niet toegestaan."


def test_the_signature_check_in_the_docs_accepts_our_signature():
    """docs/api.md shows receivers how to check X-Plein-Signature: that code must accept what we send."""
    import re
    import time
    from pathlib import Path

    docs = (Path(__file__).resolve().parents[2] / "docs" / "api.md").read_text()
    code = re.search(r"```python\n(.*?)```", docs, re.S).group(1)
    namespace = {}
    exec(code, namespace)  # noqa: S102 (our own documentation)
    body = b'{"event":"request.created"}'
    header = webhooks.sign("geheim", int(time.time()), body)
    assert namespace["valid"]("geheim", header, body)
    assert not namespace["valid"]("ander", header, body)
    assert not namespace["valid"]("geheim", webhooks.sign("geheim", int(time.time()) - 3600, body), body)


def test_delivery_connects_to_the_checked_address_not_a_second_dns_answer(
    employee, ict, ict_staff, settings, monkeypatch, django_capture_on_commit_callbacks
):
    """DNS rebinding: the name answers a public address when checked and 127.0.0.1 after that."""
    settings.API_WEBHOOK_ALLOW_PRIVATE = False
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.example:3128")  # the environment's proxy is not used
    answers = iter(["93.184.216.34", "127.0.0.1"])
    asked, connected = [], []

    def getaddrinfo(host, port, *args, **kwargs):
        asked.append(host)
        address = host if host[0].isdigit() else next(answers, "127.0.0.1")
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]

    def create_connection(address, *args, **kwargs):
        connected.append(address)
        raise OSError("no network in tests")

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(urllib3.util.connection, "create_connection", create_connection)
    webhook = Webhook.objects.create(name="TOPdesk", department=ict, url="https://hooks.example/plein")
    with django_capture_on_commit_callbacks(execute=True):
        respond(ict_staff, make_request(employee, ict), status="afgerond")
    assert asked == ["hooks.example"]  # resolved once
    assert connected == [("93.184.216.34", 443)]
    assert WebhookDelivery.objects.get(webhook=webhook).status in ("pending", "failed")


def test_delivery_sends_the_host_name_in_the_host_header(
    receiver, employee, ict, ict_staff, monkeypatch, django_capture_on_commit_callbacks
):
    good = receiver()
    url = good.url.replace("127.0.0.1", "receiver.test")
    real = socket.getaddrinfo
    monkeypatch.setattr(
        socket, "getaddrinfo", lambda host, *a, **k: real("127.0.0.1" if host == "receiver.test" else host, *a, **k)
    )
    Webhook.objects.create(name="TOPdesk", department=ict, url=url)
    with django_capture_on_commit_callbacks(execute=True):
        respond(ict_staff, make_request(employee, ict), status="afgerond")
    assert good.received and good.received[0][0]["Host"] == f"receiver.test:{good.server.server_port}"


def test_a_delivery_fails_only_after_its_last_attempt(receiver, employee, ict, ict_staff):
    from api.tasks import WEBHOOK_RETRIES

    down = receiver(statuses=[503] * (WEBHOOK_RETRIES + 1))
    webhook = Webhook.objects.create(name="TOPdesk", department=ict, url=down.url)
    delivery = WebhookDelivery.objects.create(webhook=webhook, event="request.created", payload={})
    for attempt in range(1, WEBHOOK_RETRIES + 2):
        with pytest.raises(RuntimeError):
            webhooks.deliver(delivery.pk, attempts_allowed=WEBHOOK_RETRIES + 1)
        delivery.refresh_from_db()
        assert delivery.attempts == attempt and delivery.error == "receiver answered 503"
        assert delivery.status == ("failed" if attempt == WEBHOOK_RETRIES + 1 else "pending"), attempt
