from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrikbordConfig(AppConfig):
    name = "prikbord"
    verbose_name = _("Notice board")

    def ready(self):
        # Imported in ready(): the app registry is complete only now (app loading order).
        from intranet.media_access import register_media_checker
        from prikbord.media import can_view_board_photo

        register_media_checker(can_view_board_photo)
