"""'Mijn gegevens' on the front end: ask, get notified, download (only you, only until it expires)."""

import io
import zipfile
from datetime import timedelta

import pytest
from django.utils import timezone

from privacy import retention
from privacy.models import DataExport
from social.models import Notification
from tests.factories import PersonFactory


@pytest.fixture
def other_client(client, db):
    other = PersonFactory(user__username="kees").user
    client.force_login(other)
    return client


def _request(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post("/mijn-gegevens/aanvragen/")


def _download(client, export):
    response = client.get(export.file.url)
    body = b"".join(response.streaming_content) if response.status_code == 200 else b""
    return response, body


def test_page_is_linked_from_the_account_menu(employee_client):
    home = employee_client.get("/")
    assert 'href="/mijn-gegevens/"' in home.content.decode()
    page = employee_client.get("/mijn-gegevens/")
    assert page.status_code == 200
    assert "<h1>Mijn gegevens</h1>" in page.content.decode()


def test_request_builds_the_zip_and_notifies(employee_client, employee, django_capture_on_commit_callbacks):
    response = _request(employee_client, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    export = DataExport.objects.get(user=employee)
    assert export.status == DataExport.Status.READY and export.file.name.startswith("privacy-exports/")
    assert export.expires_at > timezone.now() + timedelta(days=6)
    note = Notification.objects.get(recipient=employee, verb="notice")
    assert note.url == "/mijn-gegevens/" and "klaar" in note.title
    page = employee_client.get("/mijn-gegevens/").content.decode()
    assert export.file.url in page
    response, body = _download(employee_client, export)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;") and ".zip" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    archive = zipfile.ZipFile(io.BytesIO(body))
    assert "manifest.json" in archive.namelist() and "data/people.profile.json" in archive.namelist()


def test_the_link_is_only_for_its_owner(
    employee_client, employee, django_capture_on_commit_callbacks, client, django_user_model
):
    _request(employee_client, django_capture_on_commit_callbacks)
    export = DataExport.objects.get(user=employee)
    other = PersonFactory(user__username="kees").user
    client.force_login(other)
    assert _download(client, export)[0].status_code == 404
    client.logout()
    assert client.get(export.file.url).status_code == 302  # the login wall


def test_the_link_expires_and_the_file_goes(employee_client, employee, django_capture_on_commit_callbacks):
    _request(employee_client, django_capture_on_commit_callbacks)
    export = DataExport.objects.get(user=employee)
    storage, name = export.file.storage, export.file.name
    DataExport.objects.filter(pk=export.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    assert _download(employee_client, export)[0].status_code == 404
    assert storage.exists(name)
    done = retention.enforce()
    assert done["exports"] == 1 and not storage.exists(name)
    export.refresh_from_db()
    assert export.status == DataExport.Status.EXPIRED and not export.file


def test_requests_are_throttled(employee_client, employee, settings, django_capture_on_commit_callbacks):
    settings.THROTTLE_LIMITS = {**settings.THROTTLE_LIMITS, "privacy_export": {"hour": 2}}
    for _ in range(2):
        _request(employee_client, django_capture_on_commit_callbacks)
    response = employee_client.post("/mijn-gegevens/aanvragen/", follow=True)
    assert DataExport.objects.filter(user=employee).count() == 2
    assert "Probeer het later opnieuw" in response.content.decode()


def test_a_waiting_export_is_not_queued_twice(employee_client, employee):
    # Without running commit callbacks the job never runs: the first stays pending.
    employee_client.post("/mijn-gegevens/aanvragen/")
    employee_client.post("/mijn-gegevens/aanvragen/")
    assert DataExport.objects.filter(user=employee, status=DataExport.Status.PENDING).count() == 1


def test_page_queries_do_not_grow_with_exports(employee_client, employee):
    def count():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            assert employee_client.get("/mijn-gegevens/").status_code == 200
        return len(queries)

    DataExport.objects.create(user=employee)
    count()  # the first request fills per-process caches (site settings, menus)
    few = count()
    for _ in range(15):
        DataExport.objects.create(user=employee, status=DataExport.Status.EXPIRED)
    assert count() == few
