"""The agenda, an event page and the homepage block cost the same number of queries at two data sizes."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from agenda import signups
from agenda.models import Signup, signups_of
from teams.models import Kind, Membership, State

pytestmark = pytest.mark.django_db


@pytest.fixture
def fill(make_event, make_team, make_team_event, make_user, organiser):
    teams = {"open": make_team("Fotografie", Kind.OPEN), "private": make_team("Geheim", Kind.PRIVATE)}
    counter = {"n": 0}

    def make(size):
        for _ in range(size):
            counter["n"] += 1
            n = counter["n"]
            page = make_event(title=f"Evenement {n}", signup_enabled=True, capacity=5, organisers=[organiser.person])
            signups.respond(organiser, page, Signup.Status.GOING)
            make_team_event(teams["open"], title=f"Open uitje {n}")
            make_team_event(teams["private"], title=f"Geheim uitje {n}")
            guest = make_user(f"gast{n}")
            Membership.objects.get_or_create(team=teams["private"], user=guest, defaults={"state": State.ACTIVE})
            signups.respond(guest, page, Signup.Status.GOING)
        return page

    return make


def _count(client, url):
    client.get(url)  # warm per-process caches (content types, routes, site) as a running site has them
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response.content.decode()


@pytest.mark.parametrize("url", ["/agenda/", "/agenda/maand/", "/agenda/archief/", "/agenda/?filter=mine"])
def test_agenda_pages_do_not_grow(client, organiser, fill, url):
    client.force_login(organiser)
    fill(1)
    small, _html = _count(client, url)
    fill(8)
    large, html = _count(client, url)
    assert small == large
    if url == "/agenda/":
        assert "Evenement 9" in html and "Geheim uitje 9" in html


def _grow(event, make_user, through, key, size):
    """More sign-ups (going, then the waiting list) and more organisers on the measured event itself."""
    start = signups_of(event).count()
    for n in range(start, start + size):
        guest = make_user(f"{key}-{event.pk}-{n}")
        signups.respond(guest, event, Signup.Status.GOING)
        through.objects.create(**{key: event.pk}, person_id=guest.person.pk)


def test_an_event_page_does_not_grow(client, organiser, fill, make_user):
    from agenda.models import EventPage

    client.force_login(organiser)
    page = fill(1)
    small, _html = _count(client, page.url)
    fill(8)
    _grow(page, make_user, EventPage.organisers.through, "eventpage_id", 8)
    page.refresh_from_db()
    large, html = _count(client, page.url)
    assert small == large
    assert "Nieuwjaarsborrel" not in html and page.title in html
    assert signups_of(page).filter(status=Signup.Status.WAITING).exists()  # it did grow: full now


def test_a_team_event_page_does_not_grow(client, organiser, make_team, make_team_event, make_user):
    from agenda.models import TeamEvent

    client.force_login(organiser)
    event = make_team_event(make_team("Fotografie", Kind.OPEN), title="Fotowandeling", capacity=5)
    url = f"/evenementen/team/{event.pk}/"
    _grow(event, make_user, TeamEvent.organisers.through, "teamevent_id", 1)
    small, _html = _count(client, url)
    _grow(event, make_user, TeamEvent.organisers.through, "teamevent_id", 8)
    large, html = _count(client, url)
    assert small == large
    assert "Fotowandeling" in html
    assert signups_of(event).filter(status=Signup.Status.WAITING).count() == 4


def test_the_homepage_block_does_not_grow(rf, organiser, fill, django_assert_num_queries):
    from agenda.home_blocks import blocks

    def run():
        request = rf.get("/")
        request.user = organiser
        request.user.person  # noqa: B018 (loaded by the homepage before the blocks run)
        with CaptureQueriesContext(connection) as captured:
            [block] = blocks(request)
        return len(captured), block

    fill(1)
    run()
    small, _block = run()
    fill(8)
    run()  # publishing retired the shared part (the agenda's address): warm it again
    large, block = run()
    # the sections hidden from the user, organisation events, team events, my answers
    assert small == large <= 4
    assert len(block.context["items"]) == 5


@pytest.mark.parametrize(("url", "days"), [("/agenda/", 1), ("/agenda/archief/", -3)])
def test_a_later_page_costs_what_the_first_does(client, organiser, fill, make_team, make_team_event, url, days):
    from datetime import timedelta

    from django.utils import timezone

    client.force_login(organiser)
    team = make_team("Wandelen")
    start = timezone.now().replace(minute=0, second=0, microsecond=0) + timedelta(days=days)

    def grow(first, last):
        for n in range(first, last):
            make_team_event(team, title=f"Wandeling {n}", start=start + timedelta(hours=n if days > 0 else -n))

    fill(1)
    grow(0, 70)
    first, _html = _count(client, url)
    second, _html = _count(client, f"{url}?pagina=2")
    grow(70, 130)
    fill(2)
    later, html = _count(client, f"{url}?pagina=4")
    assert first == second == later
    assert "Wandeling" in html and "Vorige pagina" in html
