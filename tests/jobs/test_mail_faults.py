"""Issues 17 and 21: with the mail server stopped or hanging, requests stay fast and no mail is lost.

A real SMTP server (aiosmtpd) on a loopback port, the database queue and the real worker command.
"""

import socket
import threading
import time

import pytest
from aiosmtpd.controller import Controller
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from directregelen.models import Request
from social import notifications
from social.models import Notification
from tests.factories import PersonFactory
from tests.jobs.conftest import DATABASE_QUEUE, run_worker

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

FAST = 2.0  # seconds: a request that waited on SMTP would take EMAIL_TIMEOUT or more


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        self.messages.append((tuple(envelope.rcpt_tos), envelope.content.decode("utf-8", "replace")))
        return "250 OK"

    def to(self, address):
        return [content for rcpts, content in self.messages if address in rcpts]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp(settings):
    port = free_port()
    # As in production: everything queued, the jobs deliver over SMTP.
    settings.EMAIL_BACKEND = "intranet.mail.QueuedBackend"
    settings.MAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 2
    settings.TASKS = DATABASE_QUEUE
    return port


def make_due():
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())


def timed_post(client, url, data):
    started = time.monotonic()
    response = client.post(url, data)
    return response, time.monotonic() - started


def test_stopped_mail_server_loses_nothing_and_mails_once(client, smtp, news_page, ict_form):
    colleague = PersonFactory(first_name="Noor", user__email="noor@gemeente.example").user
    news_page.author.user.email = "ingrid@gemeente.example"
    news_page.author.user.save()
    for user in (colleague, news_page.author.user):
        notifications.set_email_preference(user, "immediately")
    commenter = PersonFactory(first_name="Karim", user__username="karim", user__email="karim@gemeente.example").user
    client.force_login(commenter)

    # The mail server is down. The comment (mentioning a colleague) and a Direct regelen request succeed fast.
    url = reverse("social:comment_post", args=[news_page.content_type_id, news_page.pk])
    response, took = timed_post(client, url, {"comment": f"Zie je dit, @{colleague.person.slug}?"})
    assert response.status_code == 302 and took < FAST
    response, took = timed_post(
        client, "/direct-regelen/ict/storing-melden/", {"wat_is_er_aan_de_hand": "Scherm zwart", "locatie": "2.14"}
    )
    assert response.status_code == 302 and took < FAST

    run_worker()  # every mail job fails: connection refused
    assert Request.objects.get().mailed_at is None
    assert not Notification.objects.filter(emailed_at__isnull=False).exists()
    retrying = DBTaskResult.objects.filter(
        status="READY",
        task_path__in=["social.tasks.mail_notifications", "directregelen.tasks.mail_request_to_department"],
    )
    assert retrying.count() == 2

    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=smtp)
    controller.start()
    try:
        make_due()
        run_worker()
        make_due()
        run_worker()  # once more: nothing left to send
    finally:
        controller.stop()
    assert len(inbox.to("noor@gemeente.example")) == 1
    assert len(inbox.to("ingrid@gemeente.example")) == 1
    assert len(inbox.to("ict@gemeente.example")) == 1
    assert len(inbox.messages) == 3
    assert Request.objects.get().mailed_at is not None
    assert not Notification.objects.filter(recipient__in=[colleague, news_page.author.user], emailed_at=None)


def test_a_hanging_mail_server_slows_neither_the_request_nor_the_worker(client, smtp, news_page):
    listener = socket.socket()
    listener.bind(("127.0.0.1", smtp))
    listener.listen(8)
    accepted = []

    def accept_and_say_nothing():
        while True:
            try:
                accepted.append(listener.accept()[0])
            except OSError:
                return

    threading.Thread(target=accept_and_say_nothing, daemon=True).start()
    try:
        mentioned = [PersonFactory(user__email=f"c{n}@gemeente.example").user for n in range(5)]
        for user in mentioned:
            notifications.set_email_preference(user, "immediately")
        client.force_login(PersonFactory(user__username="karim").user)
        text = " ".join(f"@{user.person.slug}" for user in mentioned)
        url = reverse("social:comment_post", args=[news_page.content_type_id, news_page.pk])
        response, took = timed_post(client, url, {"comment": f"Overleg: {text}"})
        assert response.status_code == 302 and took < FAST
        assert accepted == []  # the request never spoke to the mail server

        started = time.monotonic()
        run_worker()
        # One connection for the five mails, cut off by EMAIL_TIMEOUT (2 s): not 5 x the timeout.
        assert time.monotonic() - started < 10
        assert len(accepted) == 1
        job = DBTaskResult.objects.get(task_path="social.tasks.mail_notifications", status="FAILED")
        assert "TimeoutError" in job.traceback or "timed out" in job.traceback
        assert DBTaskResult.objects.filter(task_path="social.tasks.mail_notifications", status="READY").exists()
    finally:
        listener.close()
        for conn in accepted:
            conn.close()
