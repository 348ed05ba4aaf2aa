from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MustReadConfig(AppConfig):
    name = "mustread"
    verbose_name = _("Must-read")

    def ready(self):
        from mustread import signals

        signals.connect()
