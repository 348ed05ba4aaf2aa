from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "api"
    verbose_name = _("Integration API")

    def ready(self):
        # Imported in ready(): the app registry is complete only now (app loading order).
        from api import webhooks

        webhooks.connect()
