"""The department's request queue in the Wagtail admin: only its own requests, status and replies."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from directregelen.models import Request
from directregelen.services import respond
from tests.directregelen.test_my_requests import make_request

pytestmark = pytest.mark.django_db

INDEX = "/admin/directregelen/request/"


def edit_url(request):
    return f"{INDEX}edit/{request.pk}/"


def test_queue_lists_only_the_departments_requests(client, employee, ict, po, ict_staff):
    ict_request = make_request(employee, ict, title="Laptop kapot")
    po_request = make_request(employee, po, title="Verlof vraag")
    client.force_login(ict_staff)
    response = client.get(INDEX)
    assert response.status_code == 200
    html = response.content.decode()
    assert ict_request.reference in html
    assert po_request.reference not in html


def test_staff_change_status_and_reply_and_the_requester_is_mailed(
    client, employee, ict, ict_staff, django_capture_on_commit_callbacks
):
    request = make_request(employee, ict)
    client.force_login(ict_staff)
    page = client.get(edit_url(request))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Antwoord aan de aanvrager" in html and "Omschrijving" in html and request.reference in html
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit_url(request), {"status": "in_behandeling", "reply": "We pakken het op."})
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == Request.Status.IN_PROGRESS
    assert request.first_response_at is not None and request.done_at is None
    reply = request.replies.get()
    assert reply.author == ict_staff and reply.body == "We pakken het op." and reply.new_status == "in_behandeling"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [employee.email]
    assert "We pakken het op." in mail.outbox[0].body
    assert request.reference in mail.outbox[0].subject


def test_done_sets_done_time_and_keeps_first_response(employee, ict, ict_staff):
    request = make_request(employee, ict)
    respond(ict_staff, request, status=Request.Status.IN_PROGRESS)
    request.refresh_from_db()
    first = request.first_response_at
    respond(ict_staff, request, status=Request.Status.DONE, body="Klaar")
    request.refresh_from_db()
    assert request.status == Request.Status.DONE
    assert request.first_response_at == first
    assert request.done_at is not None and request.done_at >= first


def test_other_departments_staff_cannot_touch_a_request(client, employee, ict, po_staff):
    request = make_request(employee, ict)
    client.force_login(po_staff)
    assert client.get(edit_url(request)).status_code == 404  # another department's request does not exist
    client.post(edit_url(request), {"status": "afgerond", "reply": "Ha"})
    request.refresh_from_db()
    assert request.status == Request.Status.RECEIVED and not request.replies.exists()
    with pytest.raises(PermissionDenied):
        respond(po_staff, request, status=Request.Status.DONE)


def test_an_employee_without_a_group_has_no_queue(client, employee, ict):
    request = make_request(employee, ict)
    client.force_login(employee)
    assert client.get(edit_url(request)).status_code in (302, 403)
    with pytest.raises(PermissionDenied):
        respond(employee, request, body="Ik doe het zelf wel")


def test_nothing_to_save_gives_a_dutch_error(client, employee, ict, ict_staff):
    request = make_request(employee, ict)
    client.force_login(ict_staff)
    response = client.post(edit_url(request), {"status": "ontvangen", "reply": "  "})
    assert response.status_code == 200
    assert "Schrijf een antwoord of kies een andere status." in response.content.decode()
    with pytest.raises(ValidationError):
        respond(ict_staff, request, status=Request.Status.RECEIVED)


def test_requests_cannot_be_created_or_deleted_in_the_admin(client, employee, ict, ict_lead):
    request = make_request(employee, ict)
    client.force_login(ict_lead)
    assert client.get(f"{INDEX}create/").status_code in (302, 403, 404)
    client.post(f"{INDEX}delete/{request.pk}/")
    assert Request.objects.filter(pk=request.pk).exists()


@pytest.mark.parametrize("count", [1, 20])
def test_queue_query_count_is_fixed(client, employee, ict, ict_staff, count, django_assert_max_num_queries):
    for _ in range(count):
        make_request(employee, ict)
    client.force_login(ict_staff)
    client.get(INDEX)
    with django_assert_max_num_queries(30):
        response = client.get(INDEX)
    assert response.content.decode().count("ICT-2026-") >= count
