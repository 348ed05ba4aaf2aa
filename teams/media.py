"""Who may fetch a team file by its direct URL (/media/teams/<random>.<ext>).

Files are looked up by their stored path, never by a team derived from the path: merges and moves
carry posts (and their files) to other teams. Paths outside teams/ are none of our business.
"""

from django.db.models import Q

from intranet.media_access import Allowed
from teams.models import TeamPage, TeamPost


def can_view_team_file(user, path):
    if not path.startswith("teams/"):
        return None
    if not user.is_authenticated:
        return False
    # Every file has a folder of its own, so one path is a post's image or its document, never both.
    post = TeamPost.objects.select_related("team").filter(Q(image=path) | Q(document=path)).first()
    if post is not None:
        if not post.team.content_visible_to(user):
            return False
        # A document downloads under the name its uploader gave it (the stored name is random).
        return Allowed(download_name=post.document_name) if post.document == path else True
    team = TeamPage.objects.filter(image=path).first()
    if team is not None:
        return team.user_can_view(user)
    # A file no post or team claims (left over after a deletion): nobody needs it.
    return False
