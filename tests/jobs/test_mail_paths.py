"""Every mail goes out through a job (immediate backend here): one connection per batch, never twice."""

import datetime
from unittest import mock

import pytest
from django.core import mail
from django.utils import timezone

from directregelen import tasks as directregelen_tasks
from directregelen.models import Request
from intranet import mail as intranet_mail
from social import notifications, services
from social.models import Notification
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def connections_opened(monkeypatch):
    opened = []
    real = intranet_mail.get_connection

    def counting(*args, **kwargs):
        opened.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(intranet_mail, "get_connection", counting)
    return opened


def test_a_mention_of_five_colleagues_is_one_job_on_one_connection(
    news_page, connections_opened, django_capture_on_commit_callbacks
):
    mentioned = [PersonFactory(user__email=f"c{n}@gemeente.example").user for n in range(5)]
    for user in mentioned:
        notifications.set_email_preference(user, "immediately")
    commenter = PersonFactory(user__username="karim").user
    text = "Overleg " + " ".join(f"@{user.person.slug}" for user in mentioned)
    with django_capture_on_commit_callbacks(execute=True):
        services.post_comment(commenter, news_page, text)
    assert sorted(m.to[0] for m in mail.outbox) == [f"c{n}@gemeente.example" for n in range(5)]
    assert connections_opened == [1]
    assert Notification.objects.filter(recipient__in=mentioned, emailed_at__isnull=False).count() == 5


def test_the_mail_job_run_again_sends_nothing_twice(news_page, employee, django_capture_on_commit_callbacks):
    from social.tasks import mail_notifications

    notifications.set_email_preference(employee, "immediately")
    with django_capture_on_commit_callbacks(execute=True):
        services.post_comment(PersonFactory().user, news_page, f"Hoi @{employee.person.slug}")
    assert len(mail.outbox) == 1
    mail_notifications.call(list(Notification.objects.filter(recipient=employee).values_list("pk", flat=True)))
    assert len(mail.outbox) == 1


def test_what_the_retries_could_not_deliver_goes_out_with_the_digest(
    news_page, employee, django_capture_on_commit_callbacks
):
    notifications.set_email_preference(employee, "immediately")
    with mock.patch(
        "django.core.mail.backends.locmem.EmailBackend.send_messages", side_effect=ConnectionRefusedError("down")
    ):
        with django_capture_on_commit_callbacks(execute=True):
            services.post_comment(PersonFactory().user, news_page, f"Hoi @{employee.person.slug}")
    assert mail.outbox == []
    # Within the retries' window the digest leaves it to the job (the page's author gets theirs) ...
    notifications.send_digests()
    assert employee.email not in [m.to[0] for m in mail.outbox]
    # ... after it, the digest sends it, once.
    later = timezone.now() + notifications.IMMEDIATE_FALLBACK + datetime.timedelta(minutes=1)
    assert notifications.send_digests(now=later) == 1
    assert notifications.send_digests(now=later) == 0
    assert [m.to[0] for m in mail.outbox].count(employee.email) == 1


def test_the_department_mail_job_sends_once_and_sets_mailed_at(
    employee_client, ict_form, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        employee_client.post(
            "/direct-regelen/ict/storing-melden/", {"wat_is_er_aan_de_hand": "Scherm zwart", "locatie": "2.14"}
        )
    request = Request.objects.get()
    assert request.mailed_at is not None
    assert [m.to for m in mail.outbox] == [["ict@gemeente.example"]]
    assert directregelen_tasks.mail_request_to_department.call(request.pk) is False  # a retry: nothing
    assert len(mail.outbox) == 1


def test_the_hr_import_reindexes_through_a_job(database_queue, worker):
    from django_tasks_db.models import DBTaskResult
    from wagtail.search.backends import get_search_backend

    from people.importer import COLUMNS, import_people
    from people.models import Person

    row = {name: "" for name in COLUMNS}
    row.update(employee_number="9001", first_name="Zoë", last_name="Vermeulen", email="zoe@gemeente.example")
    text = ",".join(COLUMNS) + "\n" + ",".join(row[name] for name in COLUMNS) + "\n"
    import_people(text, partial=True)
    person = Person.objects.get(employee_number="9001")
    (job,) = DBTaskResult.objects.filter(task_path="search.tasks.reindex")
    assert job.args_kwargs["args"] == ["people", "person", [person.pk]]
    assert person not in list(get_search_backend().search("Vermeulen", Person))  # not in the import itself
    worker()
    assert person in list(get_search_backend().search("Vermeulen", Person))
