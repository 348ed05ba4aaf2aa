"""Expensive requests cannot starve the rest: intranet.concurrency and the search page behind it."""

import threading

import pytest

from intranet import concurrency

pytestmark = pytest.mark.django_db


def test_two_slots_then_busy_and_free_again(settings):
    settings.EXPENSIVE_REQUESTS_PER_PROCESS = 2
    with concurrency.slot("test-kind"), concurrency.slot("test-kind"):
        with pytest.raises(concurrency.Busy):
            with concurrency.slot("test-kind", wait=0.05):
                pass
        with concurrency.slot("other-kind", wait=0.05):  # each kind has its own slots
            pass
    with concurrency.slot("test-kind", wait=0.05):
        pass


def test_a_search_finding_its_slots_taken_answers_at_once_and_keeps_the_words(employee_client, settings):
    settings.EXPENSIVE_REQUESTS_PER_PROCESS = 1
    taken, release = threading.Event(), threading.Event()

    def hold():
        with concurrency.slot("search"):
            taken.set()
            release.wait(10)

    holder = threading.Thread(target=hold)
    holder.start()
    taken.wait(5)
    try:
        response = employee_client.get("/zoeken/", {"q": "<b>verlof</b>"})
    finally:
        release.set()
        holder.join()
    assert response.status_code == 503 and response["Retry-After"] == "5"
    html = response.content.decode()
    assert "Zoeken is op dit moment erg druk" in html
    assert 'value="&lt;b&gt;verlof&lt;/b&gt;"' in html
    assert employee_client.get("/zoeken/", {"q": "verlof"}).status_code == 200


def test_a_search_answered_from_the_cache_needs_no_slot(employee_client, settings):
    """Only real work waits for a slot: the same words again come from the cache while all are taken."""
    settings.EXPENSIVE_REQUESTS_PER_PROCESS = 1
    assert employee_client.get("/zoeken/", {"q": "verlof"}).status_code == 200
    with concurrency.slot("search"):
        assert employee_client.get("/zoeken/", {"q": "verlof"}).status_code == 200
        assert employee_client.get("/zoeken/", {"q": "ziekmelding"}).status_code == 503


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_server_wide_bound_holds_across_connections_like_other_workers(settings):
    """EXPENSIVE_REQUESTS_TOTAL counts over every process and app server: advisory locks in PostgreSQL.
    A thread has its own database connection, as another gunicorn worker would."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("advisory locks need PostgreSQL")
    settings.EXPENSIVE_REQUESTS_PER_PROCESS = 10
    settings.EXPENSIVE_REQUESTS_TOTAL = 1
    taken, release, outcome = threading.Event(), threading.Event(), []

    def other_worker():
        try:
            with concurrency.slot("search"):
                taken.set()
                release.wait(10)
        finally:
            connection.close()

    holder = threading.Thread(target=other_worker)
    holder.start()
    assert taken.wait(10)
    try:
        with pytest.raises(concurrency.Busy):
            with concurrency.slot("search", wait=0.2):
                outcome.append("ran")
        with concurrency.slot("export", wait=0.2):  # another kind has its own bound
            outcome.append("export")
    finally:
        release.set()
        holder.join()
    with concurrency.slot("search", wait=2):
        outcome.append("search")
    assert outcome == ["export", "search"]
    assert concurrency.server_limit() == 1
    settings.EXPENSIVE_REQUESTS_TOTAL = None
    assert concurrency.server_limit() >= 1
