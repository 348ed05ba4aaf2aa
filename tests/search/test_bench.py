"""search/bench.py's pages answer, and the timing command runs (it measures, it asserts no times)."""

import io

import pytest
from django.core.management import call_command

from search import bench
from search.models import DailyQuery
from tests.factories import PersonFactory


@pytest.mark.django_db
def test_bench_pages_answer(employee_client):
    for number in range(101):
        PersonFactory(first_name=f"Bram{number}", last_name=f"Lid{number:03d}")
    pages = bench.bench_pages()
    assert len(pages) == 8
    for label, path in pages:
        response = employee_client.get(path)
        assert response.status_code == 200, label
    assert any(label.startswith("Suggesties") for label, _ in pages)


@pytest.mark.django_db
def test_search_timings_command_reports_percentiles(person):
    PersonFactory(first_name="Jet", last_name="Groen")
    out = io.StringIO()
    call_command("search_timings", queries=6, username="sanne", forget=True, cold=True, stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0].endswith("6 queries, no cache hits")
    assert lines[3].startswith("| suggestions |") and lines[4].startswith("| results |")
    assert not DailyQuery.objects.exists()
