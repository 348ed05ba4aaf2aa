from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "privacy"
    verbose_name = _("Privacy")

    def ready(self):
        # Imported in ready(): the app registry is complete only now (app loading order).
        from intranet.media_access import register_media_checker
        from privacy.media import can_download_export

        register_media_checker(can_download_export)
