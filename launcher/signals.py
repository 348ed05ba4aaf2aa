"""Retire the cached "My apps" tiles (launcher.tiles) on every change to apps and pins."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from launcher import tiles
from launcher.models import App, Pin


def _pin_changed(sender, instance, **kwargs):
    tiles.forget_user(instance.user_id)


def connect():
    for name, signal in (("saved", post_save), ("deleted", post_delete)):
        signal.connect(tiles.forget_apps, sender=App, dispatch_uid=f"launcher_app_{name}")
        signal.connect(_pin_changed, sender=Pin, dispatch_uid=f"launcher_pin_{name}")
    m2m_changed.connect(tiles.forget_apps, sender=App.units.through, dispatch_uid="launcher_app_units")
