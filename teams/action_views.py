"""Team actions as POST views (mounted at /teams-acties/): thin wrappers round teams.services.

Every action finds the team the way the pages do: a private team the user may not see is a 404.
Refusals by the services become 403 (PermissionDenied) or a Dutch message and a way back.
"""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_comments_xtd.models import XtdComment

from intranet.ids import parse_id
from intranet.web import safe_next
from people.models import Person
from social.selectors import people_to_mention
from teams import selectors, services, views
from teams.forms import InviteForm, MoveForm, PostForm
from teams.models import Membership, TeamPage, TeamPost
from teams.visibility import team_or_404


def _team(request, team_id):
    return team_or_404(request.user, team_id)


def _post(request, post_id):
    post = TeamPost.objects.select_related("team").filter(pk=post_id).first()
    if post is None or not post.team.live or not post.team.user_can_view(request.user):
        raise Http404
    if not post.team.content_visible_to(request.user):
        raise PermissionDenied(_("Join the team to read its posts."))
    return post


def _say(request, error):
    messages.error(request, " ".join(error.messages))


@require_POST
def join(request, team_id):
    team = _team(request, team_id)
    try:
        membership = services.join(request.user, team)
    except ValidationError as error:
        _say(request, error)
        return redirect(team.url)
    if membership.state == "active":
        messages.success(request, _("Welcome to %(team)s!") % {"team": team.title})
    else:
        messages.success(request, _("Your request has been sent to the team's admins."))
    return redirect(team.url)


@require_POST
def leave(request, team_id):
    team = _team(request, team_id)
    try:
        services.leave(request.user, team)
    except ValidationError as error:
        _say(request, error)
        return redirect(team.url)
    messages.success(request, _("You are no longer a member of %(team)s.") % {"team": team.title})
    # After leaving a private team its page is gone for you.
    return redirect(team.url if team.user_can_view(request.user) else services.ensure_index_page().url)


@require_POST
def decide(request, membership_id):
    membership = get_object_or_404(Membership.objects.select_related("team", "user__person"), pk=membership_id)
    team = _team(request, membership.team_id)
    membership.team = team
    approve = request.POST.get("decision") == "approve"
    try:
        services.request_decision(request.user, membership, approve)
    except ValidationError as error:
        _say(request, error)
    else:
        messages.success(request, _("Approved.") if approve else _("Declined."))
    return redirect(safe_next(request, team.url))


def _find_colleague(text):
    text = text.strip()
    person = (
        Person.objects.filter(Q(slug=text.lower().lstrip("@")) | Q(email__iexact=text) | Q(user__email__iexact=text))
        .filter(is_active=True, user__isnull=False)
        .select_related("user")
        .first()
    )
    if person is None:
        # Without JavaScript the name picker is a text field: a name that fits one colleague is enough.
        named = [found for found in people_to_mention(text, limit=2) if found.user_id]
        person = named[0] if len(named) == 1 else None
    return person.user if person else None


@require_POST
def invite(request, team_id):
    team = _team(request, team_id)
    if not team.is_admin(request.user):
        raise PermissionDenied(_("Only the team's admins can do this."))
    form = InviteForm(request.POST)
    if form.is_valid():
        user = _find_colleague(form.cleaned_data["colleague"])
        if user is None:
            form.add_error(
                "colleague",
                _(
                    "We cannot find one colleague by that name, e-mail address or profile name. Choose from the list, or give their e-mail address."
                ),
            )
        else:
            try:
                services.invite(request.user, team, user)
            except ValidationError as error:
                form.add_error("colleague", error.messages)
            else:
                messages.success(request, _("Invitation sent."))
                return redirect(team.url)
    return views.team_page(request, team, invite_form=form, status=400)


@require_POST
def accept_invite(request, team_id):
    team = _team(request, team_id)
    services.accept_invite(request.user, team)
    messages.success(request, _("Welcome to %(team)s!") % {"team": team.title})
    return redirect(team.url)


@require_POST
def remove(request, team_id, user_id):
    team = _team(request, team_id)
    user = get_object_or_404(get_user_model(), pk=user_id)
    try:
        services.remove_member(request.user, team, user)
    except ValidationError as error:
        _say(request, error)
    else:
        messages.success(request, _("Removed from the team."))
    return redirect(safe_next(request, team.url))


@require_POST
def role(request, team_id, user_id):
    team = _team(request, team_id)
    user = get_object_or_404(get_user_model(), pk=user_id)
    try:
        services.set_role(request.user, team, user, request.POST.get("role", ""))
    except ValidationError as error:
        _say(request, error)
    else:
        messages.success(request, _("The role has been changed."))
    return redirect(safe_next(request, team.url))


@require_POST
def post(request, team_id):
    team = _team(request, team_id)
    if not team.can_post(request.user):
        raise PermissionDenied(
            _("This team is archived: it is read-only.")
            if team.is_archived
            else _("Only members can post in this team.")
        )
    form = PostForm(request.POST, request.FILES)
    if form.is_valid():
        data = form.cleaned_data
        try:
            created = services.create_post(
                request.user,
                team,
                text=data["text"],
                link=data["link"],
                image=data["image"],
                image_alt=data["image_alt"],
                document=data["document"],
                is_question=data["is_question"],
            )
        except ValidationError as error:
            views.add_errors(form, error)
        else:
            messages.success(request, _("Your post has been placed."))
            return redirect(f"{team.url}#post-{created.pk}")
    return views.team_page(request, team, post_form=form, status=400)


@require_POST
def delete_post(request, post_id):
    team_post = _post(request, post_id)
    services.delete_post(request.user, team_post)
    messages.success(request, _("The post has been deleted."))
    return redirect(team_post.team.url)


@require_POST
def accept(request, post_id):
    team_post = _post(request, post_id)
    comment_id = parse_id(request.POST.get("comment", ""))
    comment = XtdComment.objects.filter(pk=comment_id).first() if comment_id else None
    if comment is None:
        messages.error(request, _("Choose an answer given to this question."))
        return redirect(team_post.get_absolute_url())
    try:
        services.accept_answer(request.user, team_post, comment)
    except ValidationError as error:
        _say(request, error)
    else:
        messages.success(request, _("The answer is marked as accepted."))
    return redirect(team_post.get_absolute_url())


@require_POST
def pin(request, post_id):
    team_post = _post(request, post_id)
    services.pin_post(request.user, team_post, pin=request.POST.get("pin", "1") == "1")
    messages.success(request, _("The pinned post has been changed."))
    return redirect(f"{team_post.team.url}#pin-{team_post.pk}")  # focus back on the button (plein.js)


def move(request, post_id):
    team_post = _post(request, post_id)
    if not services.can_moderate(request.user):
        raise PermissionDenied(_("Only community managers can move posts."))
    destinations = selectors.move_destinations(team_post.team, request.user)
    form = MoveForm(request.POST or None, teams=destinations)
    if request.method == "POST" and form.is_valid():
        team_id, category = form.destination_value()
        allowed = {pk for pk, _title in destinations}
        to_team = TeamPage.objects.filter(pk=team_id).first() if team_id in allowed else None
        try:
            moved = services.move_post(
                request.user,
                team_post,
                to_team=to_team,
                to_prikbord_category=category,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            views.add_errors(form, error)
        else:
            messages.success(request, _("The post has been moved; the author has been told why."))
            return redirect(moved.get_absolute_url())
    context = {"post": team_post, "team": team_post.team, "form": form}
    return TemplateResponse(request, "teams/move.html", context, status=400 if form.errors else 200)
