"""Every service page has an owner and a review-by date: the overdue report and the reminder mail."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from directregelen.models import ServicePage
from tests.directregelen.conftest import make_service, overdue
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/dienstpaginas-controleren/"


def test_new_service_pages_get_a_review_date_a_year_ahead(ict):
    service = make_service(ict, "Laptop", "laptop")
    assert service.review_by == timezone.localdate() + datetime.timedelta(days=365)
    assert not service.is_overdue


def test_report_lists_overdue_pages_the_editor_may_edit(client, ict, po, ict_staff):
    make_service(ict, "Oude laptoppagina", "oude-laptop", review_by=overdue())
    make_service(ict, "Verse pagina", "vers")
    make_service(po, "Oude verlofpagina", "oud-verlof", review_by=overdue())
    client.force_login(ict_staff)
    response = client.get(REPORT)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Te controleren dienstpagina&#x27;s" in html or "Te controleren dienstpagina's" in html
    assert "Oude laptoppagina" in html
    assert "Verse pagina" not in html
    assert "Oude verlofpagina" not in html  # P&O's, not this editor's


def test_report_is_closed_to_employees_without_page_rights(client, employee, ict):
    client.force_login(employee)
    assert client.get(REPORT).status_code in (302, 403)


def test_reminders_go_to_owners_once_each(ict, po):
    owner = PersonFactory(first_name="Olga", email="olga@gemeente.example")
    make_service(ict, "Oude laptoppagina", "oude-laptop", review_by=overdue(), content_owner=owner)
    make_service(po, "Oude verlofpagina", "oud-verlof", review_by=overdue(), content_owner=owner)
    make_service(ict, "Verse pagina", "vers", content_owner=PersonFactory(email="vers@gemeente.example"))
    orphan = make_service(ict, "Weeskind", "wees", review_by=overdue())
    call_command("remind_service_owners", stdout=(out := io.StringIO()))
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["olga@gemeente.example"]
    assert "Hallo Olga" in message.body
    assert "Oude laptoppagina" in message.body and "Oude verlofpagina" in message.body
    assert "Verse pagina" not in message.body
    # Olga has no admin rights: an admin link would loop; the mail links the pages themselves.
    assert "/admin/" not in message.body
    assert ServicePage.objects.get(slug="oude-laptop").get_full_url() in message.body
    assert "redacteuren" in message.body
    assert "1 herinnering(en) verstuurd." in out.getvalue()
    assert f"Weeskind (id {orphan.pk})" in out.getvalue()


def test_days_ahead_and_dry_run(ict):
    owner = PersonFactory(email="bijna@gemeente.example")
    make_service(
        ict, "Bijna verlopen", "bijna", review_by=timezone.localdate() + datetime.timedelta(days=5), content_owner=owner
    )
    call_command("remind_service_owners", stdout=io.StringIO())
    assert len(mail.outbox) == 0
    call_command("remind_service_owners", "--days-ahead", "14", "--dry-run", stdout=io.StringIO())
    assert len(mail.outbox) == 0
    call_command("remind_service_owners", "--days-ahead", "14", stdout=io.StringIO())
    assert len(mail.outbox) == 1


def test_without_an_owner_the_pages_creator_is_reminded(ict):
    creator = PersonFactory(first_name="Carla", user__email="carla@gemeente.example").user
    make_service(ict, "Zonder eigenaar", "zonder-eigenaar", review_by=overdue(), owner=creator)
    call_command("remind_service_owners", stdout=io.StringIO())
    assert [message.to for message in mail.outbox] == [["carla@gemeente.example"]]
    assert "Zonder eigenaar" in mail.outbox[0].body


def test_an_owner_who_may_edit_gets_the_editor_link(ict, ict_staff):
    owner = ict_staff.person
    owner.email = "ilse@gemeente.example"
    owner.save()
    page = make_service(ict, "Oude laptoppagina", "oude-laptop", review_by=overdue(), content_owner=owner)
    call_command("remind_service_owners", stdout=io.StringIO())
    body = mail.outbox[0].body
    assert f"/admin/pages/{page.pk}/edit/" in body
    assert "/admin/reports/dienstpaginas-controleren/" in body
