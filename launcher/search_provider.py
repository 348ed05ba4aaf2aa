"""Apps in the one search box (owned by search/, issue 7): every active app of the catalogue."""

from django.utils.translation import gettext_lazy as _

from intranet.plugins import SearchResult
from launcher.models import App
from search.model_provider import FieldsSearchProvider


class AppsProvider(FieldsSearchProvider):
    kind = "apps"
    label = _("Apps")
    order = 60
    fields = ("name", "description")
    ordering = ("sort_order", "name")

    def queryset(self, user):
        return App.objects.filter(is_active=True)

    def to_result(self, app):
        return SearchResult(
            title=app.name, url=app.url, kind=self.kind, subtitle=app.description, image_url=app.icon_url
        )


def providers():
    return [AppsProvider()]
