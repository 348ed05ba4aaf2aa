"""The teams' guard for admin URLs (intranet.admin_access): a private team the user is no member of
is not named by any admin URL, as destination, parent or object, whatever view serves it."""

from teams.admin_visibility import hidden_team_ids
from teams.models import TeamPage


def names_hidden_team(user, page_ids):
    return TeamPage.objects.filter(pk__in=page_ids).filter(pk__in=hidden_team_ids(user)).exists()
