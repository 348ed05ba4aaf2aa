"""Teams in the Wagtail admin: team pages live in the page tree (under Teams); whoever creates one
there becomes its first admin, as on the front end."""

from wagtail import hooks

from teams.models import Membership, Role, State, TeamPage


@hooks.register("after_create_page")
def make_creator_admin(request, page):
    page = page.specific
    if not isinstance(page, TeamPage) or page.memberships.exists():
        return
    Membership.objects.create(team=page, user=request.user, role=Role.ADMIN, state=State.ACTIVE)
    TeamPage.objects.filter(pk=page.pk).update(member_count=1, created_by=request.user)
