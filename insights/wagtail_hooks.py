"""The "Insights" menu (dashboard, moderation overview) for community managers, and the page-view hook."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from insights import admin_views, services, tracking


@hooks.register("before_serve_page")
def remember_served_page(page, request, serve_args, serve_kwargs):
    tracking.note_page(page, request)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("inzichten/", admin_views.dashboard, name="insights_dashboard"),
        path("inzichten/meting/", admin_views.take_snapshot, name="insights_snapshot"),
        path("inzichten/moderatie/", admin_views.moderation_overview, name="insights_moderation"),
        path("inzichten/enquetes/<int:page_id>/", admin_views.survey_detail, name="insights_survey"),
    ]


class InsightsMenuItem(MenuItem):
    def is_shown(self, request):
        return services.can_view_insights(request.user)


class InsightsSubmenu(SubmenuMenuItem):
    def is_shown(self, request):
        return services.can_view_insights(request.user)


insights_menu = Menu(
    register_hook_name="register_insights_menu_item",
    construct_hook_name="construct_insights_menu",
)


@hooks.register("register_insights_menu_item")
def dashboard_menu_item():
    return InsightsMenuItem(_("Dashboard"), reverse("insights_dashboard"), icon_name="view", order=100)


@hooks.register("register_insights_menu_item")
def moderation_menu_item():
    return InsightsMenuItem(_("Moderation overview"), reverse("insights_moderation"), icon_name="warning", order=200)


@hooks.register("register_admin_menu_item")
def insights_menu_item():
    return InsightsSubmenu(_("Insights"), insights_menu, icon_name="view", name="insights", order=750)
