"""Issue 14: password reset with the same work for every address, a rate limit and the right link."""

import pytest
from django.contrib.sites.models import Site
from django.core import mail

from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

URL = "/wachtwoord-vergeten/"
DONE = "/wachtwoord-vergeten/verstuurd/"


@pytest.fixture
def jan(db):
    return PersonFactory(user__username="jan", user__email="jan@gemeente.example").user


def request_reset(client, email, capture, execute=True, ip="192.0.2.10"):
    with capture(execute=execute) as callbacks:
        response = client.post(URL, {"email": email}, REMOTE_ADDR=ip)
    return response, callbacks


def test_known_and_unknown_addresses_take_the_same_path(client, jan, django_capture_on_commit_callbacks):
    outcomes = {}
    for email in ("jan@gemeente.example", "niemand@gemeente.example"):
        sent_before = len(mail.outbox)
        response, callbacks = request_reset(client, email, django_capture_on_commit_callbacks, execute=False)
        # Nothing is sent inside the request, for neither address: one job is handed over.
        assert len(mail.outbox) == sent_before
        outcomes[email] = (response.status_code, response["Location"], len(callbacks))
        for callback in callbacks:
            callback()
    assert outcomes["jan@gemeente.example"] == outcomes["niemand@gemeente.example"] == (302, DONE, 1)
    # The background work then mails the known address only.
    assert [message.to for message in mail.outbox] == [["jan@gemeente.example"]]


def test_the_fourth_request_for_one_address_sends_nothing(client, jan, django_capture_on_commit_callbacks):
    # Spellings Django matches to the same account (case, spaces) count as one address.
    spellings = ["Jan@Gemeente.example", "jan@gemeente.example", "JAN@GEMEENTE.EXAMPLE", " jan@GEMEENTE.example "]
    for attempt, spelling in enumerate(spellings):
        # From different client addresses, so that only the per-address limit applies.
        response, _ = request_reset(client, spelling, django_capture_on_commit_callbacks, ip=f"10.0.0.{attempt}")
        assert response.status_code == 302
        assert response["Location"] == DONE  # the same answer as always: no oracle
    assert len(mail.outbox) == 3


def test_one_client_address_is_limited_over_all_addresses(client, db, django_capture_on_commit_callbacks):
    for number in range(12):
        PersonFactory(user__username=f"m{number}", user__email=f"m{number}@gemeente.example")
    for number in range(12):
        response, _ = request_reset(client, f"m{number}@gemeente.example", django_capture_on_commit_callbacks)
        assert response["Location"] == DONE
    assert len(mail.outbox) == 10


def test_the_link_uses_the_configured_base_url_not_the_sites_domain(
    client, jan, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAILADMIN_BASE_URL = "https://intranet.gemeente.example"
    Site.objects.update_or_create(pk=settings.SITE_ID, defaults={"domain": "aanvaller.example", "name": "x"})
    request_reset(client, "jan@gemeente.example", django_capture_on_commit_callbacks)
    (message,) = mail.outbox
    links = [line.strip() for line in message.body.splitlines() if "/wachtwoord-herstellen/" in line]
    assert len(links) == 1
    assert links[0].startswith("https://intranet.gemeente.example/wachtwoord-herstellen/")
    assert "aanvaller.example" not in message.body + message.subject
    assert "Een nieuw wachtwoord voor Plein" in message.subject


def test_with_the_database_queue_both_addresses_write_one_job_row(client, jan, settings):
    """Same work in the request for a known and an unknown address: one queued job, nothing sent."""
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    for email in ("jan@gemeente.example", "niemand@gemeente.example"):
        assert client.post(URL, {"email": email}, REMOTE_ADDR="192.0.2.11")["Location"] == DONE
    rows = list(DBTaskResult.objects.order_by("enqueued_at").values_list("task_path", "args_kwargs", "status"))
    assert [(path, args["args"][0], status) for path, args, status in rows] == [
        ("intranet.tasks.send_password_reset", "jan@gemeente.example", "READY"),
        ("intranet.tasks.send_password_reset", "niemand@gemeente.example", "READY"),
    ]
    assert mail.outbox == []
