"""The homepage block and the progress page cost the same number of queries at two data sizes."""

import contextlib

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import PageViewRestriction

from mustread import services
from tests.factories import OrganisationUnitFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_search_indexing(settings):
    backends = {name: {**conf, "AUTO_UPDATE": False} for name, conf in settings.WAGTAILSEARCH_BACKENDS.items()}
    settings.WAGTAILSEARCH_BACKENDS = backends


@pytest.fixture
def fill(make_news, mark, units, person):
    """`size` must-reads (half for units, one restricted to a group), `size` people per unit, half confirmed."""
    person.organisation_unit = units["team"]
    person.save()
    group = Group.objects.create(name="Bestuur")

    def fill(size):
        extra = OrganisationUnitFactory(parent=units["department"])
        people = [
            PersonFactory(organisation_unit=unit)
            for unit in (units["team"], units["other"], extra)
            for _ in range(size)
        ]
        for number in range(size):
            page = make_news()
            targets = [units["department"], extra] if number % 2 else []
            mark(page, units=targets)
            for colleague in people[::2]:
                with contextlib.suppress(PermissionDenied):  # not in the audience
                    services.confirm(colleague.user, page)
        restricted = make_news()
        mark(restricted)
        PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.GROUPS).groups.add(
            group
        )
        return page

    return fill


def count(client, url):
    client.get(url)  # warm the caches every visitor shares
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_homepage_block_query_count_is_fixed(employee_client, fill, monkeypatch):
    import home.blocks
    from mustread import home_blocks

    monkeypatch.setattr(home.blocks, "_providers", lambda: iter((home_blocks.blocks,)))
    fill(1)
    small, html = count(employee_client, "/")
    assert 'data-block="mustread.outstanding"' in html
    fill(6)
    large, html = count(employee_client, "/")
    assert html.count("mustread-home__list") == 1
    assert small == large
    monkeypatch.setattr(home.blocks, "_providers", lambda: iter(()))
    bare, _html = count(employee_client, "/")
    assert large - bare <= 5


def test_progress_page_query_count_is_fixed(client, editor, fill, settings):
    settings.MUSTREAD_SHOW_NAMES = True  # the most expensive view: with names
    client.force_login(editor)
    page = fill(1)
    small, html = count(client, reverse("mustread:progress", args=[page.pk]))
    assert "Balie" in html
    page = fill(5)
    large, html = count(client, reverse("mustread:progress", args=[page.pk]))
    assert small == large
