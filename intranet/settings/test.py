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
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # No collectstatic before tests: plain storage, so templates resolve {% static %} directly.
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
if os.environ.get("REDIS_URL"):
    # Keep parallel test runs from reading each other's cache entries.
    CACHES["default"]["KEY_PREFIX"] = f"plein-test-{os.getpid()}"  # noqa: F405
