"""Surveys: one answer per employee (also under a race), anonymity, aggregated results and CSV."""

import csv
import io

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from insights.surveys.models import SurveyAnswer, SurveyFormField, SurveyPage
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def make_survey(home, anonymous=True):
    page = SurveyPage(title="Vind je collega's sneller?", slug="enquete", intro="Vijf vragen.", anonymous=anonymous)
    page.form_fields = [
        SurveyFormField(
            label="Vind je collega's sneller?", field_type="radio", choices="Ja\nNee\nWeet niet", required=True
        ),
        SurveyFormField(
            label="Welke onderdelen gebruik je?",
            field_type="checkboxes",
            choices="Nieuws\nTeams\nZoeken",
            required=False,
        ),
        SurveyFormField(label="Rapportcijfer", field_type="number", required=False),
        SurveyFormField(label="Toelichting", field_type="multiline", required=False),
    ]
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


ANSWER = {
    "vind_je_collegas_sneller": "Ja",
    "welke_onderdelen_gebruik_je": ["Nieuws", "Zoeken"],
    "rapportcijfer": "8",
    "toelichting": "Het smoelenboek helpt.",
}


def answer(client, user, page, data=ANSWER):
    client.force_login(user)
    return client.post(page.url, data)


def test_an_employee_answers_once(client, employee, home):
    page = make_survey(home)
    response = answer(client, employee, page)
    assert response.status_code == 200
    assert "Bedankt voor je antwoorden!" in response.content.decode()
    assert SurveyAnswer.objects.count() == 1
    # A second try (another tab, the back button) keeps the one answer.
    response = answer(client, employee, page, {**ANSWER, "vind_je_collegas_sneller": "Nee"})
    assert "Je hebt deze enquête al ingevuld" in response.content.decode()
    assert SurveyAnswer.objects.count() == 1
    assert SurveyAnswer.objects.get().form_data["vind_je_collegas_sneller"] == "Ja"
    assert "Je hebt deze enquête al ingevuld" in client.get(page.url).content.decode()


def test_the_database_refuses_a_second_answer_from_the_same_employee(employee, home):
    """Two requests that both pass the check before either saves: the unique constraint decides."""
    page = make_survey(home)
    key = page.respondent_key(employee)
    SurveyAnswer.objects.create(page=page, form_data={}, respondent_key=key)
    with pytest.raises(IntegrityError), transaction.atomic():
        SurveyAnswer.objects.create(page=page, form_data={}, respondent_key=key)


def test_anonymous_answers_name_nobody(client, employee, home):
    page = make_survey(home, anonymous=True)
    answer(client, employee, page)
    stored = SurveyAnswer.objects.get()
    assert stored.respondent_id is None
    assert str(employee.pk) != stored.respondent_key and employee.username not in stored.respondent_key
    assert employee.username not in str(stored.form_data)
    local = timezone.localtime(stored.submit_time)
    assert (local.hour, local.minute, local.second) == (0, 0, 0)  # only the day, not the moment


def test_a_named_survey_keeps_the_respondent(client, employee, home):
    page = make_survey(home, anonymous=False)
    answer(client, employee, page)
    assert SurveyAnswer.objects.get().respondent == employee


def test_required_questions_get_a_dutch_error_and_the_answers_stay(client, employee, home):
    page = make_survey(home)
    response = answer(client, employee, page, {"toelichting": "Mijn tekst"})
    html = response.content.decode()
    assert "Dit is een verplicht veld." in html
    assert "Mijn tekst" in html
    assert not SurveyAnswer.objects.exists()


def test_anonymity_cannot_change_once_answers_are_in(client, employee, home):
    from django.core.exceptions import ValidationError

    page = make_survey(home, anonymous=True)
    answer(client, employee, page)
    page.anonymous = False
    with pytest.raises(ValidationError):
        page.full_clean()


