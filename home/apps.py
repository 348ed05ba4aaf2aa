from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Homepage")

    def ready(self):
        # Imported in ready(): the app registry is complete only now (app loading order).
        from home import signals  # noqa: F401
