"""What the moderation overview gathers: every queue a community manager works through, in one place.

Each list is one query with a small limit; the actions stay in the apps that own them (the comment
queue in social, the notice board's moderation page, the teams' health pages).
"""

from datetime import timedelta

from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from prikbord import stats as prikbord_stats
from social import stats as social_stats
from teams import stats as teams_stats

LIMIT = 10
NEW_NOTICES_DAYS = 7


def url_or_none(name, *args):
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


def flagged_comments(limit=LIMIT):
    rows = social_stats.flagged_comments(limit)
    for comment in rows:
        comment.action_url = url_or_none("social_moderate", comment.pk)
    return rows


def new_notices(limit=LIMIT, now=None):
    since = (now or timezone.now()) - timedelta(days=NEW_NOTICES_DAYS)
    rows = list(prikbord_stats.open_posts_since(since)[:limit])
    for post in rows:
        post.action_url = url_or_none("prikbord:moderate", post.pk)
    return rows


def overview():
    return {
        "flagged_comments": flagged_comments(),
        "comment_queue_url": url_or_none("social_flaggedcomment_modeladmin_index"),
        "notices": new_notices(),
        "notice_board_url": url_or_none("prikbord:board"),
        "questions": list(teams_stats.unanswered_questions(older_than_hours=48, limit=LIMIT)),
        "team_health": teams_stats.team_health(),
        "quiet_teams_url": url_or_none("teams:quiet"),
        "duplicate_teams_url": url_or_none("teams:duplicates"),
        "teams_health_url": url_or_none("teams:health"),
    }
