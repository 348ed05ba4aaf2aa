"""Community managers' upkeep of teams (/teams-acties/beheer/): quiet, duplicate and archived teams
and merging; the team admins' "keep" page, and the live duplicate suggestions for the create form.

Reading and acting both need social.services.can_moderate (403 otherwise); the services check again.
Private teams appear only to managers who may open them (members, superusers): others never learn
their names here either; their admins still get the quiet-team notice.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from intranet.web import safe_next, wants_json
from social.services import can_moderate
from teams import archiving, duplicates, merge, stats
from teams.models import Membership, Role, State
from teams.visibility import team_or_404, viewable_teams

PER_PAGE = 50
PREVIEW = 8


def require_moderator(user):
    if not can_moderate(user):
        raise PermissionDenied(_("Only community managers can see this page."))


def _team(user, team_id, *, include_offline=False):
    """A team the user may act on (404 otherwise, so a private team's existence stays hidden)."""
    return team_or_404(user, team_id, upkeep=True, include_offline=include_offline)


def _viewable_ids(user, teams):
    return set(viewable_teams(user).filter(pk__in=[t.pk for t in teams]).values_list("pk", flat=True))


def _visible_pairs(user, limit):
    pairs = duplicates.likely_duplicate_pairs(limit=limit)
    allowed = _viewable_ids(user, [team for pair in pairs for team in pair[:2]])
    return [pair for pair in pairs if pair[0].pk in allowed and pair[1].pk in allowed]


def _with_admins(teams):
    """Each team's admins' names (one query for the whole list)."""
    names = {}
    rows = (
        Membership.objects.filter(team__in=teams, state=State.ACTIVE, role=Role.ADMIN)
        .select_related("user__person")
        .order_by("created_at", "pk")
    )
    for membership in rows:
        person = getattr(membership.user, "person", None)
        names.setdefault(membership.team_id, []).append(person.full_name if person else membership.user.username)
    for team in teams:
        team.admin_names = names.get(team.pk, [])
    return teams


def _quiet(user):
    return viewable_teams(user).filter(pk__in=archiving.quiet_teams().values("pk")).order_by("last_activity_at", "pk")


def _show_merge_targets(user, teams):
    """Name a merged team's target only to managers who can see it (it may be private)."""
    visible = _viewable_ids(user, [team.merged_into for team in teams if team.merged_into_id])
    for team in teams:
        team.merged_target = team.merged_into if team.merged_into_id in visible else None
    return teams


def _archived(user):
    # Merged teams are offline (their address redirects to the team they joined) but listed too.
    teams = viewable_teams(user, include_offline=True).filter(archived_at__isnull=False)
    return teams.select_related("merged_into").order_by("-archived_at", "pk")


def overview(request):
    require_moderator(request.user)
    quiet = _with_admins(list(_quiet(request.user)[:PREVIEW]))
    context = {
        "health": stats.team_health(),
        "quiet": quiet,
        "pairs": _visible_pairs(request.user, PREVIEW),
        "archived": _show_merge_targets(request.user, list(_archived(request.user)[:PREVIEW])),
        "section": "overview",
    }
    return TemplateResponse(request, "teams/upkeep/overview.html", context)


def quiet_list(request):
    require_moderator(request.user)
    page = Paginator(_quiet(request.user), PER_PAGE).get_page(request.GET.get("page"))
    teams = _with_admins(list(page.object_list))
    context = {"teams": teams, "page_obj": page, "days": archiving.QUIET_DAYS, "section": "quiet"}
    return TemplateResponse(request, "teams/upkeep/quiet.html", context)


def duplicate_list(request):
    require_moderator(request.user)
    context = {"pairs": _visible_pairs(request.user, 50), "section": "duplicates"}
    return TemplateResponse(request, "teams/upkeep/duplicates.html", context)


def archived_list(request):
    require_moderator(request.user)
    page = Paginator(_archived(request.user), PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "teams": _show_merge_targets(request.user, list(page.object_list)),
        "page_obj": page,
        "section": "archived",
    }
    return TemplateResponse(request, "teams/upkeep/archived.html", context)


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def merge_view(request):
    """GET: what merging `bron` into `doel` would move; POST: merge them (the service checks again)."""
    require_moderator(request.user)
    data = request.POST if request.method == "POST" else request.GET
    source_id, target_id = _int(data.get("bron")), _int(data.get("doel"))
    if source_id is None or target_id is None:
        raise Http404
    source, target = _team(request.user, source_id), _team(request.user, target_id)
    errors = []
    if request.method == "POST":
        try:
            merge.merge_teams(request.user, source=source, target=target)
        except ValidationError as error:
            errors = error.messages
        else:
            messages.success(
                request,
                _("%(source)s has been merged into %(target)s.") % {"source": source.title, "target": target.title},
            )
            return redirect(target.get_url() or reverse("teams:health"))
    preview = merge.merge_preview(source, target)
    context = {"source": source, "target": target, "preview": preview, "errors": errors or preview["problems"]}
    return TemplateResponse(request, "teams/upkeep/merge.html", context, status=400 if errors else 200)


@require_POST
def archive(request, team_id):
    require_moderator(request.user)
    team = _team(request.user, team_id)
    archiving.archive_team(request.user, team)
    messages.success(request, _("%(team)s has been archived.") % {"team": team.title})
    return redirect(safe_next(request, reverse("teams:quiet")))


@require_POST
def restore(request, team_id):
    require_moderator(request.user)
    team = _team(request.user, team_id, include_offline=True)
    try:
        archiving.restore_team(request.user, team)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("%(team)s has been restored.") % {"team": team.title})
    return redirect(safe_next(request, reverse("teams:archived")))


def keep(request, team_id):
    """The page the quiet-team notice links to: a team admin keeps the team for another half year."""
    team = _team(request.user, team_id)
    if not archiving.can_keep(request.user, team):
        raise PermissionDenied(_("Only the team's admins can keep it."))
    error = ""
    if request.method == "POST":
        try:
            archiving.keep_team(request.user, team)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(request, _("Thank you: %(team)s stays.") % {"team": team.title})
            return redirect(team.get_url() or reverse("teams:health"))
    context = {"team": team, "error": error, "days": archiving.KEEP_DAYS}
    return TemplateResponse(request, "teams/upkeep/keep.html", context, status=400 if error else 200)


def similar(request):
    """Teams like the name being typed, for the create form: an HTML fragment, or JSON when asked."""
    title = request.GET.get("title", "")[:100]
    found = duplicates.similar_teams(title, request.user, limit=5)
    if request.GET.get("format") == "json" or wants_json(request):
        return JsonResponse(
            {"teams": [{"id": team.pk, "title": team.title, "url": team.get_url() or ""} for team in found]}
        )
    return TemplateResponse(request, "teams/upkeep/similar_list.html", {"similar": found})
