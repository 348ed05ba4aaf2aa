from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SocialConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "social"
    verbose_name = _("Social")

    def ready(self):
        # Imported in ready(): the app registry is complete only now (app loading order).
        from social import signals  # noqa: F401 (connects the receivers)
