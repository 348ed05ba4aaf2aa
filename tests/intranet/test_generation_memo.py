"""Each cache generation is read from the cache once per request (intranet.caching.RequestGenerations):
the homepage's blocks asked Redis for the same generation a dozen times. A request still sees its own
bumps, and the next request sees everyone's."""

import pytest
from django.core.cache import cache
from django.http import HttpResponse

from intranet import caching

pytestmark = pytest.mark.django_db


class CountingCache:
    """Counts reads of generation keys on the real cache."""

    def __init__(self, monkeypatch):
        self.reads = []
        real_get = cache.get

        def get(key, *args, **kwargs):
            if str(key).startswith("plein:generation:"):
                self.reads.append(key)
            return real_get(key, *args, **kwargs)

        monkeypatch.setattr(cache, "get", get)


def _request(view):
    return caching.RequestGenerations(view)(None)


def test_a_request_reads_each_generation_once_and_sees_its_own_bump(monkeypatch):
    counting = CountingCache(monkeypatch)
    seen = {}

    def view(request):
        seen["first"] = caching.generation("memo-test")
        assert caching.generation("memo-test") == seen["first"]
        assert caching.versioned_key("memo-test", "x") == f"plein:memo-test:{seen['first']}:x"
        caching.bump("memo-test")
        seen["after bump"] = caching.generation("memo-test")
        return HttpResponse()

    _request(view)
    assert counting.reads.count("plein:generation:memo-test") == 2  # the first read, and add()'s check
    assert seen["after bump"] != seen["first"]
    assert seen["after bump"] == cache.get("plein:generation:memo-test")


def test_the_next_request_sees_a_bump_made_elsewhere(monkeypatch):
    values = []

    def view(request):
        values.append(caching.generation("memo-test"))
        return HttpResponse()

    _request(view)
    caching.bump("memo-test")  # another process (a job, another worker)
    _request(view)
    assert values[0] != values[1]


def test_outside_a_request_every_read_goes_to_the_cache(monkeypatch):
    counting = CountingCache(monkeypatch)
    caching.generation("memo-test")
    counting.reads.clear()
    for _ in range(3):
        caching.generation("memo-test")
    assert len(counting.reads) == 3
