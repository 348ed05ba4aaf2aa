"""The one people page: /mensen/ serves the directory, profiles and the organisation chart.

People are routed here rather than being pages themselves (see people.models).
"""

from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from intranet.pages import index_page


def _view(name):
    """people.views.<name>, found when a route is served: the views import people.models, which
    imports this page model (Wagtail finds page models there), so they cannot be imported here."""
    return import_string(f"people.views.{name}")


class PeopleIndexPage(RoutablePageMixin, Page):
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("people directory")

    @path("")
    def directory(self, request):
        return _view("directory")(request, self)

    @path("nieuw/", name="new")
    def new_colleagues(self, request):
        return _view("new_colleagues")(request, self)

    @path("ambassadeurs/", name="ambassadors")
    def ambassadors(self, request):
        return _view("ambassadors")(request, self)

    @path("organisatie/", name="org_chart")
    @path("organisatie/<slug:unit_slug>/", name="org_unit")
    def org_chart(self, request, unit_slug=None):
        return _view("org_chart")(request, self, unit_slug)

    @path("mijn-profiel/", name="my_profile")
    def my_profile(self, request):
        return _view("my_profile")(request, self)

    @path("<slug:slug>/", name="profile")
    def profile(self, request, slug):
        return _view("profile")(request, self, slug)

    @path("<slug:slug>/bewerken/", name="edit")
    def edit(self, request, slug):
        return _view("edit")(request, self, slug)

    @path("<slug:slug>/ambassadeur/", name="ambassador")
    def ambassador(self, request, slug):
        return _view("toggle_ambassador")(request, self, slug)


def ensure_people_page():
    """The migration makes /mensen/; this puts it back under the homepage if someone deleted it."""
    return index_page(PeopleIndexPage, "Mensen", "mensen")
