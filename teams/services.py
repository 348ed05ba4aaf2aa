"""Team actions: create, membership, posts, questions, pinning and moving. Each checks who may do it.

Refusals are PermissionDenied (the views answer 403, or 404 where a private team must stay hidden);
bad input is a ValidationError with Dutch messages per field, so forms can show them beside the field.
This module is the public API; membership and posts live in teams.membership and teams.posting.
"""

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from intranet.pages import index_page
from intranet.text import clean_title
from intranet.uploads import stored_name
from social.services import can_moderate  # noqa: F401 (part of this module's API for the views)
from teams import slugs, uploads
from teams.membership import (  # noqa: F401 (re-exported)
    accept_invite,
    invite,
    join,
    leave,
    remove_member,
    request_decision,
    set_role,
)
from teams.models import DESCRIPTION_MAX, NAME_MAX, Kind, Membership, Role, State, TeamIndexPage, TeamPage
from teams.posting import (  # noqa: F401 (re-exported)
    accept_answer,
    clean_post_fields,
    create_post,
    delete_post,
    move_post,
    pin_post,
    record_answer,
)
from teams.rules import NOTICE, require_admin, require_employee, require_open, touch  # noqa: F401


def ensure_index_page() -> TeamIndexPage:
    """The /teams/ page (made by migration 0002); put back under the homepage if someone deleted it."""
    index = index_page(TeamIndexPage, "Teams", "teams")
    if index is None:
        raise PermissionDenied("No homepage to put /teams/ under.")
    return index


def name_clashes(title: str, exclude: TeamPage | None = None, user: User | None = None) -> bool:
    """Another team that is not archived and that `user` can see has this name (case-insensitive).

    A private team the user is not in never clashes: refusing the name would tell them it exists.
    """
    queryset = TeamPage.objects.filter(title__iexact=clean_title(title), archived_at__isnull=True)
    if user is not None:
        queryset = queryset.filter(
            ~Q(kind=Kind.PRIVATE) | Q(memberships__user=user, memberships__state=State.ACTIVE)
        ).distinct()
    if exclude is not None:
        queryset = queryset.exclude(pk=exclude.pk)
    return queryset.exists()


def clean_team_fields(
    title: str | None,
    description: str | None,
    kind: str,
    image: UploadedFile | None = None,
    exclude: TeamPage | None = None,
    user: User | None = None,
) -> tuple[str, str]:
    errors: dict[str, str | list[str]] = {}
    title = clean_title(title)  # look-alikes with invisible characters are the same name
    description = (description or "").strip()
    if not title:
        errors["title"] = _("Give the team a name.")
    elif len(title) > NAME_MAX:
        errors["title"] = _("A team name can be at most %(max)d characters; yours has %(length)d.") % {
            "max": NAME_MAX,
            "length": len(title),
        }
    elif not slugify(title):
        errors["title"] = _("Use at least one letter or digit in the name.")
    elif name_clashes(title, exclude, user):
        errors["title"] = _("There is already a team called “%(name)s”. Choose another name.") % {"name": title}
    if len(description) > DESCRIPTION_MAX:
        errors["description"] = _("The description can be at most %(max)d characters; yours has %(length)d.") % {
            "max": DESCRIPTION_MAX,
            "length": len(description),
        }
    if kind not in Kind.values:
        errors["kind"] = _("Choose who can see and join the team.")
    if image:
        try:
            uploads.check_photo(image)
        except ValidationError as error:
            errors["image"] = error.messages
    if errors:
        raise ValidationError(errors)
    return title, description


def _unique_slug(index: TeamIndexPage, title: str, kind: str) -> str:
    taken = index.get_children().filter(slug__startswith=slugs.plain_slug(title)).values_list("slug", flat=True)
    return slugs.unique_slug(title, taken, private=kind == Kind.PRIVATE)


def create_team(
    user: User, *, title: str | None, description: str | None, kind: str, image: UploadedFile | None = None
) -> TeamPage:
    """Any employee may start a team and becomes its first admin."""
    require_employee(user)
    title, description = clean_team_fields(title, description, kind, image, user=user)
    index = ensure_index_page()
    now = timezone.now()
    with transaction.atomic():
        team = TeamPage(
            title=title,
            slug=_unique_slug(index, title, kind),
            description=description,
            kind=kind,
            created_by=user,
            owner=user,
            last_activity_at=now,
            member_count=1,
        )
        if image:
            team.image.save(stored_name(image), image, save=False)
        index.add_child(instance=team)
        Membership.objects.create(team=team, user=user, role=Role.ADMIN, state=State.ACTIVE, decided_at=now)
    return team


def update_team(
    admin: User,
    team: TeamPage,
    *,
    title: str | None,
    description: str | None,
    kind: str,
    image: UploadedFile | None = None,
    remove_image: bool = False,
) -> TeamPage:
    require_admin(admin, team)
    require_open(team)
    title, description = clean_team_fields(title, description, kind, image, exclude=team, user=admin)
    team.title, team.draft_title, team.description, team.kind = title, title, description, kind
    if remove_image:
        team.image = ""
    if image:
        team.image.save(stored_name(image), image, save=False)
    team.save()
    return team
