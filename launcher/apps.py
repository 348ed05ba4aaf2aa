from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LauncherConfig(AppConfig):
    name = "launcher"
    verbose_name = _("Apps")

    def ready(self):
        # Imported in ready(): the app registry is complete only now (app loading order).
        from launcher import signals

        signals.connect()
