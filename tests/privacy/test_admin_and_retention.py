"""'Recht op vergetelheid' in the Wagtail admin (administrators only, with a confirmation step), and
the retention job for technical data."""

from datetime import timedelta

import pytest
from axes.models import AccessLog
from django.contrib.auth.models import Group
from django.contrib.sessions.models import Session
from django.utils import timezone
from django_comments_xtd.models import XtdComment

from people.models import Person
from privacy import retention
from privacy.models import ErasureLog
from tests.factories import PersonFactory
from tests.privacy.activity import make_person

URL = "/admin/privacy/vergetelheid/"


@pytest.fixture
def leaver(db):
    return make_person("sboerhaave", "Sannetje", "Boerhaave")


def test_non_admins_are_refused(client, leaver, db):
    editor = PersonFactory(user__username="editor").user
    editor.is_staff = True
    editor.save()
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    assert client.get(URL).status_code in (302, 403)
    response = client.post(URL, {"employee_number": leaver.employee_number, "confirm": leaver.employee_number})
    assert response.status_code in (302, 403)
    assert Person.objects.filter(pk=leaver.pk).exists()
    assert not ErasureLog.objects.exists()


def test_admin_erases_after_confirming(admin_client, superuser, leaver):
    page = admin_client.get(URL)
    assert page.status_code == 200 and "Recht op vergetelheid" in page.content.decode()
    step = admin_client.post(URL, {"employee_number": leaver.employee_number})
    html = step.content.decode()
    assert "Sannetje Boerhaave" in html and "people.profile" in html and 'name="confirm"' in html
    assert Person.objects.filter(pk=leaver.pk).exists()  # nothing happens before the confirmation
    wrong = admin_client.post(URL, {"employee_number": leaver.employee_number, "confirm": "iets anders"})
    assert wrong.status_code == 200 and Person.objects.filter(pk=leaver.pk).exists()
    done = admin_client.post(URL, {"employee_number": leaver.employee_number, "confirm": leaver.employee_number})
    assert done.status_code == 302
    assert not Person.objects.filter(pk=leaver.pk).exists()
    entry = ErasureLog.objects.get()
    assert entry.actor == superuser and entry.via == "wagtail admin" and entry.reason == "request"
    assert "Boerhaave" not in str(entry.counts) and "Boerhaave" not in entry.subject
    listing = admin_client.get(URL).content.decode()
    assert entry.subject in listing and "Boerhaave" not in listing


def test_unknown_number_keeps_what_was_typed(admin_client):
    response = admin_client.post(URL, {"employee_number": "X-404"})
    html = response.content.decode()
    assert "Niemand heeft dit personeelsnummer." in html and 'value="X-404"' in html


def test_retention_drops_old_technical_data_only(db, settings):
    settings.PRIVACY_TECHNICAL_RETENTION_DAYS = 30
    author = PersonFactory(user__username="schrijver").user
    target = PersonFactory(user__username="doel")  # the comment only needs something to hang on

    old, new = timezone.now() - timedelta(days=31), timezone.now() - timedelta(days=1)
    comments = []
    for when in (old, new):
        comment = XtdComment.objects.create(
            content_object=target, site_id=settings.SITE_ID, user=author, comment="x", ip_address="192.0.2.1"
        )
        XtdComment.objects.filter(pk=comment.pk).update(submit_date=when)
        comments.append(comment)
        log = AccessLog.objects.create(username="schrijver", ip_address="192.0.2.1", user_agent="t")
        AccessLog.objects.filter(pk=log.pk).update(attempt_time=when)  # attempt_time is set on create
    Session.objects.create(session_key="oud", session_data="x", expire_date=timezone.now() - timedelta(days=1))
    Session.objects.create(session_key="nieuw", session_data="x", expire_date=timezone.now() + timedelta(days=1))
    done = retention.enforce()
    assert done["comment_ip_addresses"] == 1 and done["login_log"] == 1 and done["sessions"] == 1
    assert XtdComment.objects.get(pk=comments[0].pk).ip_address is None
    assert XtdComment.objects.get(pk=comments[1].pk).ip_address == "192.0.2.1"
    assert list(Session.objects.values_list("session_key", flat=True)) == ["nieuw"]
    assert retention.enforce()["comment_ip_addresses"] == 0  # twice is harmless
