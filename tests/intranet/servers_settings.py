"""Production settings for the two-app-server test (tests/intranet/test_app_servers.py).

Only static files differ: whitenoise serves them from the source folders, so the test needs no
collectstatic. Everything else comes from the environment the test gives each gunicorn.
"""

from intranet.settings.production import *  # noqa: F401,F403
from intranet.settings.production import STORAGES

STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
WHITENOISE_USE_FINDERS = True
