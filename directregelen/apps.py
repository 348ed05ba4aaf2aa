import posixpath

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectregelenConfig(AppConfig):
    name = "directregelen"
    verbose_name = _("Direct regelen")

    def ready(self):
        # Imported in ready(): the app registry is complete only now (app loading order).
        from django.db.models.signals import post_delete, post_save

        from directregelen.models import Request
        from directregelen.selectors import requests_changed
        from directregelen.uploads import PRIVATE_PREFIX
        from intranet.media_access import register_media_checker

        for signal in (post_save, post_delete):
            signal.connect(requests_changed, sender=Request, dispatch_uid=f"plein-requests-{signal is post_save}")

        @register_media_checker
        def refuse_private_request_files(user, path):
            # Request photos are served by directregelen.views.attachment, which knows who may see them.
            normalised = posixpath.normpath(path.replace("\\", "/")).lstrip("/")
            return False if normalised.split("/", 1)[0] == PRIVATE_PREFIX else None
