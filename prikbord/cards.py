"""The notice board's post cards, rendered once per post and state (content-addressed, as teams.cards).

A card shows only the post's own fields, its writer's name, its first photo and its numbers of likes and
comments, the same for every reader: the key is made of exactly those and the language, so an edit, a
like or a new comment makes a new key and nothing needs to be forgotten. One cache read for a page of
cards; only the missing ones are rendered (a page of 20 through an include each was a third of the
board's own time at 50,000 employees).
"""

import hashlib

from django.utils.translation import get_language

from intranet import caching
from social import selectors as social

TEMPLATE = "prikbord/includes/post_card.html"
TTL = 900


def _key(post, likes, comment_counts, show_status):
    photo = next(iter(post.photos.all()), None)
    person = getattr(post.author, "person", None)
    facts = (
        post.pk,
        post.title,
        post.category,
        str(post.price),
        post.status,
        post.is_expired,
        post.moderation_reason if show_status else "",
        show_status,
        getattr(person, "full_name", "") or post.author.get_username(),
        post.created_at.isoformat(),
        (photo.pk, photo.image.name, photo.width, photo.height) if photo else None,
        social.summary_for(likes, post).count,
        comment_counts.get(post.pk, 0),
    )
    digest = hashlib.sha256(repr(facts).encode()).hexdigest()[:32]
    return f"plein:prikbord-card:{get_language() or ''}:{post.pk}:{digest}"


def give_cards(posts, likes, comment_counts, show_status=False):
    """Each post's card HTML as `post.card`: one cache read for the whole page."""
    keys = {_key(post, likes, comment_counts, show_status): post for post in posts}
    contexts = {
        key: {"post": post, "likes": likes, "comment_counts": comment_counts, "show_status": show_status}
        for key, post in keys.items()
    }
    found = caching.remember_rendered(TEMPLATE, contexts, TTL)
    for key, post in keys.items():
        post.card = found[key]
