from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "people"
    verbose_name = _("People")

    def ready(self):
        # Imported in ready(): the app registry is complete only now (app loading order).
        from people import routing, signals

        routing.connect()
        signals.connect()
