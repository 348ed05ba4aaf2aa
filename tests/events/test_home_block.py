"""The homepage's agenda block through the real homepage: its list is shared by readers who may see
the same events and cached, so every change must show at once and a private team's event must never
reach an outsider through a list a member warmed."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from agenda import selectors, signups
from agenda.models import Signup
from teams.models import Kind, Membership, State

pytestmark = pytest.mark.django_db


def homepage(client, user):
    client.force_login(user)
    response = client.get("/")
    assert response.status_code == 200
    return response.content.decode()


def test_new_changed_and_cancelled_events_show_at_once(client, organiser, make_user, make_team, make_team_event):
    reader = make_user("rita")
    team = make_team("Fotografie", Kind.OPEN)
    first = make_team_event(team, title="Fotowandeling")
    assert "Fotowandeling" in homepage(client, reader)

    make_team_event(team, title="Portretles")  # a new event
    first.title = "Fotowandeling door de binnenstad"
    first.save()
    html = homepage(client, reader)
    assert "Portretles" in html and "Fotowandeling door de binnenstad" in html

    client.force_login(organiser)
    client.post(reverse("events:cancel", args=["team", first.pk]))
    block = homepage(client, reader).split('id="events-home-title"')[1].split("</section>")[0]
    assert "Fotowandeling door de binnenstad" in block and "Geannuleerd" in block

    first.delete()
    assert "Fotowandeling door de binnenstad" not in homepage(client, reader)


def test_a_private_teams_event_never_reaches_an_outsider_through_the_shared_list(
    client, organiser, outsider, make_team, make_team_event, make_event
):
    make_event(title="Nieuwjaarsborrel")
    secret = make_team("Reorganisatie ICT", Kind.PRIVATE)
    make_team_event(secret, title="Overleg reorganisatie")
    # The member warms the cache first; the outsider has other teams, so another list.
    assert "Overleg reorganisatie" in homepage(client, organiser)
    html = homepage(client, outsider)
    assert "Nieuwjaarsborrel" in html and "Overleg reorganisatie" not in html

    # Joining shows it, leaving hides it again, without waiting for the cache.
    Membership.objects.create(team=secret, user=outsider, state=State.ACTIVE)
    assert "Overleg reorganisatie" in homepage(client, outsider)
    Membership.objects.filter(team=secret, user=outsider).delete()
    assert "Overleg reorganisatie" not in homepage(client, outsider)

    # A team that turns private leaves the lists of those outside it.
    open_team = make_team("Fotografie", Kind.OPEN)
    make_team_event(open_team, title="Fotowandeling")
    assert "Fotowandeling" in homepage(client, outsider)
    open_team.kind = Kind.PRIVATE
    open_team.save()
    assert "Fotowandeling" not in homepage(client, outsider)


def test_my_answer_is_my_own_and_ended_events_drop_out_of_a_cached_list(rf, organiser, make_user, make_event):
    soon = make_event(title="Lunchlezing", start=timezone.now() + timedelta(hours=1), hours=1)
    later = make_event(title="Nieuwjaarsborrel", signup_enabled=True)
    guest = make_user("gijs")
    signups.respond(guest, later, Signup.Status.GOING)

    def items(user, now=None):
        request = rf.get("/")
        request.user = user
        return {item.title: item.status for item in selectors.next_for_home(request, now=now)}

    assert items(guest) == {"Lunchlezing": None, "Nieuwjaarsborrel": Signup.Status.GOING}
    # The same shared list, another reader: not the guest's answer.
    assert items(organiser) == {"Lunchlezing": None, "Nieuwjaarsborrel": None}
    # Two hours on, from the same cached list, the lunch lecture has ended.
    assert items(guest, now=soon.end + timedelta(minutes=1)) == {"Nieuwjaarsborrel": Signup.Status.GOING}


def test_my_answers_on_the_homepage_follow_my_changes_and_the_waiting_list_at_once(client, make_user, make_event):
    """Each reader's answers are kept per reader (selectors._add_home_statuses): answering, changing
    one's mind and moving up from the waiting list (a bulk update) all show on the next visit."""
    event = make_event("Nieuwjaarsborrel", signup_enabled=True, capacity=1, waiting_list=True)
    first, second = make_user("fleur"), make_user("gijs")

    def block(user):
        return homepage(client, user).split('id="events-home-title"')[1].split("</section>")[0]

    assert "Je gaat" not in block(second)
    signups.respond(first, event, Signup.Status.GOING)
    signups.respond(second, event, Signup.Status.GOING)
    assert "Je staat op de wachtlijst" in block(second)
    assert "Je gaat" in block(first)
    signups.respond(first, event, Signup.Status.NOT_GOING)  # the waiting list moves up
    assert "Je gaat" in block(second)
    assert "Je gaat niet" in block(first)
