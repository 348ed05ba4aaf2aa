import logging
import smtplib
from unittest import mock

import pytest
from django.contrib.sites.models import Site as DjangoSite
from django.core import mail
from django.core.management import CommandError, call_command
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse
from django_comments_xtd.models import XtdComment
from wagtail.models import Site

from social import notifications, services
from social.models import Notification, NotificationPreference
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def commenter(db):
    return PersonFactory(first_name="Karim", last_name="Bakker", user__username="karim").user


def comment_on(page, user, text="Hallo"):
    return services.post_comment(user, page, text)


def test_bell_shows_unread_count_in_one_query_or_two(employee, django_assert_num_queries, news_page, commenter):
    request = RequestFactory().get("/")
    request.user = employee
    template = Template('{% include "includes/header_tools.html" %}')
    with django_assert_num_queries(1):  # nothing unread: one indexed lookup, no visibility check
        html = template.render(Context({"request": request, "user": employee}))
    assert "bell--unread" not in html
    services.post_comment(commenter, news_page, f"Hoi @{employee.person.slug}")
    template.render(Context({"request": request, "user": employee}))  # the content type cache
    with django_assert_num_queries(2):  # the kinds of the unread ones, then those still visible
        html = template.render(Context({"request": request, "user": employee}))
    assert "1 ongelezen" in html and "bell--unread" in html


def test_list_mark_read_and_open(employee_client, employee, news_page, commenter):
    comment_on(news_page, commenter, f"Kijk even @{employee.person.slug}")
    other = Notification.objects.create(recipient=commenter, verb="like", title="Niet van jou")
    html = employee_client.get(reverse("social:notifications")).content.decode()
    assert "Karim Bakker noemde je bij “Nieuwe werkplekken”" in html
    assert "Niet van jou" not in html
    mine = Notification.objects.get(recipient=employee)

    # Someone else's notification id is ignored.
    employee_client.post(reverse("social:mark_read"), {"notification": [mine.pk, other.pk]})
    mine.refresh_from_db()
    other.refresh_from_db()
    assert mine.is_read and not other.is_read

    assert employee_client.post(reverse("social:open_notification", args=[other.pk])).status_code == 404
    response = employee_client.post(reverse("social:open_notification", args=[mine.pk]))
    assert response["Location"] == mine.url


def test_mark_all_read(employee_client, employee):
    for title in ("a", "b"):
        Notification.objects.create(recipient=employee, verb="comment", title=title)
    employee_client.post(reverse("social:mark_read"))
    assert not Notification.objects.filter(recipient=employee, read_at__isnull=True).exists()


def test_preferences_saved(employee_client, employee):
    html = employee_client.get(reverse("social:preferences")).content.decode()
    assert "Eén keer per dag een overzicht" in html
    response = employee_client.post(reverse("social:preferences"), {"email": "off"})
    assert response.status_code == 302
    assert NotificationPreference.objects.get(user=employee).email == "off"
    response = employee_client.post(reverse("social:preferences"), {"email": "vaak"})
    assert response.status_code == 200
    assert NotificationPreference.objects.get(user=employee).email == "off"


def test_immediate_mail_after_commit(news_page, author, commenter, django_capture_on_commit_callbacks, settings):
    """Links point at the intranet's configured address, never at the sites framework's domain."""
    settings.WAGTAILADMIN_BASE_URL = "https://intranet.gemeente.example"
    DjangoSite.objects.update(domain="aanvaller.example")
    notifications.set_email_preference(author.user, "immediately")
    with django_capture_on_commit_callbacks(execute=True):
        comment_on(news_page, commenter, "Direct gemaild")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [author.user.email]
    assert "Karim Bakker reageerde op “Nieuwe werkplekken”" in message.body
    assert f"https://intranet.gemeente.example{news_page.url}?reactie=" in message.body
    assert "aanvaller.example" not in message.body
    assert Notification.objects.get(recipient=author.user).emailed_at is not None


