"""Honest counting: one person counts once a day, and rare search terms are never listed."""

import datetime
import re
from concurrent.futures import ThreadPoolExecutor

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from directregelen.selectors import popular_services
from search import selectors
from search.models import DailyClick, DailyQuery
from tests.directregelen.conftest import make_service
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

RESULTS = reverse("search:results")
STATISTICS = reverse("search_statistics")


def _people(count):
    return [PersonFactory().user for _ in range(count)]


def _search_as(client, users, text):
    for user in users:
        client.force_login(user)
        assert client.get(RESULTS, {"q": text}).status_code == 200


def _listed(client, superuser):
    client.force_login(superuser)
    page = BeautifulSoup(client.get(STATISTICS).content, "html.parser")
    return [row.td.get_text(strip=True) for row in page.select("table.listing")[0].select("tbody tr")]


def test_fifty_searches_by_one_person_count_once(client, employee):
    client.force_login(employee)
    for _ in range(50):
        client.get(RESULTS, {"q": "Reorganisatie Publiekszaken"})
    row = DailyQuery.objects.get()
    assert (row.query, row.searches, row.zero_results) == ("reorganisatie publiekszaken", 1, 1)


def test_the_dedupe_key_names_neither_person_nor_query(client, employee):
    client.force_login(employee)
    client.get(RESULTS, {"q": "zwangerschapsverlof"})
    from intranet import counting

    key = counting.seen_key("search.query", employee.pk, "zwangerschapsverlof", timezone.localdate())
    assert cache.get(key) is True
    assert re.fullmatch(r"counted:\d{8}:[0-9a-f]{32}", key)  # a daily HMAC: no account id, no query
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    assert counting.seen_key("search.query", employee.pk, "zwangerschapsverlof", yesterday) != key
    assert {f.name for f in DailyQuery._meta.get_fields()} == {"id", "day", "query", "searches", "zero_results"}


def test_a_term_of_two_people_is_not_listed_of_three_it_is(client, superuser):
    two, three = _people(2), _people(3)
    _search_as(client, two, "ziekmelding Jansen")
    for user in two:  # the same two again, many times: still two people
        client.force_login(user)
        for _ in range(5):
            client.get(RESULTS, {"q": "ziekmelding jansen"})
    _search_as(client, three, "parkeervergunning")
    assert DailyQuery.objects.get(query="ziekmelding jansen").searches == 2
    assert "ziekmelding jansen" not in _listed(client, superuser)
    assert [row["query"] for row in selectors.queries_without_results()] == ["parkeervergunning"]

    _search_as(client, _people(1), "ziekmelding jansen")
    listed = _listed(client, superuser)
    assert "ziekmelding jansen" in listed and "parkeervergunning" in listed
    assert {row["query"]: row["total"] for row in selectors.popular_queries()} == {
        "ziekmelding jansen": 3,
        "parkeervergunning": 3,
    }


def test_the_kpi_dashboard_lists_only_terms_of_three_people(client, superuser):
    _search_as(client, _people(2), "burn-out klachten")
    _search_as(client, _people(3), "fietsplan")
    client.force_login(superuser)
    html = client.get(reverse("insights_dashboard")).content.decode()
    assert "fietsplan" in html
    assert "burn-out klachten" not in html


def test_one_person_opening_a_result_again_counts_once(client, employee):
    from intranet.plugins import SearchResult
    from search.services import click_url

    link = click_url(SearchResult(title="Verlof", url="/verlof/", kind="pages"))
    client.force_login(employee)
    for _ in range(20):
        assert client.get(link).status_code == 302
    assert DailyClick.objects.get().clicks == 1
    client.force_login(PersonFactory().user)
    client.get(link)
    assert DailyClick.objects.get().clicks == 2


def test_a_result_opened_by_fewer_than_three_people_is_not_listed(client, superuser):
    """Opened results name what was looked up (a colleague's profile): the same three-people rule."""
    from django.utils import timezone

    today = timezone.localdate()
    DailyClick.objects.create(day=today, url="/mensen/ruud/", title="Ruud Hendriks", kind="people", clicks=2)
    DailyClick.objects.create(day=today, url="/verlof/", title="Verlof aanvragen", kind="pages", clicks=3)
    client.force_login(superuser)
    html = client.get(reverse("search_statistics")).content.decode()
    assert "Verlof aanvragen" in html
    assert "Ruud Hendriks" not in html


@pytest.fixture
def services(home):
    from directregelen.models import DirectRegelenPage
    from tests.directregelen.conftest import make_department, publish

    portal = publish(home, DirectRegelenPage(title="Direct regelen", slug="direct-regelen"))
    ict = make_department(portal, "ICT", "ict", "ICT")
    return make_service(ict, "Nieuwe laptop", "nieuwe-laptop"), make_service(ict, "Verlof aanvragen", "verlof")


def test_reloading_a_service_cannot_push_it_up_the_portal(client, services):
    laptop, leave = services
    fan, *colleagues = _people(3)
    client.force_login(fan)
    for _ in range(50):
        assert client.get(laptop.url).status_code == 200
    for user in colleagues:
        client.force_login(user)
        client.get(leave.url)
    assert laptop.views_per_day.get(day=timezone.localdate()).views == 1
    assert leave.views_per_day.get().views == 2
    assert popular_services() == [leave, laptop]
    portal_html = client.get("/direct-regelen/").content.decode()
    popular = portal_html[portal_html.index("Meest gebruikt") :]
    assert popular.index("Verlof aanvragen") < popular.index("Nieuwe laptop")


def test_counting_is_race_safe_under_concurrent_first_requests(employee):
    """The cache's add is the guard: of many simultaneous attempts for one person, day and thing one wins."""
    from intranet import counting

    with ThreadPoolExecutor(max_workers=8) as pool:
        wins = list(pool.map(lambda _: counting.first_time_today("search.query", employee, "verlof"), range(40)))
    assert wins.count(True) == 1
    assert counting.first_time_today("search.query", employee, "vakantie")
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    assert counting.first_time_today("search.query", employee, "verlof", day=tomorrow)
