"""Team addresses without a Site lookup per team: the /teams/ page's place, cached until the page tree
changes (intranet.plugins.PAGES_GENERATION), and each team's URL from its tree path."""

from intranet.plugins import remember_pages
from teams.models import TeamIndexPage


def team_url(url_path, index):
    """A team's URL from its url_path, relative to the teams index (no Site lookup per team)."""
    if index is None:
        return ""
    return index["url"] + url_path[len(index["url_path"]) :]


def _locate_index():
    page = TeamIndexPage.objects.live().first()
    return {"url": page.get_url() or "/teams/", "url_path": page.url_path} if page else {}


def index_location():
    """The /teams/ page's URL and tree path, kept until the page tree changes (moves, renames)."""
    return remember_pages(("teams-index",), _locate_index, seconds=3600) or None
