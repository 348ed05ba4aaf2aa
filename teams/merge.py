"""Merging two teams that do the same thing: a community manager's action, nothing is lost.

merge_teams(moderator, *, source, target) moves the source's memberships (the union; a person in both
keeps the higher role and the more settled state) and posts (with their likes and comments, which hang
on the post) to the target. The source stays as an archived page with merged_into=target, is taken
offline, and a Wagtail redirect sends its old address (and links in notifications) to the target.
Into a private target, the source's members come as invitations they accept or decline.
"""

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site

from intranet import caching
from social.services import can_moderate
from teams.duplicates import forget_pairs
from teams.home_blocks import forget as forget_activity
from teams.models import Kind, Membership, Role, State, TeamPage, TeamPost
from teams.rules import notice
from teams.selectors import side_generation
from teams.visibility import forget_memberships, manager_can_see

# Who sees a team's content, from most to fewest people: content may only move towards fewer.
OPENNESS: dict[str, int] = {Kind.OPEN: 0, Kind.CLOSED: 1, Kind.PRIVATE: 2}
STATE_RANK: dict[str, int] = {State.ACTIVE: 2, State.INVITED: 1, State.REQUESTED: 0}
ROLE_RANK: dict[str, int] = {Role.ADMIN: 1, Role.MEMBER: 0}


def check_merge(source: TeamPage, target: TeamPage) -> list[str]:
    """The reasons a merge cannot go ahead (Dutch, for the form), or an empty list."""
    problems: list[str] = []
    if source.pk == target.pk:
        problems.append(_("Choose two different teams."))
        return problems
    if source.merged_into_id:
        problems.append(_("“%(team)s” has already been merged into another team.") % {"team": source.title})
    if target.is_archived:
        problems.append(_("“%(team)s” is archived: restore it first or choose another team.") % {"team": target.title})
    if OPENNESS[source.kind] > OPENNESS[target.kind]:
        problems.append(
            _(
                "“%(source)s” is %(source_kind)s and “%(target)s” is %(target_kind)s: its posts would become "
                "visible to more people. Merge the other way round, or make “%(target)s” %(source_kind)s first."
            )
            % {
                "source": source.title,
                "target": target.title,
                "source_kind": _kind_word(source.kind),
                "target_kind": _kind_word(target.kind),
            }
        )
    return problems


def _kind_word(kind: str) -> str:
    words: dict[str, str] = {Kind.OPEN: _("open"), Kind.CLOSED: _("closed"), Kind.PRIVATE: _("private")}
    return words[kind]


def _merge_memberships(source: TeamPage, target: TeamPage) -> list[User]:
    """Move or fold each membership of the source into the target; returns the users who came over."""
    theirs = {m.user_id: m for m in Membership.objects.select_for_update().filter(team=target)}
    # A private team is by invitation only: the source's members are invited, so none of them reads its
    # history unless they accept. (A closed target takes them as members: the manager's merge is the
    # approval a join request would get.)
    gated = target.kind == Kind.PRIVATE
    moved: list[Membership] = []
    folded: list[Membership] = []
    newcomers: list[User] = []
    for membership in Membership.objects.select_for_update().filter(team=source).select_related("user"):
        existing = theirs.get(membership.user_id)
        if gated and membership.state == State.ACTIVE and (existing is None or existing.state != State.ACTIVE):
            membership.state, membership.role, membership.decided_at = State.INVITED, Role.MEMBER, None
        if existing is None:
            membership.team = target
            moved.append(membership)
            if membership.state == State.ACTIVE:
                newcomers.append(membership.user)
            continue
        changed = False
        if STATE_RANK[membership.state] > STATE_RANK[existing.state]:
            existing.state, existing.decided_at, changed = membership.state, membership.decided_at, True
            if membership.state == State.ACTIVE:
                newcomers.append(membership.user)
        if membership.state == State.ACTIVE and ROLE_RANK[membership.role] > ROLE_RANK[existing.role]:
            existing.role, changed = membership.role, True
        if changed:
            folded.append(existing)
        membership.delete()
    if moved:
        Membership.objects.bulk_update(moved, ["team", "state", "role", "decided_at"])
    if folded:
        Membership.objects.bulk_update(folded, ["state", "role", "decided_at"])
    forget_memberships(*(m.user_id for m in moved + folded))  # bulk_update sends no post_save
    return newcomers


