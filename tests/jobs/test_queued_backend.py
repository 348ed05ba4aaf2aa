"""Mail that Plein's own jobs do not send (Wagtail's moderation and workflow mails, Django's own) goes
through the job queue too: intranet.mail.QueuedBackend."""

import pytest
from django.core import mail
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from intranet.mail import QUEUED_BACKEND

pytestmark = pytest.mark.django_db


@pytest.fixture
def queued(settings):
    settings.EMAIL_BACKEND = QUEUED_BACKEND
    settings.MAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def test_wagtails_own_mail_is_a_job_delivered_with_its_html(queued, django_capture_on_commit_callbacks):
    from wagtail.admin.mail import send_mail

    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            send_mail("Ter beoordeling", "Tekst", ["redacteur@gemeente.example"], html_message="<p>Tekst</p>")
            assert mail.outbox == []  # not inside the request's transaction
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "Ter beoordeling" and message.to == ["redacteur@gemeente.example"]
    assert message.alternatives[0][1] == "text/html" and "<p>Tekst</p>" in str(message.alternatives[0][0])


def test_with_the_database_queue_the_mail_waits_as_a_job_row(queued, database_queue, worker):
    from django.core.mail import EmailMessage

    EmailMessage(
        "Onderwerp", "Tekst", to=["a@gemeente.example"], cc=["b@gemeente.example"], headers={"X-Plein": "1"}
    ).send()
    assert mail.outbox == []
    assert DBTaskResult.objects.filter(task_path="intranet.tasks.send_mails").count() == 1
    worker()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].cc == ["b@gemeente.example"] and mail.outbox[0].extra_headers["X-Plein"] == "1"


def test_a_failing_delivery_is_retried_not_lost(queued, database_queue, worker, settings):
    from django.core.mail import EmailMessage

    settings.MAIL_DELIVERY_BACKEND = "tests.jobs.test_queued_backend.RefusingBackend"
    EmailMessage("Onderwerp", "Tekst", to=["a@gemeente.example"]).send()
    worker()
    assert mail.outbox == []
    waiting = DBTaskResult.objects.filter(task_path="intranet.tasks.send_mails").order_by("enqueued_at")
    assert waiting.count() == 2  # the failed attempt, and the next one queued with its back-off
    assert waiting.last().status == "READY"


class RefusingBackend:
    def __init__(self, *args, **kwargs):
        pass

    def open(self):
        raise ConnectionRefusedError("mail server away")

    def close(self):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server away")
