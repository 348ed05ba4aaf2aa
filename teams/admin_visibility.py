"""Private teams in the Wagtail admin: invisible to everyone who cannot see them on the front end.

A private team shows in the admin only to its active members and to superusers, whatever page rights
someone has (Wagtail's "Editors" and "Moderators" have them on the whole tree). Three roots cover
every admin URL (tests/security/test_admin_private_teams.py requests each):
- the page permission policy (TeamAwarePagePermissionPolicy): every listing Wagtail filters by
  rights (explorer, admin search, reports, site history, dashboard, admin API) asks it;
- the page viewset for TeamPage (TeamPageViewSet): every URL about one team (edit, preview, history,
  usage, revisions, move, copy, delete, workflow, exploring it) answers 404, as the front end does;
- what lists pages regardless of rights: the page chooser (a hook), the bulk actions (subclasses
  registered over Wagtail's), the chooser's "chosen" lookup and the page types report
  (intranet.admin_overrides).
Only the team's admins change its kind in the admin (teams.admin_form).
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, F
from django.http import Http404
from django.utils.functional import cached_property
from wagtail.admin.views.chooser import ChosenMultipleView
from wagtail.admin.views.pages.bulk_actions.delete import DeleteBulkAction
from wagtail.admin.views.pages.bulk_actions.move import MoveBulkAction
from wagtail.admin.views.pages.bulk_actions.publish import PublishBulkAction
from wagtail.admin.views.pages.bulk_actions.unpublish import UnpublishBulkAction
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from teams.health_queries import active_membership
from teams.models import Kind, TeamPage

# The URL keyword arguments of Wagtail's page URLs that name a page.
PAGE_ID_KWARGS = ("page_id", "page_to_move_id", "pk", "parent_page_id", "destination_id")


def hidden_team_ids(user):
    """Ids of the private teams `user` is no active member of (a subquery; none for superusers)."""
    private = TeamPage.objects.filter(kind=Kind.PRIVATE)
    if user is None or not user.is_authenticated:
        return private.values("pk")
    if user.is_superuser and user.is_active:
        return private.none().values("pk")
    return private.filter(~Exists(active_membership(user))).values("pk")


def without_hidden(pages, user):
    return pages.exclude(pk__in=hidden_team_ids(user))


def is_hidden(user, page_id):
    try:
        page_id = int(page_id)
    except (TypeError, ValueError):
        return False
    return TeamPage.objects.filter(pk=page_id, pk__in=hidden_team_ids(user)).exists()


class TeamAwarePagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page policy, minus the private teams the user cannot see."""

    def instances_user_has_any_permission_for(self, user, actions):
        return without_hidden(super().instances_user_has_any_permission_for(user, actions), user)

    def explorable_instances(self, user):
        return without_hidden(super().explorable_instances(user), user)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if isinstance(instance, Page) and is_hidden(user, instance.pk):
            return False
        return super().user_has_any_permission_for_instance(user, actions, instance)


class TeamPageViewSet(PageViewSet):
    """Wagtail's page views for teams, each answering 404 about a team the user may not see."""

    model = TeamPage

    @cached_property
    def parent_models(self):
        # Exploring a team itself (/admin/pages/<team>/) routes here too.
        return [*super().parent_models, TeamPage]

    def get_view_by_name(self, name):
        view = super().get_view_by_name(name)

        def private_team_gate(request, *args, **kwargs):
            if any(is_hidden(request.user, kwargs.get(key)) for key in PAGE_ID_KWARGS):
                raise Http404
            return view(request, *args, **kwargs)

        return private_team_gate


class HiddenTeamsBulkActionMixin:
    """Bulk actions list the pages they were given by id, with titles: leave out hidden teams."""

    def get_actionable_objects(self):
        objects, extra = super().get_actionable_objects()
        hidden = set(hidden_team_ids(self.request.user).values_list("pk", flat=True))
        objects = [page for page in objects if page.pk not in hidden]
        no_access = [page for page in extra["items_with_no_access"] if page.pk not in hidden]
        if not objects and not no_access:
            raise Http404
        return objects, {**extra, "items_with_no_access": no_access}


BULK_ACTIONS = [
    type(action.__name__, (HiddenTeamsBulkActionMixin, action), {})
    for action in (DeleteBulkAction, MoveBulkAction, PublishBulkAction, UnpublishBulkAction)
]


class ChosenPagesView(ChosenMultipleView):
    """The chooser's lookup of chosen pages by id answers only with pages the user may see."""

    def get(self, request):
        # A hidden team is answered like an id that does not exist: left out.
        pks = [pk for pk in request.GET.getlist("id") if pk.isdigit()]
        visible = without_hidden(Page.objects.filter(pk__in=pks), request.user).values_list("pk", flat=True)
        request.GET = request.GET.copy()
        request.GET.setlist("id", [str(pk) for pk in visible])
        return super().get(request)


class PageTypesUsageView(PageTypesUsageReportView):
    """Page types with their count and last edited page, leaving out teams the user may not see."""

    def decorate_paginated_queryset(self, page_types):
        page_types = super().decorate_paginated_queryset(page_types)
        team_type = ContentType.objects.get_for_model(TeamPage)
        for item in page_types:
            if item.pk != team_type.pk:
                continue
            hidden = hidden_team_ids(self.request.user)
            item.count = max(0, item.count - TeamPage.objects.filter(pk__in=hidden).count())
            if item.last_edited_page is not None and is_hidden(self.request.user, item.last_edited_page.pk):
                item.last_edited_page = (
                    without_hidden(TeamPage.objects.all(), self.request.user)
                    .order_by(F("latest_revision_created_at").desc(nulls_last=True), "title", "-pk")
                    .first()
                )
        return page_types
