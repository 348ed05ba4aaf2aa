"""What a team page keeps in the cache, named as slots so that the page reads them in one round trip
(intranet.caching.prefetch): its side panel, its number of posts, a page of posts, and for its admins
the open requests. All hang on the team's side generation, which every change to its members or posts
bumps (teams.signals, and the services that write with update()/bulk_update), and on people."""

from intranet import caching
from people.signals import GENERATION as PEOPLE_GENERATION

POSTS_PER_PAGE = 10
SIDE_SECONDS = 600
# Every team's kept parts at once, after a bulk write that names no team (the seed's update() loops).
BULK_GENERATION = "team-side"


def changed_in_bulk():
    caching.bump(BULK_GENERATION)


def side_generation(team_id):
    """Every change to a team's members or posts (teams.signals, and the bulk writes that send no
    signals: approving a request, merging) bumps this, retiring its cached side panel."""
    return f"team-side:{team_id}"


def post_count_slot(team):
    return caching.Slot(side_generation(team.pk), ("post-count",), (BULK_GENERATION,))


def page_posts_slot(team, start):
    """A timeline page's post ids and the posts themselves with their authors (and the pinned post):
    kept until a post of the team or a person changes (side_generation, people)."""
    parts = ("posts", start, POSTS_PER_PAGE, team.pinned_post_id or 0)
    return caching.Slot(side_generation(team.pk), parts, (BULK_GENERATION, PEOPLE_GENERATION))


def side_slot(team):
    return caching.Slot(side_generation(team.pk), (team.member_count,), (BULK_GENERATION, PEOPLE_GENERATION))


def pending_slot(team):
    return caching.Slot(side_generation(team.pk), ("pending",), (BULK_GENERATION, PEOPLE_GENERATION))


def prefetch_team_page(team, page, content_visible, is_admin=False):
    """What a team page keeps (its side, its number of posts, the ids of the page asked for, and the
    generations its kept HTML hangs on) in one cache read."""
    slots = [side_slot(team)]
    if content_visible:
        try:
            start = (max(1, int(page or 1)) - 1) * POSTS_PER_PAGE
        except (TypeError, ValueError):
            start = 0
        slots += [post_count_slot(team), page_posts_slot(team, start)]
    if is_admin:
        slots.append(pending_slot(team))
    caching.prefetch(slots, names=(PEOPLE_GENERATION,))
