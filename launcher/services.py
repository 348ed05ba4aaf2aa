"""Pinning and ordering one's own apps. Every action checks who acts and locks the user's pins."""

from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from launcher import tiles
from launcher.models import App, Pin


def _require_user(user: User | AnonymousUser) -> None:
    if not user.is_authenticated or not user.is_active:
        raise PermissionDenied("Log in first.")


def pin(user: User, app: App) -> bool:
    """Pin `app` at the end of the user's own list; pinning twice changes nothing."""
    _require_user(user)
    if not app.is_active:
        raise ValidationError(_("This app is no longer available."))
    with transaction.atomic():
        pins = Pin.objects.select_for_update().filter(user=user)
        if pins.filter(app=app).exists():
            return False
        last = pins.aggregate(last=Max("position"))["last"]
        Pin.objects.create(user=user, app=app, position=0 if last is None else last + 1)
    return True


def unpin(user: User, app: App) -> bool:
    _require_user(user)
    deleted, _count = Pin.objects.filter(user=user, app=app).delete()
    return bool(deleted)


def move(user: User, app: App, direction: str) -> bool:
    """Swap the pinned app with its neighbour ("up" or "down"); at either end nothing moves."""
    _require_user(user)
    if direction not in ("up", "down"):
        raise ValidationError("Unknown direction.")
    with transaction.atomic():
        pins = list(Pin.objects.select_for_update().filter(user=user).order_by("position", "pk"))
        index = next((i for i, p in enumerate(pins) if p.app_id == app.pk), None)
        if index is None:
            raise ValidationError(_("Pin this app first, then you can move it."))
        other = index - 1 if direction == "up" else index + 1
        if not 0 <= other < len(pins):
            return False
        pins[index], pins[other] = pins[other], pins[index]
        for position, item in enumerate(pins):
            item.position = position
        Pin.objects.bulk_update(pins, ["position"])
        tiles.forget_user(user.pk)  # bulk_update sends no post_save
    return True
