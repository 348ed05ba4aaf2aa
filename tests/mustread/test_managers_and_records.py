"""A manager sees their own reports (also when they are an editor), counts only of their reports'
units; the auditor's records outlive the page (docs/privacy.md)."""

import csv
import io

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from mustread import services
from tests.factories import PersonFactory
from tests.mustread.test_permissions import must_read, progress, team  # noqa: F401

pytestmark = pytest.mark.django_db


def test_an_editor_who_manages_sees_their_own_reports_names(client, editor, news_page, must_read, team):  # noqa: F811
    team["slow"].manager = editor.person
    team["slow"].save()
    html = progress(client, editor, news_page).content.decode()
    assert "Lotte Laat" in html  # their own report
    assert "Otto Ander" not in html  # names are off for editors as editors
    assert "Bedrijfsvoering" in html  # an editor still sees every unit's counts


def test_a_manager_sees_the_counts_of_their_reports_units_only(client, news_page, must_read, team):  # noqa: F811
    html = progress(client, team["boss"].user, news_page).content.decode()
    assert "Balie" in html and "50%" in html
    assert "Bedrijfsvoering" not in html


@pytest.fixture
def auditor(db):
    user = PersonFactory().user
    user.user_permissions.add(Permission.objects.get(codename="export_confirmations"))
    return user


def _rows(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))[1:]


@pytest.mark.parametrize("gone", ["deleted", "unpublished"])
def test_the_confirmations_of_a_page_gone_stay_exportable(client, auditor, news_page, must_read, team, gone):  # noqa: F811
    url = reverse("mustread:export", args=[news_page.pk])
    if gone == "deleted":
        news_page.delete()
    else:
        news_page.unpublish()
    client.force_login(auditor)
    response = client.get(url)
    assert response.status_code == 200
    assert [row[5] for row in _rows(response)] == ["Vera Vlot"]
    client.force_login(team["slow"].user)
    assert client.get(url).status_code == 404  # still only for the auditor


def test_a_page_that_never_had_a_must_read_is_a_404_for_the_auditor(client, auditor, make_news):
    client.force_login(auditor)
    assert client.get(reverse("mustread:export", args=[make_news("Gewoon").pk])).status_code == 404


def test_a_confirmation_records_its_page(news_page, must_read, team):  # noqa: F811
    confirmation = services.confirm(team["slow"].user, news_page)
    assert confirmation.page_ref == news_page.pk
