"""/api/v1/: the only views a token opens; every call is logged (api.calls)."""

from django.urls import path, re_path

from api import calls
from api.v1 import api

# The schema and the interactive docs stay behind the login wall (an employee's session).
DOCS = {"openapi-json", "openapi-view"}


def _patterns():
    urls, app_name, namespace = api.urls
    for pattern in urls:
        if pattern.name == "api-root":  # django-ninja's raises Http404: Django's HTML page
            pattern.callback = calls.not_found
    return (
        [calls.open_to_tokens(pattern) if pattern.name not in DOCS else pattern for pattern in urls],
        app_name,
        namespace,
    )


urlpatterns = [path("v1/", _patterns()), re_path(r"^v1/(?P<rest>.*)$", calls.not_found)]
