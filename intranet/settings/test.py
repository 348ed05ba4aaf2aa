"""Test settings: fast hashing, mail in memory, axes off except where a test turns it on."""

from .base import *  # noqa: F401,F403
from .base import os

DEBUG = False
SECRET_KEY = "test-only-key-plein"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
AXES_ENABLED = False
MEDIA_ROOT = BASE_DIR / "test-media"  # noqa: F405
STORAGES = {
    "default": {"BACKEND": "intranet.storage.MediaStorage"},  # full/read-only disk: a form error
    # No collectstatic before tests: plain storage, so templates resolve {% static %} directly.
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
# Jobs run at once, at commit (intranet.jobs.enqueue), so tests see their effects (they capture commit
# callbacks); tests/jobs/ runs the real database queue and worker.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
if os.environ.get("REDIS_URL"):
    # cache.clear() flushes a whole Redis database, so each pytest-xdist worker gets a database of its
    # own (gw0 -> 1, gw1 -> 2, ...; 0 stays for a development server) and sessions survive other tests.
    # PLEIN_TEST_REDIS_BASE moves the range, so two test runs on one machine keep apart.
    from urllib.parse import urlsplit, urlunsplit

    _worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw")
    _base = int(os.environ.get("PLEIN_TEST_REDIS_BASE", "1"))
    _db = 1 + (_base - 1 + (int(_worker) if _worker.isdigit() else 0)) % 15
    _url = urlsplit(os.environ["REDIS_URL"])
    CACHES["default"]["LOCATION"] = urlunsplit(_url._replace(path=f"/{_db}"))  # noqa: F405
    CACHES["default"]["KEY_PREFIX"] = f"plein-test-{os.getpid()}"  # noqa: F405
# Tests build whole timelines through the services within seconds; the limits themselves are tested
# with explicit overrides (tests/security/test_spam.py). Comments keep SOCIAL_COMMENTS_PER_MINUTE.
THROTTLE_LIMITS = {action: {"minute": 10_000, "hour": 10_000} for action in THROTTLE_LIMITS}  # noqa: F405
# Tests search from several threads at once; the server-wide bound has its own tests.
EXPENSIVE_REQUESTS_TOTAL = 0
# One process gets every signal, so the people index's address (made by the migrations, never moved
# by a test) is kept until a signal forgets it: a time-out between two compared requests added a query.
PEOPLE_INDEX_KEEP_SECONDS = 10**9
