"""Submitting a request form: stored, numbered, mailed after commit, never lost, uploads checked."""

from unittest import mock

import pytest
from django.core import mail
from django.utils import timezone

from directregelen.models import Request, RequestAttachment
from directregelen.services import next_reference
from tests.directregelen.conftest import JPEG, PDF, photo

pytestmark = pytest.mark.django_db

FORM_URL = "/direct-regelen/ict/storing-melden/"


def post_form(client, **extra):
    data = {"wat_is_er_aan_de_hand": "Mijn scherm flikkert", "locatie": "Kamer 2.14"}
    data.update(extra)
    return client.post(FORM_URL, data)


def test_form_page_shows_the_fields_with_labels(employee_client, ict_form):
    response = employee_client.get(FORM_URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'enctype="multipart/form-data"' in html
    assert 'type="file"' in html and 'accept="image/jpeg,image/png,image/webp,application/pdf' in html
    assert "Verstuur aanvraag" in html


def test_submission_is_stored_numbered_and_mailed_to_the_department(
    employee_client, employee, ict_form, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post_form(employee_client, foto=photo())
    request = Request.objects.get()
    year = timezone.localdate().year
    assert request.reference == f"ICT-{year}-00001"
    assert response.status_code == 302
    assert response["Location"] == f"/aanvragen/{request.reference}/"
    assert request.requester == employee
    assert request.department.slug == "ict"
    assert request.status == Request.Status.RECEIVED
    assert request.submitted_at is not None and request.first_response_at is None
    assert [(a["label"], a["value"]) for a in request.data][:2] == [
        ("Wat is er aan de hand?", "Mijn scherm flikkert"),
        ("Locatie", "Kamer 2.14"),
    ]
    attachment = request.attachments.get()
    assert attachment.content_type == "image/png" and attachment.original_name == "foto.png"
    assert attachment.file.name.startswith("aanvragen/") and "foto" not in attachment.file.name
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ict@gemeente.example"]
    assert request.reference in message.subject
    assert "Mijn scherm flikkert" in message.body
    assert message.reply_to == [employee.email]
    request.refresh_from_db()
    assert request.mailed_at is not None


def test_confirmation_shows_the_reference_in_dutch(employee_client, ict_form):
    response = post_form(employee_client)
    page = employee_client.get(response["Location"])
    reference = Request.objects.get().reference
    html = page.content.decode()
    assert f"Je referentienummer is {reference}" in html
    assert "Ontvangen" in html


def test_numbers_count_up_per_department_and_year(ict, po):
    year = timezone.localdate().year
    assert next_reference("ICT", year) == f"ICT-{year}-00001"
    assert next_reference("ICT", year) == f"ICT-{year}-00002"
    assert next_reference("PO", year) == f"PO-{year}-00001"
    assert next_reference("ICT", year + 1) == f"ICT-{year + 1}-00001"


def test_failing_mail_server_never_loses_the_request(
    employee_client, ict_form, django_capture_on_commit_callbacks, caplog
):
    with mock.patch(
        "django.core.mail.backends.locmem.EmailBackend.send_messages", side_effect=ConnectionRefusedError("smtp down")
    ):
        with django_capture_on_commit_callbacks(execute=True):
            response = post_form(employee_client)
    assert response.status_code == 302
    request = Request.objects.get()
    assert request.mailed_at is None
    assert "Mail batch stopped after 0 of 1" in caplog.text


def test_missing_fields_give_dutch_errors_and_keep_what_was_typed(employee_client, ict_form):
    response = employee_client.post(FORM_URL, {"locatie": "Kamer 2.14 <b>"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Dit is een verplicht veld." in html
    assert 'value="Kamer 2.14 &lt;b&gt;"' in html
    assert Request.objects.count() == 0
    assert len(mail.outbox) == 0


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("virus.exe", b"MZ" + b"\x00" * 40),
        ("nep.png", b"<script>alert(1)</script>"),  # the name says png, the bytes do not
        ("foto.gif", b"GIF89a" + b"\x00" * 40),
        ("foto.png", JPEG),  # a real jpeg with the wrong extension
    ],
)
def test_only_photos_and_pdfs_are_accepted(employee_client, ict_form, name, content):
    response = post_form(employee_client, foto=photo(name, content))
    assert response.status_code == 200
    assert "Kies een foto (JPEG, PNG of WebP) of een pdf-bestand." in response.content.decode()
    assert "kies het opnieuw" in response.content.decode()  # the browser dropped the chosen file
    assert Request.objects.count() == 0
    assert RequestAttachment.objects.count() == 0


def test_pdf_is_accepted(employee_client, ict_form):
    post_form(employee_client, foto=photo("offerte.pdf", PDF, "application/pdf"))
    assert Request.objects.get().attachments.get().content_type == "application/pdf"


def test_files_above_the_limit_are_refused(employee_client, ict_form, settings):
    settings.DIRECTREGELEN_MAX_UPLOAD_SIZE = 100
    response = post_form(employee_client, foto=photo("groot.jpg", JPEG + b"\x00" * 200, "image/jpeg"))
    assert response.status_code == 200
    assert "Het bestand is te groot" in response.content.decode()
    assert Request.objects.count() == 0


def test_anonymous_visitors_are_sent_to_login(client, ict_form):
    response = client.post(FORM_URL, {"wat_is_er_aan_de_hand": "x", "locatie": "y"})
    assert response.status_code == 302 and "/inloggen/" in response["Location"]
    assert Request.objects.count() == 0
