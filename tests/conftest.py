import os
import shutil
import socket
import uuid
from types import SimpleNamespace

import pytest
from django.conf import settings as django_settings

from tests.factories import PersonFactory


@pytest.fixture(scope="session", autouse=True)
def _serialized_snapshot_everywhere(django_db_setup):
    """Serialized rollback keeps its snapshot on the connection wrapper, but Playwright's event loop gives
    later tests new wrappers without it; a flush then re-runs post_migrate and the next restore collides
    with the content types it made. Keeping the snapshot on the wrapper class reaches every wrapper."""
    from django.db import connections

    connection = connections["default"]
    snapshot = getattr(connection, "_test_serialized_contents", None)
    if snapshot is not None:
        type(connection)._test_serialized_contents = snapshot


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Cached verdicts keyed on primary keys must not leak into the next test, which reuses them.

    Only this process's keys (its own KEY_PREFIX, intranet/settings/test.py): cache.clear() is a
    FLUSHDB, which also emptied a bench or another run sharing the Redis database number (a bench
    search answer lost every few seconds measured 3.5x instead of 1.25x, docs/performance.md)."""
    from django.core.cache import cache

    if hasattr(cache, "delete_pattern"):
        cache.delete_pattern("*")
    else:
        cache.clear()


@pytest.fixture(autouse=True)
def _media_root(tmp_path, settings):
    """Uploads from one test never show up in another's, nor in the project's media folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    yield
    shutil.rmtree(tmp_path / "media", ignore_errors=True)


@pytest.fixture
def person(db):
    """An ordinary employee with a login."""
    return PersonFactory(first_name="Sanne", tussenvoegsel="de", last_name="Boer", user__username="sanne")


@pytest.fixture
def employee(person):
    return person.user


@pytest.fixture
def make_user(db):
    """make_user(username, **person_fields): an employee's account (with a Person), by username."""

    def make(username, **kwargs):
        return PersonFactory(user__username=username, **kwargs).user

    return make


@pytest.fixture
def employee_client(client, employee):
    client.force_login(employee)
    return client


@pytest.fixture
def superuser(db):
    user = PersonFactory(user__username="admin", first_name="Rob", last_name="Kuipers").user
    user.is_staff = user.is_superuser = True
    user.save()
    return user


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture
def home(db):
    from home.models import HomePage

    return HomePage.objects.get()


def is_postgres():
    return django_settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"


def session_queries():
    """Queries a request spends reading its session: none with Redis (the cached_db engine reads the
    cache), one without (the plain database engine). Tight query ceilings add this."""
    return 0 if django_settings.SESSION_ENGINE.endswith("cached_db") else 1


def pytest_collection_modifyitems(config, items):
    """Every transactional test restores what the migrations made (Wagtail's root, the homepage, the
    site, groups) before it runs: a flush by an earlier transactional test must not leave the next one
    with an empty page tree. pytest-django already runs them after the ordinary database tests."""
    _skip_slow_here(items)
    for item in items:
        marker = item.get_closest_marker("django_db")
        transactional = bool(marker and (marker.kwargs.get("transaction") or (marker.args and marker.args[0])))
        fixtures = set(getattr(item, "fixturenames", ()))
        if transactional or {"transactional_db", "live_server"} & fixtures:
            if not (marker and marker.kwargs.get("serialized_rollback")):
                # Prepended: the closest django_db marker wins, and a test's own one would hide this.
                databases = marker.kwargs.get("databases") if marker else None
                extra = {"databases": databases} if databases else {}
                item.add_marker(
                    pytest.mark.django_db(transaction=True, serialized_rollback=True, **extra), append=False
                )


def _skip_slow_here(items):
    """CI runs the suite on SQLite and on PostgreSQL; browser and fault tests are slow and test the
    same code on both, so the SQLite pass (PLEIN_SKIP_SLOW=1) leaves them to the PostgreSQL pass."""
    if os.environ.get("PLEIN_SKIP_SLOW") != "1":
        return
    reason = "slow browser/fault test: CI runs it once, on PostgreSQL (PLEIN_SKIP_SLOW=1)"
    for item in items:
        browser = "browser" in getattr(item, "fixturenames", ()) or item.get_closest_marker("browser")
        if "tests/e2e/" in str(item.fspath) or browser or item.get_closest_marker("slow"):
            item.add_marker(pytest.mark.skip(reason=reason))


S3_KEYS = {"access_key": "plein-test", "secret_key": "plein-test-secret", "region_name": "eu-west-1"}


@pytest.fixture(scope="session")
def s3_endpoint():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def s3(s3_endpoint, settings):
    """A fresh private bucket on a local S3 server (moto) as the default storage; .keys() lists it."""
    import boto3

    bucket = f"plein-{uuid.uuid4().hex[:16]}"
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        aws_access_key_id=S3_KEYS["access_key"],
        aws_secret_access_key=S3_KEYS["secret_key"],
        region_name=S3_KEYS["region_name"],
    )
    client.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": S3_KEYS["region_name"]})
    options = {"bucket_name": bucket, "endpoint_url": s3_endpoint, **S3_KEYS}
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "intranet.s3_storage.S3MediaStorage", "OPTIONS": options},
    }

    def keys():
        return sorted(item["Key"] for item in client.list_objects_v2(Bucket=bucket).get("Contents", []))

    return SimpleNamespace(client=client, bucket=bucket, keys=keys, options=options)