def test_mail_off_sends_nothing(news_page, author, commenter, django_capture_on_commit_callbacks):
    notifications.set_email_preference(author.user, "off")
    with django_capture_on_commit_callbacks(execute=True):
        comment_on(news_page, commenter)
    call_command("send_notification_digests")
    assert mail.outbox == []


def test_failing_mail_server_keeps_the_comment(
    news_page, author, commenter, django_capture_on_commit_callbacks, caplog
):
    notifications.set_email_preference(author.user, "immediately")
    with mock.patch(
        "django.core.mail.backends.locmem.EmailBackend.send_messages", side_effect=smtplib.SMTPException("down")
    ):
        with caplog.at_level(logging.WARNING, logger="intranet.mail"):
            with django_capture_on_commit_callbacks(execute=True):
                comment = comment_on(news_page, commenter, "Blijft bewaard")
    assert XtdComment.objects.filter(pk=comment.pk, comment="Blijft bewaard").exists()
    notification = Notification.objects.get(recipient=author.user)
    assert notification.emailed_at is None
    assert "Mail batch stopped after 0 of 1" in caplog.text


def test_failing_mail_server_through_the_view(client, news_page, author, commenter, django_capture_on_commit_callbacks):
    notifications.set_email_preference(author.user, "immediately")
    client.force_login(commenter)
    with mock.patch(
        "django.core.mail.backends.locmem.EmailBackend.send_messages", side_effect=OSError("connection refused")
    ):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                reverse("social:comment_post", args=[news_page.content_type_id, news_page.pk]),
                {"comment": "Toch gelukt"},
            )
    assert response.status_code == 302
    assert XtdComment.objects.filter(comment="Toch gelukt").exists()


def test_daily_digest(news_page, author, commenter, employee):
    comment_on(news_page, commenter, "Eerste")
    services.like(employee, news_page)
    call_command("send_notification_digests")
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert mail.outbox[0].subject == "Je dagelijkse overzicht van het intranet"
    assert "Karim Bakker reageerde op “Nieuwe werkplekken”" in body
    assert "Sanne de Boer vindt je bijdrage bij “Nieuwe werkplekken” leuk" in body
    # Sent once: a second run has nothing new.
    call_command("send_notification_digests")
    assert len(mail.outbox) == 1


def test_digest_survives_mail_failure_and_retries(news_page, author, commenter):
    comment_on(news_page, commenter)
    with mock.patch(
        "django.core.mail.backends.locmem.EmailBackend.send_messages", side_effect=smtplib.SMTPException("down")
    ):
        with pytest.raises(CommandError, match="run again"):
            call_command("send_notification_digests")
    assert Notification.objects.get(recipient=author.user).emailed_at is None
    call_command("send_notification_digests")
    assert len(mail.outbox) == 1


def test_no_notification_for_own_actions(employee, make_news):
    page = make_news("Mijn eigen bericht", author=employee.person)
    services.post_comment(employee, page, "Zelf")
    services.like(employee, page)
    assert not Notification.objects.exists()


def test_sites_domain_follows_wagtail_site():
    site = Site.objects.get(is_default_site=True)
    site.hostname = "intranet.gemeente.example"
    site.port = 8443
    site.save()
    assert DjangoSite.objects.get_current().domain == "intranet.gemeente.example:8443"
    site.port = 443
    site.save()
    assert DjangoSite.objects.get_current().domain == "intranet.gemeente.example"


@pytest.mark.parametrize("count", [1, 40])
def test_notification_list_queries_fixed(employee_client, employee, count, django_assert_max_num_queries):
    actors = [PersonFactory().user for _ in range(3)]
    Notification.objects.bulk_create(
        Notification(recipient=employee, actor=actors[n % 3], verb="comment", title=f"Bericht {n}", url="/nieuws/x/")
        for n in range(count)
    )
    employee_client.get(reverse("social:notifications"))
    with django_assert_max_num_queries(12):
        response = employee_client.get(reverse("social:notifications"))
    assert response.content.decode().count('class="notification notification--unread"') == min(count, 30)
    with django_assert_max_num_queries(12):
        assert employee_client.get(reverse("social:preferences")).status_code == 200
