"""The pages of teams: the list and create form (on TeamIndexPage) and the team's own pages (on TeamPage).

The POST actions (join, post, invite, ...) are in teams/actions.py. A private team a user may not see
answers 404 everywhere, so its existence stays hidden; a closed team's posts answer 403.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django_comments_xtd.models import XtdComment

from social import selectors as social
from teams import cards, selectors, services
from teams.duplicates import similar_teams
from teams.forms import EditTeamForm, InviteForm, PostForm, TeamForm

TEAMS_PER_PAGE = 24
MEMBERS_PER_PAGE = 48


def add_errors(form, error):
    """Put a service's ValidationError beside the matching fields (others at the top)."""
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


def _similar(title, user):
    """Existing teams with a similar name, shown before a new team is made."""
    return similar_teams(title, user, limit=5) if title.strip() else []


def _similar_url():
    """The live suggestions' endpoint; without JavaScript the form suggests after a submit."""
    return reverse("teams:similar")


def team_list(request, index):
    text = request.GET.get("q", "").strip()[:100]
    mine, everyone = selectors.team_list(request.user, text)
    # Filtered or not, the list's ids come from the cache (a count and a sort of every visible team
    # otherwise: about 9 ms of the database's time at 5,000 teams).
    page, teams = selectors.filtered_page(request.user, everyone, text, request.GET.get("page"), TEAMS_PER_PAGE)
    pending = selectors.pending_for(request.user)
    invitations = selectors.invitations_for(request.user)
    context = {
        "page": index,
        "self": index,
        "my_teams": mine,
        "teams": teams,
        "page_obj": page,
        "query": text,
        "pending": pending,
        "invitations": invitations,
        "my_team_cards": cards.rendered(mine, "mine", pending),
        "invitation_cards": cards.rendered(invitations, "invited", pending),
        "team_cards": cards.rendered(teams, "all", pending),
    }
    return TemplateResponse(request, "teams/index.html", context)


def new_team(request, index):
    form = TeamForm(request.POST or None, request.FILES or None)
    similar = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        similar = _similar(data["title"], request.user)
        # With a similar team, suggest joining it first (the form is shown again, without the chosen
        # image: templates/includes/dropped_files.html says so); ticking the box creates it anyway.
        if not similar or data["create_anyway"]:
            try:
                team = services.create_team(
                    request.user,
                    title=data["title"],
                    description=data["description"],
                    kind=data["kind"],
                    image=data["image"],
                )
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(request, _("Your team is ready. Invite colleagues or write the first post."))
                return redirect(team.url)
    context = {"page": index, "self": index, "form": form, "similar": similar, "similar_url": _similar_url()}
    status = 400 if form.is_bound and (form.errors or similar) else 200
    return TemplateResponse(request, "teams/new.html", context, status=status)


def team_page(request, team, post_form=None, invite_form=None, status=200):
    context = selectors.team_page_context(team, request.user, request.GET.get("page"))
    context.update(
        page=team,
        self=team,
        post_form=post_form or PostForm(),
        invite_form=invite_form or InviteForm(),
    )
    posts = [*context["posts"], context["pinned_post"]]
    social.like_buttons(posts, context.get("likes", {}), request.get_full_path())
    return TemplateResponse(request, "teams/team_page.html", context, status=status)


def post_page(request, team, post_id):
    if not team.content_visible_to(request.user):
        raise PermissionDenied(_("Join the team to read its posts."))
    post, likes = selectors.post_detail(team, post_id, request.user)
    if post is None:
        raise Http404
    social.like_buttons([post], likes, request.get_full_path())
    answers = []
    if post.is_question and post.author_id == request.user.pk:
        # The asker chooses the accepted answer among colleagues' comments.
        answers = [c for c in _flat_comments(post) if c.user_id != request.user.pk]
    context = {
        "page": team,
        "self": team,
        "team": team,
        "post": post,
        "is_admin": team.is_admin(request.user),
        "can_moderate": services.can_moderate(request.user),
        "answers": answers,
        "likes": likes,
    }
    return TemplateResponse(request, "teams/post_page.html", context)


def _flat_comments(post):
    return list(
        XtdComment.objects.filter(
            content_type=ContentType.objects.get_for_model(post),
            object_pk=str(post.pk),
            site_id=settings.SITE_ID,
            is_public=True,
            is_removed=False,
        )
        .select_related("user__person")
        .order_by("submit_date", "pk")[:100]
    )


def members_page(request, team):
    paginator = Paginator(selectors.member_ids(team), MEMBERS_PER_PAGE)
    paginator.count = team.member_count  # kept on the team: no COUNT over thousands of memberships
    page = paginator.get_page(request.GET.get("page"))
    page.object_list = selectors.members_by_ids(list(page.object_list))
    is_admin = team.is_admin(request.user)
    members = list(page.object_list)
    if is_admin and not team.is_archived:  # an admin's buttons, for everyone but themselves
        role_url, remove_url = social.url_for_each("teams:role", team.pk), social.url_for_each("teams:remove", team.pk)
        for member in members:
            if member.user_id != request.user.pk:
                member.role_url, member.remove_url = role_url(member.user_id), remove_url(member.user_id)
    context = {
        "page": team,
        "self": team,
        "team": team,
        "page_obj": page,
        "members": members,
        "is_admin": is_admin,
        "me": request.user,
        "here": request.get_full_path(),
    }
    return TemplateResponse(request, "teams/members.html", context)


def edit_team(request, team):
    if not team.is_admin(request.user):
        raise PermissionDenied(_("Only the team's admins can do this."))
    initial = {"title": team.title, "description": team.description, "kind": team.kind}
    form = EditTeamForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.update_team(
                request.user,
                team,
                title=data["title"],
                description=data["description"],
                kind=data["kind"],
                image=data["image"],
                remove_image=data["remove_image"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The team has been saved."))
            return redirect(team.url)
    context = {"page": team, "self": team, "team": team, "form": form}
    return TemplateResponse(request, "teams/edit.html", context, status=400 if form.errors else 200)
