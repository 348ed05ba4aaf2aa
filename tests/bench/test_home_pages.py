"""home/bench.py on real pages, and the harness's query count through Django's test client."""

import pytest

from bench.measure import PageResult, add_query_counts, count_queries
from bench.pages import Target, discover
from home import bench as home_bench
from home.models import ContentPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def help_page(home):
    page = ContentPage(title="Hulp en handleiding", slug="hulp", intro="Snel op weg.", body="<p>Zoek.</p>")
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_home_offers_the_homepage_and_the_minimal_page(help_page, employee_client):
    pages = home_bench.bench_pages()
    assert [path for _, path in pages] == ["/", "/hulp/"]
    assert home_bench.minimal_page()[1] == "/hulp/"
    for _, path in pages:
        assert employee_client.get(path).status_code == 200


def test_without_the_help_page_the_reference_is_missing(home):
    with pytest.raises(LookupError):
        home_bench.minimal_page()
    targets, skipped = discover(["home"])
    assert not any(target.reference for target in targets)
    assert "no reference page" in skipped[0].note


def test_discover_over_installed_apps_puts_the_reference_first(help_page):
    targets, _ = discover()
    assert targets[0] == Target("home", home_bench.minimal_page()[0], "/hulp/", reference=True)
    assert [t.path for t in targets].count("/hulp/") == 1
    assert "/" in [t.path for t in targets]


def test_query_count_of_a_warm_page(help_page, employee_client):
    status, queries = count_queries(employee_client, "/hulp/")
    assert status == 200
    assert 0 < queries < 30


def test_query_count_only_for_measured_pages_and_notes_a_404(help_page, employee_client):
    results = [
        PageResult(Target("home", "Hulp", "/hulp/", True), [5.0]),
        PageResult(Target("rooms", "Weg", "/bestaat-niet/"), [5.0]),
        PageResult(Target("news", "Niet gemeten", "/nieuws/"), [], note="HTTP 404"),
    ]
    add_query_counts(employee_client, results)
    assert results[0].queries > 0 and results[0].note == ""
    assert results[1].queries is None and "HTTP 404 through the test client" in results[1].note
    assert results[2].queries is None and results[2].note == "HTTP 404"
