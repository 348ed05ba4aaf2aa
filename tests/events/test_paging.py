"""The agenda and the archive in pages of 30 (?pagina=N): the filter kept in the links, bad numbers
answered with a page, equal events never shown twice or skipped."""

from datetime import timedelta

import pytest
from django.utils import timezone

from agenda.selectors import PAGE_SIZE

pytestmark = pytest.mark.django_db


@pytest.fixture
def many(make_team, make_team_event):
    """PAGE_SIZE + 5 coming team events, an hour apart, and as many past ones."""
    team = make_team("Wandelen")
    soon = timezone.now().replace(minute=0, second=0, microsecond=0) + timedelta(days=1)
    for n in range(PAGE_SIZE + 5):
        make_team_event(team, title=f"Wandeling {n:02d}", start=soon + timedelta(hours=n))
        make_team_event(team, title=f"Terugblik {n:02d}", start=soon - timedelta(days=3, hours=n))
    return team


def _titles(html, prefix):
    return {f"{prefix} {n:02d}" for n in range(PAGE_SIZE + 5) if f"{prefix} {n:02d}<" in html}


def test_the_second_page_of_the_agenda_holds_the_later_events(client, organiser, many):
    client.force_login(organiser)
    first = client.get("/agenda/").content.decode()
    second = client.get("/agenda/", {"pagina": 2}).content.decode()
    assert _titles(first, "Wandeling") == {f"Wandeling {n:02d}" for n in range(PAGE_SIZE)}
    assert _titles(second, "Wandeling") == {f"Wandeling {n:02d}" for n in range(PAGE_SIZE, PAGE_SIZE + 5)}
    assert "Volgende pagina" in first and "Vorige pagina" in second and "Volgende pagina" not in second


def test_the_second_page_of_the_archive_holds_the_older_events(client, organiser, many):
    client.force_login(organiser)
    second = client.get("/agenda/archief/", {"pagina": 2}).content.decode()
    assert _titles(second, "Terugblik") == {f"Terugblik {n:02d}" for n in range(PAGE_SIZE, PAGE_SIZE + 5)}
    assert "Wandeling" not in second


def test_the_page_links_keep_the_filter(client, organiser, many):
    client.force_login(organiser)
    html = client.get("/agenda/", {"filter": "teams"}).content.decode()
    assert 'href="?filter=teams&amp;pagina=2"' in html
    html = client.get("/agenda/archief/", {"filter": "teams", "pagina": 2}).content.decode()
    assert 'href="?filter=teams&amp;pagina=1"' in html


@pytest.mark.parametrize("number", ["abc", "-1", "0", "99999", "9" * 40, "2.5"])
def test_a_bad_page_number_answers_with_a_page(client, organiser, many, number):
    client.force_login(organiser)
    response = client.get("/agenda/", {"pagina": number})
    assert response.status_code == 200
    html = response.content.decode()
    shown = _titles(html, "Wandeling")
    last = number in ("99999", "9" * 40)
    assert shown == {f"Wandeling {n:02d}" for n in (range(PAGE_SIZE, PAGE_SIZE + 5) if last else range(PAGE_SIZE))}


def test_events_at_the_same_time_with_the_same_title_are_each_shown_once(
    client, organiser, make_team, make_team_event, make_event
):
    """The order is total (start, title, kind, id): the pages split equal events without overlap."""
    start = timezone.now().replace(minute=0, second=0, microsecond=0) + timedelta(days=2)
    team = make_team("Wandelen")
    made = {("team", make_team_event(team, title="Overleg", start=start).pk) for _ in range(PAGE_SIZE + 2)}
    made.add(("pagina", make_event(title="Overleg", start=start).pk))
    client.force_login(organiser)
    seen = []
    for number in (1, 2):
        response = client.get("/agenda/", {"pagina": number})
        seen += [(item.kind, item.pk) for item in response.context["items"]]
    assert len(seen) == len(made) and set(seen) == made
