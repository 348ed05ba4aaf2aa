"""The admin's job list: administrators see what waits and what failed, and retry; others are refused."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from intranet import jobs
from tests.jobs import tasks_for_tests
from tests.jobs.tasks_for_tests import flaky

pytestmark = pytest.mark.django_db

URL = "/admin/achtergrondtaken/"


def failed_for_good(worker, label):
    jobs.enqueue(flaky, label, failures=10)
    for _ in range(3):
        worker()
        DBTaskResult.objects.filter(status="READY").update(run_after="2000-01-01T00:00Z")
    return jobs.failed_for_good().get(args_kwargs__args=[label])


def test_an_administrator_sees_failed_and_waiting_jobs_with_their_error(admin_client, database_queue, worker):
    failed = failed_for_good(worker, "kapot")
    jobs.enqueue(flaky, "wacht")
    response = admin_client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Achtergrondtaken" in html
    assert "ConnectionRefusedError: kapot: mail server down" in html
    assert "3 van 3" in html  # attempt 3 of 3
    assert "Opnieuw proberen" in html
    assert reverse("intranet_jobs_retry", args=[failed.pk]) in html
    # The dashboard counts them.
    dashboard = admin_client.get("/admin/").content.decode()
    assert "1 taak definitief mislukt" in dashboard and "1 wachtend" in dashboard


def test_retry_queues_the_job_again(admin_client, database_queue, worker):
    failed = failed_for_good(worker, "opnieuw")
    response = admin_client.post(reverse("intranet_jobs_retry", args=[failed.pk]))
    assert response.status_code == 302
    assert not jobs.failed_for_good().exists()
    tasks_for_tests.CALLS.clear()
    worker()
    assert tasks_for_tests.CALLS == ["opnieuw"]


def test_the_list_costs_the_same_queries_with_more_jobs(admin_client, database_queue, worker):
    failed_for_good(worker, "een")
    for n in range(3):
        jobs.enqueue(flaky, f"wacht{n}")
    admin_client.get(URL)  # a first admin request makes the site's settings rows once
    with CaptureQueriesContext(connection) as few:
        admin_client.get(URL)
    for n in range(3):
        failed_for_good(worker, f"meer{n}")
    for n in range(10):
        jobs.enqueue(flaky, f"nog{n}")
    with CaptureQueriesContext(connection) as more:
        assert admin_client.get(URL).status_code == 200
    assert len(more) == len(few)


def test_an_employee_is_refused(employee_client, database_queue, worker):
    failed = failed_for_good(worker, "geheim")
    response = employee_client.get(URL)
    assert response.status_code == 302 and response["Location"].startswith("/inloggen/")
    assert "geheim" not in response.content.decode()
    response = employee_client.post(reverse("intranet_jobs_retry", args=[failed.pk]))
    assert response.status_code == 302 and response["Location"].startswith("/inloggen/")
    assert jobs.failed_for_good().filter(pk=failed.pk).exists()


def test_an_editor_with_admin_access_is_sent_back_to_the_dashboard(client, database_queue, worker):
    """Wagtail answers a PermissionDenied in its admin with a redirect to the dashboard and a message."""
    from django.contrib.auth.models import Permission

    from tests.factories import PersonFactory

    editor = PersonFactory(user__username="redacteur").user
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    failed = failed_for_good(worker, "geheim")
    response = client.get(URL)
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    response = client.post(reverse("intranet_jobs_retry", args=[failed.pk]))
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert jobs.failed_for_good().filter(pk=failed.pk).exists()
    dashboard = client.get("/admin/").content.decode()
    assert "achtergrondtaken" not in dashboard and "definitief mislukt" not in dashboard
