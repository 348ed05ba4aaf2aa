"""What the PostgreSQL + Redis configuration promises; skipped where that configuration is not in use."""

import os

import pytest
from django.conf import settings
from django.core.cache import cache
from wagtail.models import Page

from tests.conftest import is_postgres

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(not is_postgres(), reason="runs on PostgreSQL (CI's second pass)")
def test_postgres_connections_are_persistent_and_health_checked():
    database = settings.DATABASES["default"]
    assert database["CONN_MAX_AGE"] > 0
    assert database["CONN_HEALTH_CHECKS"] is True


@pytest.mark.skipif(not is_postgres(), reason="Dutch stemming needs PostgreSQL's 'dutch' configuration")
def test_search_stems_dutch_words(home):
    from home.models import ContentPage

    home.add_child(
        instance=ContentPage(title="Vergaderingen plannen", slug="vergaderingen", intro="Over vergaderingen")
    )
    titles = [page.title for page in Page.objects.live().search("vergadering")]
    assert "Vergaderingen plannen" in titles


@pytest.mark.skipif(is_postgres(), reason="SQLite's fallback is tested on SQLite")
def test_sqlite_falls_back_to_its_own_search(home):
    from home.models import ContentPage

    home.add_child(instance=ContentPage(title="Parkeren bij het stadhuis", slug="parkeren"))
    assert [page.title for page in Page.objects.live().search("parkeren")] == ["Parkeren bij het stadhuis"]


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="runs when REDIS_URL is set (CI's second pass)")
def test_cache_and_sessions_live_in_redis(employee_client):
    assert settings.CACHES["default"]["BACKEND"] == "django_redis.cache.RedisCache"
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.cached_db"
    cache.set("plein-test-key", "waarde", 10)
    assert cache.get("plein-test-key") == "waarde"
    # Sessions are read through Redis and kept in the database (a Redis restart logs nobody out).
    assert employee_client.get("/").status_code == 200


@pytest.mark.skipif(bool(os.environ.get("REDIS_URL")), reason="without REDIS_URL")
def test_without_redis_local_memory_and_database_sessions():
    assert settings.CACHES["default"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"
