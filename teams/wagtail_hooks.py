"""Teams in the Wagtail admin: team pages live in the page tree (under Teams); whoever creates one
there becomes its first admin, as on the front end."""

from django.http import Http404
from django.urls import path
from wagtail import hooks

from teams.models import Membership, Role, State, TeamPage


@hooks.register("after_create_page")
def make_creator_admin(request, page):
    page = page.specific
    if not isinstance(page, TeamPage) or page.memberships.exists():
        return
    Membership.objects.create(team=page, user=request.user, role=Role.ADMIN, state=State.ACTIVE)
    TeamPage.objects.filter(pk=page.pk).update(member_count=1, created_by=request.user)


# Private teams stay invisible in the admin to those who cannot see them (teams.admin_visibility).
@hooks.register("register_admin_viewset")
def team_page_viewset():
    from teams.admin_visibility import TeamPageViewSet

    return TeamPageViewSet("teams")


@hooks.register("construct_explorer_page_queryset")
def hide_private_teams_in_explorer(parent_page, pages, request):
    from teams.admin_visibility import without_hidden

    return without_hidden(pages, request.user)


@hooks.register("construct_page_chooser_queryset")
def hide_private_teams_in_chooser(pages, request):
    from teams.admin_visibility import is_hidden, without_hidden

    # Browsing into a hidden team (choose-page/<id>/) would show its title as the parent.
    if is_hidden(request.user, (request.resolver_match.kwargs if request.resolver_match else {}).get("parent_page_id")):
        raise Http404
    return without_hidden(pages, request.user)


@hooks.register("register_admin_url_overrides")
def private_team_url_overrides():
    from teams.admin_visibility import ChosenPagesView, PageTypesUsageView

    return [
        path("choose-page/chosen-multiple/", ChosenPagesView.as_view()),
        path("reports/page-types-usage/", PageTypesUsageView.as_view()),
        path("reports/page-types-usage/results/", PageTypesUsageView.as_view(results_only=True)),
    ]


def _register_bulk_actions():
    from teams.admin_visibility import BULK_ACTIONS

    # order=1: after Wagtail's own (order 0), which these replace for every page.
    for action in BULK_ACTIONS:
        hooks.register("register_bulk_action", action, order=1)


_register_bulk_actions()
