"""Local development: DEBUG on, mail to the console, a fixed key that never reaches production."""

from .base import *  # noqa: F401,F403
from .base import os

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-plein-do-not-use-in-production")
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
# runserver serves uncompressed files straight from the source folders.
STORAGES = {
    "default": {"BACKEND": "intranet.storage.MediaStorage"},  # full/read-only disk: a form error
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
