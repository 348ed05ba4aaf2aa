from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InsightsConfig(AppConfig):
    name = "insights"
    verbose_name = _("Insights")

    def ready(self):
        # Imported in ready(): the app registry is complete only now (app loading order).
        from insights.surveys import signals

        signals.connect()
