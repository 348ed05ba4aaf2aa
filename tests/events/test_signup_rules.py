"""The waiting list keeps moving: places freed by an erasure, a deleted profile or a late "not going";
no "a place became free" at a cancelled event; a same-day deadline; reminders after a move; copies,
view restrictions, the attendees' message and CSV."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction

from agenda import reminders, services, signups
from agenda.models import EventPage, Signup
from privacy import erasure
from privacy.models import ErasureLog
from social.models import Notification
from tests.events.test_services import _data

Status = Signup.Status


@pytest.fixture
def full_event(make_event, make_user):
    """One place, taken by Anna; Bram waits."""
    event = make_event(signup_enabled=True, capacity=1)
    anna, bram = make_user("anna"), make_user("bram")
    signups.respond(anna, event, Status.GOING)
    assert signups.respond(bram, event, Status.GOING) == Status.WAITING
    return event, anna, bram


def test_an_erased_attendee_frees_the_place_for_the_waiting_list(full_event):
    event, anna, bram = full_event
    erasure.erase(anna, via="test", reason=ErasureLog.Reason.REQUEST)
    assert signups.my_status(bram, event) == Status.GOING
    assert Notification.objects.filter(recipient=bram).exists()


def test_a_deleted_profile_frees_the_place_for_the_waiting_list(full_event):
    event, anna, bram = full_event
    anna.person.delete()
    assert signups.my_status(bram, event) == Status.GOING


def test_after_the_deadline_not_going_is_still_allowed_and_moves_the_list_up(full_event, make_user, client):
    event, anna, bram = full_event
    EventPage.objects.filter(pk=event.pk).update(signup_deadline=timezone.now() - timedelta(minutes=1))
    event.refresh_from_db()
    with pytest.raises(ValidationError, match="gesloten"):
        signups.respond(make_user("laat"), event, Status.NOT_GOING)  # no answer yet: closed
    client.force_login(anna)
    assert "Ik kan toch niet komen" in client.get(event.url).content.decode()
    client.post(reverse("events:respond", args=["pagina", event.pk]), {"status": "not_going"})
    assert signups.my_status(anna, event) == Status.NOT_GOING
    assert signups.my_status(bram, event) == Status.GOING
    with pytest.raises(ValidationError, match="gesloten"):
        signups.respond(anna, event, Status.GOING)  # back in: that is a new sign-up


def test_a_cancelled_event_tells_nobody_a_place_became_free(full_event, organiser):
    event, anna, bram = full_event
    EventPage.objects.filter(pk=event.pk).update(cancelled_at=timezone.now())
    event.refresh_from_db()
    event.capacity = 5
    signups.move_up(event)
    assert signups.my_status(bram, event) == Status.WAITING
    assert not Notification.objects.filter(recipient=bram).exists()


def test_a_deadline_on_the_events_own_day_means_until_the_start(client, organiser, make_team, day):
    team = make_team("Fotografie")
    client.force_login(organiser)
    response = client.post(
        reverse("events:new_team_event", args=[team.pk]),
        {
            "title": "Middagwandeling",
            "start_date": day.isoformat(),
            "start_time": "14:00",
            "end_time": "15:00",
            "signup_enabled": "on",
            "signup_deadline": day.isoformat(),
            "waiting_list": "on",
        },
    )
    assert response.status_code == 302
    event = team.events.get()
    assert event.signup_deadline == event.start


def test_a_moved_event_gets_its_reminder_again(make_team, organiser, make_user):
    tomorrow = timezone.localtime() + timedelta(days=1)
    start = tomorrow.replace(hour=10, minute=0, second=0, microsecond=0)
    event = services.create_team_event(organiser, make_team(), **{**_data(day=tomorrow.date()), "start": start})
    guest = make_user("gast")
    signups.respond(guest, event, Status.GOING)
    assert reminders.send() == 1
    later = start + timedelta(days=2)
    services.update_team_event(organiser, event, **{**_data(day=later.date()), "start": later, "end": later})
    assert reminders.send(now=timezone.now() + timedelta(days=2)) == 1


def test_a_copied_event_page_holds_no_booking_and_starts_afresh(make_event, organiser, room, day, agenda):
    from tests.rooms.conftest import at

    page = make_event(title="Borrel", start=at(day, "13:00"), hours=1, room=room, organisers=[organiser.person])
    EventPage.objects.filter(pk=page.pk).update(sequence=4, cancelled_at=timezone.now())
    page.refresh_from_db()
    copy = page.copy(to=agenda, update_attrs={"slug": "borrel-2", "title": "Borrel 2"}, keep_live=False)
    copy = EventPage.objects.get(pk=copy.pk)
    assert copy.booking_id is None and copy.sequence == 0 and copy.cancelled_at is None


def test_an_event_page_in_a_restricted_section_is_not_for_outsiders(make_event, make_user):
    page = make_event(title="Directieoverleg", signup_enabled=True)
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.create(name="Directie"))
    outsider = make_user("buiten")
    assert not page.user_can_view(outsider)
    with pytest.raises(Http404):
        signups.respond(outsider, page, Status.GOING)


def test_a_too_long_message_is_refused_beside_the_field_with_the_text_kept(client, organiser, make_event, make_user):
    event = make_event(signup_enabled=True, organisers=[organiser.person])
    guest = make_user("gast")
    signups.respond(guest, event, Status.GOING)
    client.force_login(organiser)
    text = "Lang bericht " * 30
    response = client.post(reverse("events:message", args=["pagina", event.pk]), {"text": text})
    html = response.content.decode()
    assert response.status_code == 400
    assert "hoogstens 290 tekens" in html and text.strip() in html
    assert not Notification.objects.filter(recipient=guest, excerpt__startswith="Lang").exists()


def test_the_attendee_csv_opens_as_utf8_in_excel(client, organiser, make_event, make_user):
    event = make_event(signup_enabled=True, organisers=[organiser.person])
    signups.respond(make_user("zoe", first_name="Zoë", last_name="Ünal"), event, Status.GOING)
    client.force_login(organiser)
    response = client.get(reverse("events:attendees_csv", args=["pagina", event.pk]))
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff") and "Zoë Ünal" in body
    assert response["Cache-Control"] == "private, no-store"


def test_an_erased_attendee_of_a_past_event_moves_nobody_up(full_event):
    event, anna, bram = full_event
    started = timezone.now() - timedelta(hours=1)
    EventPage.objects.filter(pk=event.pk).update(start=started, end=started + timedelta(hours=2))
    erasure.erase(anna, via="test", reason=ErasureLog.Reason.REQUEST)
    assert signups.my_status(bram, event) == Status.WAITING
    assert not Notification.objects.filter(recipient=bram).exists()
