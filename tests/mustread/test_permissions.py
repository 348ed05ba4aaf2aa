"""Who sees the progress, who sees names, who may export (docs/privacy.md); everyone else gets a 404."""

import csv
import io

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from mustread import services
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def team(units):
    """A manager with two reports in Balie (one confirms), and someone in Bedrijfsvoering."""
    boss = PersonFactory(first_name="Bert", last_name="Baas", organisation_unit=units["department"])
    slow = PersonFactory(first_name="Lotte", last_name="Laat", organisation_unit=units["team"], manager=boss)
    quick = PersonFactory(first_name="Vera", last_name="Vlot", organisation_unit=units["team"], manager=boss)
    elsewhere = PersonFactory(first_name="Otto", last_name="Ander", organisation_unit=units["other"])
    return {"boss": boss, "slow": slow, "quick": quick, "elsewhere": elsewhere}


@pytest.fixture
def must_read(news_page, mark, team):
    must_read = mark(news_page)
    services.confirm(team["quick"].user, news_page)
    return must_read


def progress(client, user, page):
    client.force_login(user)
    return client.get(reverse("mustread:progress", args=[page.pk]))


def test_an_ordinary_employee_gets_a_404(client, news_page, must_read, team):
    assert progress(client, team["slow"].user, news_page).status_code == 404
    assert progress(client, team["elsewhere"].user, news_page).status_code == 404


def test_a_page_without_must_read_is_a_404_even_for_editors(client, editor, make_news):
    other = make_news("Gewoon nieuws")
    assert progress(client, editor, other).status_code == 404


def test_the_editor_sees_counts_and_percentages_but_no_names(client, editor, news_page, must_read, team):
    response = progress(client, editor, news_page)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Balie" in html and "Bedrijfsvoering" in html
    assert "50%" in html  # Balie: one of two
    assert "Lotte Laat" not in html and "Otto Ander" not in html


def test_the_community_manager_sees_counts_but_no_names(client, community_manager, news_page, must_read, team):
    response = progress(client, community_manager, news_page)
    assert response.status_code == 200
    assert "Balie" in response.content.decode()
    assert "Lotte Laat" not in response.content.decode()


def test_the_setting_shows_names_to_editors_and_community_managers(
    client, settings, editor, community_manager, news_page, must_read, team
):
    settings.MUSTREAD_SHOW_NAMES = True
    for user in (editor, community_manager):
        html = progress(client, user, news_page).content.decode()
        assert "Lotte Laat" in html and "Otto Ander" in html
        assert "Vera Vlot" not in html  # she confirmed


def test_the_manager_sees_only_their_own_reports_names(client, news_page, must_read, team):
    response = progress(client, team["boss"].user, news_page)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Lotte Laat" in html
    assert "Vera Vlot" not in html and "Otto Ander" not in html


def test_a_manager_of_nobody_in_the_audience_gets_a_404(client, news_page, mark, units, team):
    mark(news_page, units=[units["other"]])
    assert progress(client, team["boss"].user, news_page).status_code == 404


def test_export_needs_the_permission_and_escapes_formulas(client, editor, news_page, must_read, team, units):
    url = reverse("mustread:export", args=[news_page.pk])
    client.force_login(editor)
    assert client.get(url).status_code == 404
    hostile = PersonFactory(first_name='=HYPERLINK("http://x")', last_name="Kwaad", organisation_unit=units["team"])
    services.confirm(hostile.user, news_page)
    services.mark(editor, news_page, ask_again=True)
    services.confirm(team["quick"].user, news_page)
    auditor = PersonFactory().user
    auditor.user_permissions.add(Permission.objects.get(codename="export_confirmations"))
    client.force_login(auditor)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:2] == ["Pagina", "Versie"]
    body = rows[1:]
    assert len(body) == 3  # two confirmations of version 1 and one of version 2: all kept
    assert [row[1] for row in body] == ["1", "1", "2"]
    names = [row[5] for row in body]
    assert "Vera Vlot" in names
    assert any(name.startswith("'=HYPERLINK") for name in names)
    assert all(not row[5].startswith("=") for row in body)
    # The progress page links to it only for those who may use it.
    assert url not in progress(client, editor, news_page).content.decode()


def test_the_export_of_a_page_the_auditor_cannot_open_is_a_404(client, news_page, must_read):
    from django.contrib.auth.models import Group
    from wagtail.models import PageViewRestriction

    restriction = PageViewRestriction.objects.create(page=news_page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.create(name="Bestuur"))
    auditor = PersonFactory().user
    auditor.user_permissions.add(Permission.objects.get(codename="export_confirmations"))
    client.force_login(auditor)
    assert client.get(reverse("mustread:export", args=[news_page.pk])).status_code == 404


def test_anonymous_visitors_are_sent_to_the_login(client, news_page, must_read):
    for name in ("progress", "export"):
        response = client.get(reverse(f"mustread:{name}", args=[news_page.pk]))
        assert response.status_code == 302 and response["Location"].startswith("/inloggen/")
    assert client.post(reverse("mustread:confirm", args=[news_page.pk])).status_code == 302
