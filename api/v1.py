"""The versioned API: /api/v1/ (django-ninja), its OpenAPI schema and interactive docs (docs/api.md)."""

from django.contrib.auth.decorators import login_required
from ninja import NinjaAPI

from api import errors
from api.routes import archive, content, requests

api = NinjaAPI(
    title="Plein API",
    version="1",
    description=(
        "The integration API of Plein: Direct regelen requests for the departments' own systems, news, "
        "pages and the people directory for apps and screens, and the archive export for the DMS. "
        "Errors: {status, detail (Dutch), detail_en, errors (per field, on 400)}. See docs/api.md."
    ),
    urls_namespace="api-v1",
    docs_decorator=login_required,
)
errors.install(api)
api.add_router("", requests.router)
api.add_router("", content.router)
api.add_router("", archive.router)
