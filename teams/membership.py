"""Membership: join, leave, requests, invitations, removing and roles (re-exported by teams.services)."""

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from intranet import caching, throttle
from teams.home_blocks import forget
from teams.models import Kind, Membership, Role, State, TeamPage
from teams.rules import count_members, display_name, notice, require_admin, require_employee, require_open, touch
from teams.selectors import side_generation
from teams.visibility import forget_memberships


def _membership(team: TeamPage, user: User) -> Membership | None:
    return Membership.objects.filter(team=team, user=user).first()


def _admins(team: TeamPage) -> list[User]:
    return [
        m.user for m in Membership.objects.filter(team=team, state=State.ACTIVE, role=Role.ADMIN).select_related("user")
    ]


def join(user: User, team: TeamPage) -> Membership | None:
    """Open: a member at once. Closed: a request the admins decide on. Private: only by invitation."""
    require_employee(user)
    require_open(team)
    membership = _membership(team, user)
    if membership is not None:
        if membership.state == State.INVITED:
            return accept_invite(user, team)
        return membership
    if team.kind == Kind.PRIVATE:
        raise PermissionDenied(_("This team is by invitation only."))
    if team.kind != Kind.OPEN:  # a request notifies the admins; asking and withdrawing must not spam them
        throttle.hit(user, "join_request", message=_("You are asking to join very often. Wait a while and try again."))
    now = timezone.now()
    try:
        with transaction.atomic():
            if team.kind == Kind.OPEN:
                membership = Membership.objects.create(team=team, user=user, state=State.ACTIVE, decided_at=now)
                count_members(team, +1)
                touch(team, now)
                return membership
            membership = Membership.objects.create(team=team, user=user, state=State.REQUESTED)
    except IntegrityError:
        # A double click (or a join racing an invitation): the first request's membership stands.
        return _membership(team, user)
    notice(
        _admins(team),
        user,
        team,
        _("%(name)s asks to join %(team)s") % {"name": display_name(user), "team": team.title},
        team.get_url() or "",
    )
    return membership


def _is_last_admin(team: TeamPage, user: User) -> bool:
    if team.role_of(user) != Role.ADMIN:
        return False
    return not Membership.objects.filter(team=team, state=State.ACTIVE, role=Role.ADMIN).exclude(user=user).exists()


def leave(user: User, team: TeamPage) -> None:
    """Leave the team, or withdraw a request, or decline an invitation. The last admin hands over first."""
    membership = _membership(team, user)
    if membership is None:
        return
    if membership.state == State.ACTIVE and _is_last_admin(team, user):
        raise ValidationError(
            _("You are the team's last admin. Make another member admin before you leave."), code="last_admin"
        )
    _delete(team, membership)
    team.__dict__.pop("_membership_cache", None)
    _forget_home_block(user)


def _delete(team: TeamPage, membership: Membership) -> bool:
    """Delete only what is still there as we saw it, so two requests at once count a member once."""
    with transaction.atomic():
        deleted, _rows = Membership.objects.filter(pk=membership.pk, state=membership.state).delete()
        if deleted and membership.state == State.ACTIVE:
            count_members(team, -1)
    return bool(deleted)


def _activate(team: TeamPage, membership: Membership, was: State) -> bool:
    """was -> ACTIVE if nobody else did it first; True when this call did it."""
    now = timezone.now()
    updated = Membership.objects.filter(pk=membership.pk, state=was).update(state=State.ACTIVE, decided_at=now)
    caching.bump(side_generation(team.pk))  # update() sends no post_save
    forget_memberships(membership.user_id)
    if updated:
        membership.state, membership.decided_at = State.ACTIVE, now
        count_members(team, +1)
        touch(team, now)
    return bool(updated)


def _forget_home_block(user: User | None = None) -> None:
    """The homepage block caches a minute of team activity: someone who left must lose it at once."""
    forget(user)


def request_decision(admin: User, membership: Membership, approve: bool) -> Membership:
    team = membership.team
    require_admin(admin, team)
    require_open(team)
    decided = ValidationError(_("This request has already been dealt with."), code="decided")
    if membership.state != State.REQUESTED:
        raise decided
    url = team.get_url() or ""
    with transaction.atomic():
        if approve:
            if not _activate(team, membership, State.REQUESTED):
                raise decided
            message = _("You are now a member of %(team)s") % {"team": team.title}
        else:
            if not _delete(team, membership):
                raise decided
            message = _("Your request to join %(team)s was declined") % {"team": team.title}
        notice([membership.user], admin, team, message, url)
    return membership


def invite(admin: User, team: TeamPage, user: User) -> Membership | None:
    require_admin(admin, team)
    require_open(team)
    require_employee(user)
    membership = _membership(team, user)
    if membership is not None and membership.state == State.ACTIVE:
        raise ValidationError(_("%(name)s is already a member.") % {"name": display_name(user)}, code="member")
    throttle.hit(admin, "team_invite", message=_("You are sending very many invitations. Wait a while and try again."))
    if membership is not None and membership.state == State.REQUESTED:
        return request_decision(admin, membership, approve=True)
    if membership is None:
        try:
            with transaction.atomic():
                membership = Membership.objects.create(team=team, user=user, state=State.INVITED)
        except IntegrityError:  # they joined or asked at the same moment: leave that as it is
            return _membership(team, user)
        team.__dict__.pop("_membership_cache", None)
    with transaction.atomic():
        notice(
            [user],
            admin,
            team,
            _("%(name)s invites you to join %(team)s") % {"name": display_name(admin), "team": team.title},
            team.get_url() or "",
        )
    return membership


def accept_invite(user: User, team: TeamPage) -> Membership:
    require_employee(user)
    require_open(team)
    membership = _membership(team, user)
    if membership is None or membership.state != State.INVITED:
        raise PermissionDenied(_("There is no invitation for you in this team."))
    with transaction.atomic():
        _activate(team, membership, State.INVITED)
    return membership


def remove_member(admin: User, team: TeamPage, user: User) -> Membership | None:
    require_admin(admin, team)
    require_open(team)
    if user == admin:
        leave(user, team)
        return None
    membership = _membership(team, user)
    if membership is None:
        return None
    _delete(team, membership)
    _forget_home_block(user)
    return membership


def set_role(admin: User, team: TeamPage, user: User, role: str) -> Membership:
    require_admin(admin, team)
    require_open(team)
    if role not in Role.values:
        raise ValidationError(_("Choose admin or member."), code="role")
    membership = _membership(team, user)
    if membership is None or membership.state != State.ACTIVE:
        raise ValidationError(_("Only members can be given a role."), code="not_member")
    if role == Role.MEMBER and _is_last_admin(team, user):
        raise ValidationError(_("A team needs at least one admin. Make someone else admin first."), code="last_admin")
    membership.role = role
    membership.save(update_fields=["role"])
    team.__dict__.pop("_membership_cache", None)
    return membership
