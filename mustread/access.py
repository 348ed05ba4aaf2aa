"""Who may mark a page, follow its progress, see names and export the records (docs/privacy.md).

- Editors: whoever may publish the page marks it and sees its progress.
- Community managers (social's moderate permission, the Omgevingsbeheerders group) see every progress.
- Managers (people with direct reports in the audience) see the progress and the names of their own
  reports who have not confirmed yet.
- The names of everyone who has not confirmed only when settings.MUSTREAD_SHOW_NAMES is on (default
  off: the works council decides), then for editors and community managers.
- The CSV of confirmations: the export permission (auditors; superusers have it).
Anyone else gets a 404 for the progress and the export, as for a page that does not exist.
"""

from django.conf import settings

from mustread.models import EXPORT_PERMISSION
from social.services import can_moderate


def can_edit(user, page):
    return bool(user.is_authenticated and user.is_active and page.permissions_for_user(user).can_publish())


def is_community_manager(user):
    return bool(user.is_active and can_moderate(user))


def is_organiser(user, page):
    """The editor of the page or a community manager: the people who follow progress for everyone."""
    return is_community_manager(user) or can_edit(user, page)


def can_export(user):
    return bool(user.is_authenticated and user.is_active and user.has_perm(EXPORT_PERMISSION))


def all_names_allowed(user, page):
    return bool(settings.MUSTREAD_SHOW_NAMES) and is_organiser(user, page)
