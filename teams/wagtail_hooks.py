"""Teams in the Wagtail admin: team pages live in the page tree (under Teams); whoever creates one
there becomes its first admin, as on the front end."""

from django.http import Http404
from django.urls import path
from wagtail import hooks

from teams.admin_visibility import (
    BULK_ACTIONS,
    ChosenPagesView,
    PageTypesUsageView,
    install_chosen_page_limits,
    is_hidden,
    replace_dashboard_panels,
    without_hidden,
)
from teams.models import Kind, Membership, Role, State, TeamPage


@hooks.register("after_create_page")
def make_creator_admin(request, page):
    page = page.specific
    if not isinstance(page, TeamPage) or page.memberships.exists():
        return
    Membership.objects.create(team=page, user=request.user, role=Role.ADMIN, state=State.ACTIVE)
    TeamPage.objects.filter(pk=page.pk).update(member_count=1, created_by=request.user)


# Private teams stay invisible in the admin to those who cannot see them (teams.admin_visibility).
@hooks.register("construct_explorer_page_queryset")
def hide_private_teams_in_explorer(parent_page, pages, request):
    return without_hidden(pages, request.user)


@hooks.register("construct_page_chooser_queryset")
def hide_private_teams_in_chooser(pages, request):
    # Browsing into a hidden team (choose-page/<id>/) would show its title as the parent.
    if is_hidden(request.user, (request.resolver_match.kwargs if request.resolver_match else {}).get("parent_page_id")):
        raise Http404
    return without_hidden(pages, request.user)


@hooks.register("register_admin_url_overrides")
def private_team_url_overrides():
    return [
        path("choose-page/chosen-multiple/", ChosenPagesView.as_view()),
        path("reports/page-types-usage/", PageTypesUsageView.as_view()),
        path("reports/page-types-usage/results/", PageTypesUsageView.as_view(results_only=True)),
    ]


def _register_bulk_actions():
    # order=1: after Wagtail's own (order 0), which these replace for every page.
    for action in BULK_ACTIONS:
        hooks.register("register_bulk_action", action, order=1)


_register_bulk_actions()


@hooks.register("construct_homepage_panels")
def hide_private_teams_on_dashboard(request, panels):
    replace_dashboard_panels(panels)


def _no_moderation_for_private_teams(request, page_is_private):
    # A private team never enters a workflow (TeamPage.get_workflow): "submit" saves a draft instead,
    # also when this very edit makes the team private (Wagtail would start a missing workflow).
    if request.method != "POST" or not page_is_private:
        return
    if "action-submit" in request.POST or "action-restart-workflow" in request.POST:
        request.POST = request.POST.copy()
        for key in ("action-submit", "action-restart-workflow"):
            request.POST.pop(key, None)


@hooks.register("before_edit_page")
def no_moderation_for_private_team_edits(request, page):
    page = page.specific
    if isinstance(page, TeamPage):
        _no_moderation_for_private_teams(request, Kind.PRIVATE in (page.kind, request.POST.get("kind")))


@hooks.register("before_create_page")
def no_moderation_for_new_private_teams(request, parent_page, page_class):
    if issubclass(page_class, TeamPage):
        _no_moderation_for_private_teams(request, request.POST.get("kind") == Kind.PRIVATE)


def _install_chosen_page_limits():
    install_chosen_page_limits()


_install_chosen_page_limits()