def test_results_are_aggregated_and_exported(client, manager, home):
    page = make_survey(home)
    answers = [
        ("Ja", ["Nieuws", "Zoeken"], "8"),
        ("Ja", ["Teams"], "6"),
        ("Nee", [], ""),
    ]
    for choice, parts, mark in answers:
        user = PersonFactory().user
        answer(
            client,
            user,
            page,
            {"vind_je_collegas_sneller": choice, "welke_onderdelen_gebruik_je": parts, "rapportcijfer": mark},
        )
    assert SurveyAnswer.objects.count() == 3
    client.force_login(manager)
    url = f"/admin/inzichten/enquetes/{page.pk}/"
    html = client.get(url).content.decode()
    assert "3 medewerkers hebben geantwoord." in html
    assert 'role="img"' in html
    assert '<th scope="row">Weet niet</th><td>0</td>' in html
    assert "<dd>7</dd>" in html  # the average of 8 and 6
    response = client.get(url + "?format=csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert ["Vind je collega's sneller?", "Ja", "2"] in rows
    assert ["Vind je collega's sneller?", "Nee", "1"] in rows
    assert ["Welke onderdelen gebruik je?", "Teams", "1"] in rows
    assert ["Rapportcijfer", "Gemiddelde", "7.0"] in rows
    # Anonymous: nobody's name appears in the results.
    for user in SurveyAnswer.objects.values_list("respondent", flat=True):
        assert user is None


def test_results_are_for_community_managers_and_the_page_editors(client, employee, home):
    page = make_survey(home)
    client.force_login(employee)
    assert client.get(f"/admin/inzichten/enquetes/{page.pk}/").status_code in (302, 403)


def test_a_survey_page_is_accessible_in_markup(client, employee, home):
    page = make_survey(home)
    client.force_login(employee)
    html = client.get(page.url).content.decode()
    assert "<fieldset" in html and "<legend>Vind je collega&#x27;s sneller?" in html
    assert "Deze enquête is anoniem" in html


def test_wagtails_list_of_answers_names_nobody_for_an_anonymous_survey(client, employee, superuser, home):
    page = make_survey(home)
    answer(client, employee, page)
    client.force_login(superuser)
    response = client.get(f"/admin/forms/submissions/{page.pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Het smoelenboek helpt." in html
    assert employee.username not in html and employee.person.last_name not in html


def test_a_named_survey_shows_who_answered_in_wagtails_list(client, employee, superuser, home):
    page = make_survey(home, anonymous=False)
    answer(client, employee, page)
    client.force_login(superuser)
    html = client.get(f"/admin/forms/submissions/{page.pk}/").content.decode()
    assert employee.person.full_name in html


def test_a_closed_survey_takes_no_answers(client, employee, home):
    page = make_survey(home)
    page.closes_at = timezone.now() - timezone.timedelta(hours=1)
    page.save_revision().publish()
    response = answer(client, employee, page)
    assert "Deze enquête is gesloten." in response.content.decode()
    assert not SurveyAnswer.objects.exists()


def test_results_are_stored_until_a_question_or_an_answer_changes(client, manager, home):
    """Reading and counting every answer was most of the results page at 3,000 answers: it is done
    once per change of the survey's questions or answers."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    page = make_survey(home)
    answer(client, PersonFactory().user, page)
    client.force_login(manager)
    url = f"/admin/inzichten/enquetes/{page.pk}/"
    assert "1 medewerker heeft geantwoord." in client.get(url).content.decode()
    with CaptureQueriesContext(connection) as stored:
        html = client.get(url).content.decode()
    assert "1 medewerker heeft geantwoord." in html
    read = " ".join(query["sql"] for query in stored.captured_queries)
    assert "insights_surveyanswer" not in read and "insights_surveyformfield" not in read

    answer(client, PersonFactory().user, page, {**ANSWER, "vind_je_collegas_sneller": "Nee"})
    client.force_login(manager)
    html = client.get(url).content.decode()
    assert "2 medewerkers hebben geantwoord." in html and '<th scope="row">Nee</th><td>1</td>' in html

    SurveyAnswer.objects.filter(form_data__vind_je_collegas_sneller="Nee").delete()
    assert "1 medewerker heeft geantwoord." in client.get(url).content.decode()

    question = page.form_fields.get(label="Rapportcijfer")
    question.label = "Cijfer voor het intranet"
    question.save()
    assert "Cijfer voor het intranet" in client.get(url).content.decode()
    question.delete()
    assert "Cijfer voor het intranet" not in client.get(url).content.decode()


def test_the_dashboard_lists_surveys_with_their_number_of_answers(client, manager, home):
    page = make_survey(home)
    make_survey_without_answers = SurveyPage(title="Tweede enquête", slug="tweede")
    home.add_child(instance=make_survey_without_answers)
    for choice in ("Ja", "Nee"):
        answer(client, PersonFactory().user, page, {**ANSWER, "vind_je_collegas_sneller": choice})
    client.force_login(manager)
    html = client.get("/admin/inzichten/").content.decode()
    assert f'/admin/inzichten/enquetes/{page.pk}/">Vind je collega&#x27;s sneller?</a> · 2 antwoorden' in html
    assert "Tweede enquête</a> · 0 antwoorden" in html
