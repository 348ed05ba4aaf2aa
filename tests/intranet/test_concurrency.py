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
