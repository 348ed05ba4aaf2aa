"""Insights in a browser: the dashboard and its charts for a community manager, a survey on a phone.

axe-core runs on the whole admin page first; see the report on how Wagtail's own chrome fares.
"""

import pytest
from django.contrib.auth.models import Group

from insights.surveys.models import SurveyAnswer, SurveyFormField, SurveyPage
from tests.e2e.conftest import DESKTOP, PHONE
from tests.e2e.test_directregelen_request import ensure_home
from tests.factories import PersonFactory
from tests.insights.known_data import make_everything


@pytest.fixture
def manager(transactional_db):
    user = PersonFactory(first_name="Mona", last_name="Derks", user__username="mona").user
    group, _ = Group.objects.get_or_create(name="Omgevingsbeheerders")
    from django.contrib.auth.models import Permission

    group.permissions.add(
        Permission.objects.get(codename="view_insights"), Permission.objects.get(codename="access_admin")
    )
    user.groups.add(group)
    return user


def test_dashboard_is_accessible_with_charts_and_csv_links(new_page, assert_accessible, manager):
    make_everything(ensure_home())
    page = new_page(manager, DESKTOP)
    page.goto("/admin/inzichten/?van=2026-06-01&tot=2026-06-07")
    page.get_by_role("heading", name="Adoptie").wait_for()
    assert page.locator("svg[role=img]").count() >= 6
    assert page.get_by_role("img", name="Actieve medewerkers per dag").count() == 1
    assert_accessible(page)
    # The period form works without JavaScript tricks: choose a preset and show.
    page.get_by_label("Periode", exact=True).select_option("7")
    page.get_by_role("button", name="Tonen").click()
    page.get_by_role("heading", name="Adoptie").wait_for()
    assert "dagen=7" in page.url
    page.goto("/admin/inzichten/moderatie/")
    page.get_by_role("heading", name="Publiceer een tip voor iedereen").wait_for()
    assert_accessible(page)


def test_a_survey_on_a_phone(new_page, assert_accessible, transactional_db):
    home = ensure_home()
    survey = SurveyPage(title="Een jaar intranet", slug="enquete", anonymous=True)
    survey.form_fields = [
        SurveyFormField(label="Vind je collega's sneller?", field_type="radio", choices="Ja\nNee", required=True),
        SurveyFormField(label="Rapportcijfer", field_type="number", required=False),
    ]
    home.add_child(instance=survey)
    survey.save_revision().publish()
    employee = PersonFactory(user__username="veldwerker").user

    page = new_page(employee, PHONE)
    page.goto("/enquete/")
    page.get_by_role("heading", name="Een jaar intranet").wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="Verstuur mijn antwoorden").click()
    page.get_by_text("Dit is een verplicht veld.").first.wait_for()
    assert_accessible(page)
    page.get_by_label("Ja").check()
    page.get_by_label("Rapportcijfer").fill("8")
    page.get_by_role("button", name="Verstuur mijn antwoorden").click()
    page.get_by_text("Bedankt voor je antwoorden!").wait_for()
    assert SurveyAnswer.objects.get().form_data["rapportcijfer"] == "8"
    page.goto("/enquete/")
    page.get_by_text("Je hebt deze enquête al ingevuld").wait_for()
