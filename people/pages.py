"""The one people page: /mensen/ serves the directory, profiles and the organisation chart.

People are routed here rather than being pages themselves (see people.models).
"""

from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from people import views


class PeopleIndexPage(RoutablePageMixin, Page):
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("people directory")

    @path("")
    def directory(self, request):
        return views.directory(request, self)

    @path("nieuw/", name="new")
    def new_colleagues(self, request):
        return views.new_colleagues(request, self)

    @path("ambassadeurs/", name="ambassadors")
    def ambassadors(self, request):
        return views.ambassadors(request, self)

    @path("organisatie/", name="org_chart")
    @path("organisatie/<slug:unit_slug>/", name="org_unit")
    def org_chart(self, request, unit_slug=None):
        return views.org_chart(request, self, unit_slug)

    @path("mijn-profiel/", name="my_profile")
    def my_profile(self, request):
        return views.my_profile(request, self)

    @path("<slug:slug>/", name="profile")
    def profile(self, request, slug):
        return views.profile(request, self, slug)

    @path("<slug:slug>/bewerken/", name="edit")
    def edit(self, request, slug):
        return views.edit(request, self, slug)

    @path("<slug:slug>/ambassadeur/", name="ambassador")
    def ambassador(self, request, slug):
        return views.toggle_ambassador(request, self, slug)


def ensure_people_page():
    """The migration makes /mensen/; this puts it back under the homepage if someone deleted it."""
    from home.models import HomePage

    if PeopleIndexPage.objects.exists():
        return PeopleIndexPage.objects.first()
    home = HomePage.objects.first()
    if home is None:
        return None
    page = home.add_child(instance=PeopleIndexPage(title="Mensen", slug="mensen"))
    page.save_revision().publish()
    return page
