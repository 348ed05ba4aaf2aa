from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TeamsConfig(AppConfig):
    name = "teams"
    verbose_name = _("Teams")

    def ready(self):
        # Imported in ready(): the app registry is complete only now (app loading order).
        from intranet.media_access import register_media_checker
        from teams import media, signals

        register_media_checker(media.can_view_team_file)
        signals.connect()
        # Every admin listing of pages asks this policy: private teams leave it for outsiders.
        from wagtail.models import AbstractPage, Page
        from wagtail.permissions import register_permission_policy

        from teams.admin_visibility import TeamAwarePagePermissionPolicy

        register_permission_policy(AbstractPage, TeamAwarePagePermissionPolicy(Page))
        # Admin URLs that name a second page (move destination, copy parent, editing session).
        from intranet.admin_access import register_admin_guard
        from teams.admin_guard import names_hidden_team

        register_admin_guard(names_hidden_team)
