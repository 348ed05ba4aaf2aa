"""Editors manage the apps as snippets: Apps in the admin menu, with search and filters."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from launcher.models import App


class AppViewSet(SnippetViewSet):
    model = App
    icon = "grip"
    menu_label = App._meta.verbose_name_plural
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["name", "category", "url", "is_active"]
    list_filter = ["category", "is_active"]
    search_fields = ["name", "description"]
    ordering = ["sort_order", "name"]


register_snippet(AppViewSet)
