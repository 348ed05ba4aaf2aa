"""Membership: join, leave, requests, invitations, removing and roles (re-exported by teams.services)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from teams.models import Kind, Membership, Role, State
from teams.rules import _count_members, _name, _notice, _require_admin, _require_employee, _require_open, touch


def _membership(team, user):
    return Membership.objects.filter(team=team, user=user).first()


def _admins(team):
    return [
        m.user for m in Membership.objects.filter(team=team, state=State.ACTIVE, role=Role.ADMIN).select_related("user")
    ]


def join(user, team):
    """Open: a member at once. Closed: a request the admins decide on. Private: only by invitation."""
    _require_employee(user)
    _require_open(team)
    membership = _membership(team, user)
    if membership is not None:
        if membership.state == State.INVITED:
            return accept_invite(user, team)
        return membership
    if team.kind == Kind.PRIVATE:
        raise PermissionDenied(_("This team is by invitation only."))
    now = timezone.now()
    with transaction.atomic():
        if team.kind == Kind.OPEN:
            membership = Membership.objects.create(team=team, user=user, state=State.ACTIVE, decided_at=now)
            _count_members(team, +1)
            touch(team, now)
        else:
            membership = Membership.objects.create(team=team, user=user, state=State.REQUESTED)
            _notice(
                _admins(team),
                user,
                team,
                _("%(name)s asks to join %(team)s") % {"name": _name(user), "team": team.title},
                team.get_url() or "",
            )
    return membership


def _is_last_admin(team, user):
    if team.role_of(user) != Role.ADMIN:
        return False
    return not Membership.objects.filter(team=team, state=State.ACTIVE, role=Role.ADMIN).exclude(user=user).exists()


def leave(user, team):
    """Leave the team, or withdraw a request, or decline an invitation. The last admin hands over first."""
    membership = _membership(team, user)
    if membership is None:
        return
    if membership.state == State.ACTIVE and _is_last_admin(team, user):
        raise ValidationError(
            _("You are the team's last admin. Make another member admin before you leave."), code="last_admin"
        )
    with transaction.atomic():
        membership.delete()
        if membership.state == State.ACTIVE:
            _count_members(team, -1)
    team.__dict__.pop("_membership_cache", None)
    _forget_home_block(user)


def _forget_home_block(user=None):
    """The homepage block caches a minute of team activity: someone who left must lose it at once."""
    from teams.home_blocks import forget

    forget(user)


def request_decision(admin, membership, approve):
    team = membership.team
    _require_admin(admin, team)
    if membership.state != State.REQUESTED:
        raise ValidationError(_("This request has already been dealt with."), code="decided")
    url = team.get_url() or ""
    with transaction.atomic():
        if approve:
            membership.state = State.ACTIVE
            membership.decided_at = timezone.now()
            membership.save(update_fields=["state", "decided_at"])
            _count_members(team, +1)
            touch(team)
            message = _("You are now a member of %(team)s") % {"team": team.title}
        else:
            membership.delete()
            message = _("Your request to join %(team)s was declined") % {"team": team.title}
        _notice([membership.user], admin, team, message, url)
    return membership


def invite(admin, team, user):
    _require_admin(admin, team)
    _require_open(team)
    _require_employee(user)
    membership = _membership(team, user)
    if membership is not None and membership.state == State.ACTIVE:
        raise ValidationError(_("%(name)s is already a member.") % {"name": _name(user)}, code="member")
    if membership is not None and membership.state == State.REQUESTED:
        return request_decision(admin, membership, approve=True)
    with transaction.atomic():
        if membership is None:
            membership = Membership.objects.create(team=team, user=user, state=State.INVITED)
            team.__dict__.pop("_membership_cache", None)
        _notice(
            [user],
            admin,
            team,
            _("%(name)s invites you to join %(team)s") % {"name": _name(admin), "team": team.title},
            team.get_url() or "",
        )
    return membership


def accept_invite(user, team):
    _require_employee(user)
    _require_open(team)
    membership = _membership(team, user)
    if membership is None or membership.state != State.INVITED:
        raise PermissionDenied(_("There is no invitation for you in this team."))
    with transaction.atomic():
        membership.state = State.ACTIVE
        membership.decided_at = timezone.now()
        membership.save(update_fields=["state", "decided_at"])
        _count_members(team, +1)
        touch(team)
    return membership


def remove_member(admin, team, user):
    _require_admin(admin, team)
    if user == admin:
        return leave(user, team)
    membership = _membership(team, user)
    if membership is None:
        return None
    with transaction.atomic():
        membership.delete()
        if membership.state == State.ACTIVE:
            _count_members(team, -1)
    _forget_home_block(user)
    return membership


def set_role(admin, team, user, role):
    _require_admin(admin, team)
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
