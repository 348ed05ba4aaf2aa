"""Local development: DEBUG on, mail to the console, a fixed key that never reaches production."""

from .base import *  # noqa: F401,F403
from .base import STORAGES, os

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-plein-do-not-use-in-production")
MAIL_DELIVERY_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
# runserver serves uncompressed files straight from the source folders.
STORAGES = {
    "default": STORAGES["default"],  # the file system, or MEDIA_STORAGE=s3
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# A mistyped URL shows Plein's own 404 page, not Django's English debug page (set PLEIN_DEBUG_404=1
# to see which URL patterns were tried).
if os.environ.get("PLEIN_DEBUG_404", "") != "1":
    MIDDLEWARE = [*MIDDLEWARE, "intranet.error_views.FriendlyNotFoundMiddleware"]  # noqa: F405
