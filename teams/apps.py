from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TeamsConfig(AppConfig):
    name = "teams"
    verbose_name = _("Teams")

    def ready(self):
        from intranet.media_access import register_media_checker
        from teams import media, signals

        register_media_checker(media.can_view_team_file)
        signals.connect()
