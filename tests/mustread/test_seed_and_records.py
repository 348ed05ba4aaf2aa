"""The demo's must-read, the records kept when a person is erased, the personal-data export and retention."""

import datetime
import importlib
import io

import pytest
from django.apps import apps
from django.core.management import call_command
from django.utils import timezone

from intranet.personal_data import Erasure
from mustread import personal_data, records, services
from mustread.models import Confirmation, MustRead

pytestmark = pytest.mark.django_db


def test_the_demo_has_one_must_read_on_the_employees_homepage(client):
    from django.contrib.auth import get_user_model

    call_command("seed_demo", employees=30, stdout=io.StringIO())
    must_read = MustRead.objects.get()
    assert must_read.active and must_read.page.live and must_read.deadline
    assert Confirmation.objects.filter(must_read=must_read).exists()
    client.force_login(get_user_model().objects.get(username="medewerker"))
    html = client.get("/").content.decode()
    assert 'data-block="mustread.outstanding"' in html and must_read.page.title in html
    call_command("seed_demo", employees=30, stdout=io.StringIO())
    assert MustRead.objects.count() == 1


def test_erasure_keeps_the_record_without_the_person(news_page, mark, employee, person):
    mark(news_page)
    services.confirm(employee, news_page)
    exported = personal_data.KINDS[0].export(employee)
    assert exported.records[0]["page"] == "Nieuwe integriteitscode"
    erased = personal_data.KINDS[0].erase(employee, Erasure(user=employee, person=person))
    assert erased == 1
    record = Confirmation.objects.get()
    assert record.user is None and record.employee_number == "" and record.name == "Oud-collega"
    assert record.version == 1 and record.page_title == "Nieuwe integriteitscode"


def test_retention_keeps_what_still_counts(news_page, mark, employee):
    mark(news_page)
    old = services.confirm(employee, news_page)
    Confirmation.objects.filter(pk=old.pk).update(confirmed_at=timezone.now() - datetime.timedelta(days=3000))
    assert records.enforce_retention() == 0  # the current version's confirmation still counts
    mark(news_page, ask_again=True)
    assert records.enforce_retention() == 1
    assert not Confirmation.objects.exists()


def test_a_confirmation_whose_must_read_was_deleted_gets_its_page_from_the_revision(news_page, mark, employee):
    mark(news_page)
    confirmation = services.confirm(employee, news_page)
    assert confirmation.revision_id is not None
    MustRead.objects.all().delete()  # as before migration 0002: the record loses its MustRead
    Confirmation.objects.update(page_ref=None)
    migration = importlib.import_module("mustread.migrations.0003_page_ref_from_revision")
    migration.fill_page_ref_from_revision(apps, None)
    assert Confirmation.objects.get().page_ref == news_page.pk
