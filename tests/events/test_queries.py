"""The agenda, an event page and the homepage block cost the same number of queries at two data sizes."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from agenda import signups
from agenda.models import Signup
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


def test_an_event_page_does_not_grow(client, organiser, fill):
    client.force_login(organiser)
    page = fill(1)
    small, _html = _count(client, page.url)
    fill(8)
    page.refresh_from_db()
    large, html = _count(client, page.url)
    assert small == large
    assert "Nieuwjaarsborrel" not in html and page.title in html


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
