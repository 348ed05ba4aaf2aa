"""Mijn aanvragen: one's own requests with status and replies, never anyone else's; private attachments."""

import pytest
from django.urls import reverse

from directregelen.models import Request
from directregelen.services import respond
from directregelen.views import PER_PAGE
from tests.directregelen.conftest import photo

pytestmark = pytest.mark.django_db

# The base layout (session, user, site, settings, header tools) plus this page's own few queries;
# the point is that the number is the same for 1 and for many requests.
MAX_QUERIES = 18


def make_request(user, department, title="Storing melden", **extra):
    count = Request.objects.count() + 1
    return Request.objects.create(
        reference=f"{department.reference_prefix}-2026-{count:05d}",
        requester=user,
        department=department,
        title=title,
        data=[{"name": "omschrijving", "label": "Omschrijving", "value": f"Aanvraag {count}"}],
        **extra,
    )


def test_list_shows_only_my_requests(employee_client, employee, other_employee, ict):
    mine = make_request(employee, ict, title="Mijn laptop")
    theirs = make_request(other_employee, ict, title="Andermans laptop")
    response = employee_client.get("/aanvragen/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Mijn aanvragen</h1>" in html
    assert mine.reference in html and "Mijn laptop" in html
    assert theirs.reference not in html and "Andermans laptop" not in html


def test_empty_list_says_so_in_dutch(employee_client, portal):
    html = employee_client.get("/aanvragen/").content.decode()
    assert "Je hebt nog geen aanvragen gedaan." in html


def test_detail_shows_status_and_the_departments_replies(employee_client, employee, ict, ict_staff):
    request = make_request(employee, ict)
    respond(ict_staff, request, status=Request.Status.IN_PROGRESS, body="We komen morgen <kijken>.")
    html = employee_client.get(f"/aanvragen/{request.reference}/").content.decode()
    assert "In behandeling" in html
    assert "We komen morgen &lt;kijken&gt;." in html
    assert "Ilse Jansen" in html


def test_someone_elses_request_is_not_found(employee_client, other_employee, ict):
    theirs = make_request(other_employee, ict)
    assert employee_client.get(f"/aanvragen/{theirs.reference}/").status_code == 404


def test_attachment_is_private_to_requester_and_department(
    client, employee, other_employee, ict, po, ict_staff, po_staff, ict_form
):
    client.force_login(employee)
    client.post(
        "/direct-regelen/ict/storing-melden/",
        {"wat_is_er_aan_de_hand": "Lekkage", "locatie": "Hal", "foto": photo()},
    )
    attachment = Request.objects.get().attachments.get()
    url = reverse("directregelen:attachment", args=[attachment.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert "no-store" in response["Cache-Control"]
    for outsider in (other_employee, po_staff):
        client.force_login(outsider)
        assert client.get(url).status_code == 404
    client.force_login(ict_staff)
    assert client.get(url).status_code == 200
    # The general media view never hands out the private folder, not even by a detour.
    client.force_login(employee)
    assert client.get(f"/media/prive/{attachment.file.name}").status_code == 404
    assert client.get(f"/media/x/../prive/{attachment.file.name}").status_code == 404


@pytest.mark.parametrize("count", [1, 30])
def test_my_requests_query_count_is_fixed(employee_client, employee, ict, count, django_assert_max_num_queries):
    for _ in range(count):
        make_request(employee, ict)
    with django_assert_max_num_queries(MAX_QUERIES):
        response = employee_client.get("/aanvragen/")
    assert response.content.decode().count('class="dr-status') == min(count, PER_PAGE)


@pytest.mark.parametrize("count", [1, 20])
def test_request_detail_query_count_is_fixed(
    employee_client, employee, ict, ict_staff, count, django_assert_max_num_queries
):
    request = make_request(employee, ict)
    for index in range(count):
        respond(ict_staff, request, body=f"Antwoord {index}")
    with django_assert_max_num_queries(MAX_QUERIES):
        response = employee_client.get(f"/aanvragen/{request.reference}/")
    assert response.content.decode().count("Antwoord ") == count


def test_attachments_go_to_the_private_part_of_the_s3_store(client, s3, employee, ict, ict_form):
    """With MEDIA_STORAGE=s3 every app server finds the attachment: it is in the bucket, under prive/,
    still served only by the attachment view."""
    client.force_login(employee)
    upload = photo()
    client.post(
        "/direct-regelen/ict/storing-melden/", {"wat_is_er_aan_de_hand": "Lekkage", "locatie": "Hal", "foto": upload}
    )
    attachment = Request.objects.get().attachments.get()
    assert f"prive/{attachment.file.name}" in s3.keys()
    response = client.get(reverse("directregelen:attachment", args=[attachment.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    upload.seek(0)
    assert b"".join(response.streaming_content) == upload.read()
    assert client.get(f"/media/prive/{attachment.file.name}").status_code == 404
