"""Private teams in the Wagtail admin: invisible to everyone who cannot see them on the front end.

A private team shows in the admin only to its active members and to superusers, whatever page rights
someone has (Wagtail's "Editors" and "Moderators" have them on the whole tree). Three roots cover
every admin URL (tests/security/test_admin_private_teams.py requests each):
- the page permission policy (TeamAwarePagePermissionPolicy): every listing Wagtail filters by
  rights (explorer, admin search, reports, site history, dashboard, admin API) asks it;
- the frame's admin guard (intranet.admin_access, teams.admin_guard): every URL that names a hidden
  team (edit, preview, history, usage, revisions, move, copy, delete, workflow, exploring it, or as
  a destination or parent) answers 404, as the front end does;
- what lists pages regardless of rights: the page chooser (a hook), the bulk actions (subclasses
  registered over Wagtail's), the chooser's "chosen" lookup and the page types report
  (intranet.admin_overrides).
Only the team's admins change its kind in the admin (teams.admin_form). Below: the dashboard's panels,
and chosen pages (page fields of every admin form, PageChooserBlock), which never take or show a
hidden team. A private team never enters a workflow (TeamPage.get_workflow).
"""

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db.models import Exists, F
from django.http import Http404
from wagtail.admin.forms.models import WagtailAdminModelForm
from wagtail.admin.views import home
from wagtail.admin.views.chooser import ChosenMultipleView
from wagtail.admin.views.pages.bulk_actions.delete import DeleteBulkAction
from wagtail.admin.views.pages.bulk_actions.move import MoveBulkAction
from wagtail.admin.views.pages.bulk_actions.publish import PublishBulkAction
from wagtail.admin.views.pages.bulk_actions.unpublish import UnpublishBulkAction
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.admin.widgets.chooser import AdminPageChooser
from wagtail.blocks import PageChooserBlock
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from intranet.ids import parse_ids
from teams.models import Kind, TeamPage
from teams.visibility import active_membership


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
        pks = parse_ids(request.GET.getlist("id"))
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


# Dashboard panels: the pages someone once edited, locked or sent to moderation stay listed after they
# left the team; the moderation panels list whatever reached a workflow before the team became private.
def _hidden_set(user):
    return set(hidden_team_ids(user).values_list("pk", flat=True))


class RecentEditsPanel(home.RecentEditsPanel):
    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        hidden = _hidden_set(parent_context["request"].user)
        context["last_edits"] = [(date, page) for date, page in context["last_edits"] if page.pk not in hidden]
        return context


class LockedPagesPanel(home.LockedPagesPanel):
    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["locked_pages"] = without_hidden(context["locked_pages"], parent_context["request"].user)
        return context


class WorkflowObjectsToModeratePanel(home.WorkflowObjectsToModeratePanel):
    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        hidden = _hidden_set(parent_context["request"].user)
        context["states"] = [
            state for state in context["states"] if not (isinstance(state["obj"], Page) and state["obj"].pk in hidden)
        ]
        return context


class UserObjectsInWorkflowModerationPanel(home.UserObjectsInWorkflowModerationPanel):
    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        hidden = _hidden_set(parent_context["request"].user)
        context["workflow_states"] = [
            state
            for state in context["workflow_states"]
            if not (isinstance(state.content_object, Page) and state.content_object.pk in hidden)
        ]
        return context


DASHBOARD_PANELS = {
    panel.name: panel
    for panel in (
        RecentEditsPanel,
        LockedPagesPanel,
        WorkflowObjectsToModeratePanel,
        UserObjectsInWorkflowModerationPanel,
    )
}


def replace_dashboard_panels(panels):
    for i, panel in enumerate(panels):
        ours = DASHBOARD_PANELS.get(getattr(panel, "name", None))
        if ours is not None and not isinstance(panel, ours):
            panels[i] = ours()


# Chosen pages. A page field's form field takes any page id and the chooser widget shows the chosen
# page's title, so posting a hidden team's id would read its name back (and the front end would link
# to it). Every admin model form (WagtailAdminModelForm: pages, snippets, settings, inline children)
# therefore takes and shows only pages its user may see; a hidden value set by a member shows empty.
def _is_page_field(field):
    return isinstance(field, forms.ModelChoiceField) and issubclass(field.queryset.model, Page)


def limit_chosen_pages(form):
    user = getattr(form, "for_user", None)  # None (a form without a user): every private team hidden
    for field in form.fields.values():
        if _is_page_field(field):
            field.queryset = without_hidden(field.queryset, user)
            field.widget.visible_pages = field.queryset  # read by AdminPageChooser.get_instance (below)
    # Inline panels' child forms are not given the user by Wagtail; they get it here (built lazily).
    for formset in getattr(form, "formsets", {}).values():
        formset.form_kwargs = {**formset.form_kwargs, "for_user": user}


def _visible_instance(get_instance):
    def get_instance_if_visible(widget, value):
        instance = get_instance(widget, value)
        visible = getattr(widget, "visible_pages", None)
        if instance is not None and visible is not None and not visible.filter(pk=instance.pk).exists():
            return None
        return instance

    return get_instance_if_visible


# Content blocks have no user: a PageChooserBlock never takes or shows a private team (everyone reads
# the page it is on). The error is the one for an id that does not exist.
def _block_clean(clean):
    def clean_without_private_teams(block, value):
        value = clean(block, value)
        if value is not None and TeamPage.objects.filter(pk=value.pk, kind=Kind.PRIVATE).exists():
            raise ValidationError(block.field.error_messages["invalid_choice"], code="invalid_choice")
        return value

    return clean_without_private_teams


def _block_form_state(get_form_state):
    def form_state_without_private_teams(block, value):
        pk = value.pk if isinstance(value, Page) else value
        if pk is not None and is_hidden(None, pk):
            return None
        return get_form_state(block, value)

    return form_state_without_private_teams


def install_chosen_page_limits():
    """Called once from teams.wagtail_hooks (imported at the admin's start)."""
    if getattr(WagtailAdminModelForm, "_limits_chosen_pages", False):
        return
    form_init = WagtailAdminModelForm.__init__

    def __init__(self, *args, **kwargs):
        form_init(self, *args, **kwargs)
        limit_chosen_pages(self)

    WagtailAdminModelForm.__init__ = __init__
    WagtailAdminModelForm._limits_chosen_pages = True
    AdminPageChooser.get_instance = _visible_instance(AdminPageChooser.get_instance)
    PageChooserBlock.clean = _block_clean(PageChooserBlock.clean)
    PageChooserBlock.get_form_state = _block_form_state(PageChooserBlock.get_form_state)
