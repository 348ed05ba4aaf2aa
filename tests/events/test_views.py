"""The agenda's pages with their real templates: list, filters, month, archive, an event, sign-up,
the attendee list and its CSV, team events made from the team page."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from agenda import signups
from agenda.models import Signup, TeamEvent
from teams.models import Kind

pytestmark = pytest.mark.django_db


def test_the_agenda_lists_coming_events_and_the_archive_past_ones(client, organiser, make_event):
    make_event(title="Nieuwjaarsborrel")
    make_event(title="Kerstlunch", start=timezone.now() - timedelta(days=20))
    client.force_login(organiser)
    html = client.get("/agenda/").content.decode()
    assert "Nieuwjaarsborrel" in html and "Kerstlunch" not in html
    archive = client.get("/agenda/archief/").content.decode()
    assert "Kerstlunch" in archive and "Nieuwjaarsborrel" not in archive


def test_the_month_view_shows_the_event_on_its_day(client, organiser, make_event):
    start = timezone.localtime() + timedelta(days=40)
    make_event(title="Sportdag", start=start)
    client.force_login(organiser)
    response = client.get(f"/agenda/maand/?maand={start:%Y-%m}")
    assert response.status_code == 200
    assert "Sportdag" in response.content.decode()
    assert client.get("/agenda/maand/?maand=99999-99").status_code == 200


def test_filters(client, organiser, make_event, make_team, make_team_event, make_user):
    make_event(title="Personeelsfeest")
    team = make_team("Fotografie")
    make_team_event(team, title="Fotowandeling")
    other = make_team("Hardlopen", creator=make_user("renner"))
    make_team_event(other, title="Stadsloop")
    client.force_login(organiser)
    everything = client.get("/agenda/").content.decode()
    assert all(t in everything for t in ("Personeelsfeest", "Fotowandeling", "Stadsloop"))
    organisation = client.get("/agenda/?filter=organisation").content.decode()
    assert "Personeelsfeest" in organisation and "Fotowandeling" not in organisation
    mine_teams = client.get("/agenda/?filter=teams").content.decode()
    assert "Fotowandeling" in mine_teams and "Stadsloop" not in mine_teams and "Personeelsfeest" not in mine_teams
    assert "Fotowandeling" not in client.get("/agenda/?filter=mine").content.decode()


def test_sign_up_on_the_event_page_until_full_then_the_waiting_list(client, make_event, make_user):
    event = make_event(title="Training", signup_enabled=True, capacity=1)
    first, second = make_user("eerste"), make_user("tweede")
    client.force_login(first)
    page = client.get(event.url).content.decode()
    assert "1 van 1 plaatsen vrij" in page
    response = client.post(reverse("events:respond", args=["pagina", event.pk]), {"status": "going"}, follow=True)
    assert "Je bent aangemeld." in response.content.decode()
    client.force_login(second)
    html = client.get(event.url).content.decode()
    assert "Zet me op de wachtlijst" in html
    response = client.post(reverse("events:respond", args=["pagina", event.pk]), {"status": "going"}, follow=True)
    assert "wachtlijst" in response.content.decode()
    assert signups.my_status(second, event) == Signup.Status.WAITING


def test_the_attendee_list_and_csv_are_for_organisers_and_safe_in_a_spreadsheet(
    client, organiser, make_event, make_user
):
    event = make_event(signup_enabled=True, organisers=[organiser.person])
    sneaky = make_user("sneaky", first_name='=HYPERLINK("http://evil")', last_name="X")
    signups.respond(sneaky, event, Signup.Status.GOING)
    client.force_login(sneaky)
    assert client.get(reverse("events:attendees", args=["pagina", event.pk])).status_code == 403
    client.force_login(organiser)
    html = client.get(reverse("events:attendees", args=["pagina", event.pk])).content.decode()
    assert "HYPERLINK" in html
    csv = client.get(reverse("events:attendees_csv", args=["pagina", event.pk])).content.decode()
    assert "'=HYPERLINK" in csv
    assert "\n=" not in csv and ",=" not in csv


def test_a_team_admin_plans_an_event_from_the_team_page(client, organiser, make_team, room, day):
    team = make_team("Fotografie")
    client.force_login(organiser)
    html = client.get(team.url).content.decode()
    new_url = reverse("events:new_team_event", args=[team.pk])
    assert new_url in html
    response = client.post(
        new_url,
        {
            "title": "Fotowandeling",
            "start_date": day.isoformat(),
            "start_time": "10:00",
            "end_time": "12:00",
            "room": room.pk,
            "signup_enabled": "on",
            "capacity": "4",
            "waiting_list": "on",
        },
    )
    event = TeamEvent.objects.get()
    assert response.status_code == 302 and response.url == event.get_absolute_url()
    assert event.booking is not None
    assert "Fotowandeling" in client.get(team.url).content.decode()


def test_a_bad_team_event_keeps_what_was_typed(client, organiser, make_team, day):
    team = make_team("Fotografie")
    client.force_login(organiser)
    response = client.post(
        reverse("events:new_team_event", args=[team.pk]),
        {"title": "Borrel", "start_date": day.isoformat(), "start_time": "18:00", "end_time": "17:00"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Het einde moet na het begin liggen." in html and 'value="Borrel"' in html


def test_only_admins_plan_team_events(client, make_team, make_user):
    team = make_team("Fotografie")
    client.force_login(make_user("lid"))
    assert client.get(reverse("events:new_team_event", args=[team.pk])).status_code == 403


def test_cancel_from_the_front_end(client, organiser, make_team, make_team_event):
    event = make_team_event(make_team(kind=Kind.OPEN))
    client.force_login(organiser)
    assert client.get(reverse("events:cancel", args=["team", event.pk])).status_code == 200
    client.post(reverse("events:cancel", args=["team", event.pk]))
    event.refresh_from_db()
    assert event.is_cancelled
    assert "Dit evenement is geannuleerd." in client.get(event.get_absolute_url()).content.decode()


def test_message_to_attendees(client, organiser, make_event, make_user):
    from social.models import Notification

    event = make_event(signup_enabled=True, organisers=[organiser.person])
    guest = make_user("gast")
    signups.respond(guest, event, Signup.Status.GOING)
    client.force_login(organiser)
    client.post(reverse("events:message", args=["pagina", event.pk]), {"text": "Neem je laptop mee"})
    notification = Notification.objects.get(recipient=guest)
    assert notification.excerpt == "Neem je laptop mee"