def _redirect_old_address(source: TeamPage, target: TeamPage) -> Redirect | None:
    """The source's address (and those of teams merged into it before) now lead to the target."""
    Redirect.objects.filter(redirect_page=source).update(redirect_page=target)
    parts = source.get_url_parts()
    if parts is None:
        return None
    site_id, _root, path = parts
    old_path = Redirect.normalise_path(path)
    site = Site.objects.filter(pk=site_id).first()
    Redirect.objects.filter(old_path=old_path, site=site).delete()
    return Redirect.add_redirect(old_path, redirect_to=target, is_permanent=True, site=site)


def merge_teams(moderator: User, *, source: TeamPage, target: TeamPage) -> TeamPage:
    """Fold `source` into `target` (see the module's docstring). Returns the target."""
    if not can_moderate(moderator):
        raise PermissionDenied(_("Only community managers can merge teams."))
    if not (manager_can_see(moderator, source) and manager_can_see(moderator, target)):
        # A private team stays hidden from managers who are not in it, here as everywhere.
        raise PermissionDenied(_("Only community managers can merge teams."))
    with transaction.atomic():
        # Lock both rows in a fixed order, so two managers merging at once cannot interleave.
        locked = {
            t.pk: t for t in TeamPage.objects.select_for_update().filter(pk__in=[source.pk, target.pk]).order_by("pk")
        }
        source, target = locked.get(source.pk, source), locked.get(target.pk, target)
        problems = check_merge(source, target)
        if problems:
            raise ValidationError(problems)
        now = timezone.now()
        members_before = {
            m.user for m in Membership.objects.filter(team=source, state=State.ACTIVE).select_related("user")
        }
        _merge_memberships(source, target)
        TeamPost.objects.filter(team=source).update(team=target)
        for team in (source, target):  # bulk writes send no signals: retire both side panels
            caching.bump(side_generation(team.pk))
        # Teams merged into the source earlier now point at the target.
        TeamPage.objects.filter(merged_into=source).update(merged_into=target)

        last_post = TeamPost.objects.filter(team=target).aggregate(latest=Max("created_at"))["latest"]
        target.last_activity_at = max(d for d in (target.last_activity_at, source.last_activity_at, last_post) if d)
        if target.pinned_post_id is None and source.pinned_post_id is not None:
            target.pinned_post_id = source.pinned_post_id
        target.member_count = Membership.objects.filter(team=target, state=State.ACTIVE).count()
        TeamPage.objects.filter(pk=target.pk).update(
            last_activity_at=target.last_activity_at,
            pinned_post=target.pinned_post_id,
            member_count=target.member_count,
        )
        TeamPage.objects.filter(pk=source.pk).update(
            archived_at=now, merged_into=target, pinned_post=None, member_count=0
        )
        source.archived_at, source.merged_into, source.pinned_post, source.member_count = now, target, None, 0
        _redirect_old_address(source, target)
        # Offline, so Wagtail answers 404 at the old address and the redirect takes over. The moderator
        # checks above stand in for Wagtail's page permissions (managers are no page editors).
        UnpublishPageAction(source, user=moderator).execute(skip_permission_checks=True)
        target.__dict__.pop("_membership_cache", None)

        message = _("%(source)s has been merged into %(target)s") % {"source": source.title, "target": target.title}
        url = target.get_url() or ""
        notice(members_before, moderator, target, message, url)
        admins = Membership.objects.filter(team=target, state=State.ACTIVE, role=Role.ADMIN).select_related("user")
        notice({m.user for m in admins} - members_before, moderator, target, message, url)
        transaction.on_commit(forget_pairs)
        forget_activity()
    return target


def merge_preview(source: TeamPage, target: TeamPage) -> dict[str, int | list[str]]:
    """What a merge would move, for the confirmation page."""
    memberships = Membership.objects.filter(team=source)
    return {
        "members": memberships.filter(state=State.ACTIVE).count(),
        "already_members": memberships.filter(
            state=State.ACTIVE, user__team_memberships__team=target, user__team_memberships__state=State.ACTIVE
        ).count(),
        "posts": TeamPost.objects.filter(team=source).count(),
        "problems": check_merge(source, target),
    }
