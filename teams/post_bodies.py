"""A timeline post's own part (author, date, labels, text, photo, document, link), rendered once.

At 50,000 employees the large team page cost just over twice the minimal page, spread over rendering
its 20 posts rather than any query (docs/performance.md, issue 20). The part above each post's footer
is the same for every reader, so it is cached, keyed on what it shows:

- the post's own fields (text, files, labels, the team's address) go into the key itself, so an edit,
  an accepted answer or a move makes a new key and nothing needs to be forgotten;
- the people generation covers the author's name, photo and profile link and the names of mentioned
  colleagues (people.signals bumps it on every change to a person);
- the language, and whether it is the pinned copy above the timeline (a post's own page renders its part afresh).

The footer (likes, comment count, the reader's own buttons) is rendered afresh on every request. Mention
names and avatars are loaded only for the posts that are not in the cache.
"""

import hashlib

from django.utils.translation import get_language

from intranet import caching
from people.cards import give_small_avatars
from people.routing import index_url as people_index_url
from people.signals import GENERATION as PEOPLE_GENERATION
from social import mentions

TEMPLATE = "teams/includes/post_body.html"
TTL = 900


def _fingerprint(post, team, pinned):
    author = post.author if post.author_id else None
    facts = (
        post.pk,
        post.text,
        post.image.name,
        post.image_alt,
        post.document.name,
        post.document_name,
        post.link,
        post.created_at.isoformat(),
        post.is_question,
        post.accepted_answer_id,
        post.first_answer_at is None,
        post.moved_from_id,
        post.author_id,
        author.get_username() if author else "",
        team.url_path,
        people_index_url(),  # the author's and mentioned colleagues' profile links start with it
        pinned,
    )
    return hashlib.blake2b(repr(facts).encode(), digest_size=16).hexdigest()


def attach(shown, team):
    """Render or fetch the bodies of `shown`, a list of (post, pinned) pairs, with one cache read, and
    give each post `body` (or `pinned_body`) for the {% post_body %} tag."""
    if not shown:
        return
    prefix = caching.versioned_key(PEOPLE_GENERATION, "team-post", get_language() or "")
    keys = [f"{prefix}:{post.pk}:{_fingerprint(post, team, pinned)}" for post, pinned in shown]
    contexts = {key: {"post": post, "pinned": pinned} for key, (post, pinned) in zip(keys, shown, strict=True)}

    def prepare(missing_keys):
        # Mention links and avatars only for the posts not in the cache (mentions.render escapes the text).
        posts = list({contexts[key]["post"].pk: contexts[key]["post"] for key in missing_keys}.values())
        names = mentions.names_for(post.text for post in posts)
        give_small_avatars(getattr(post.author, "person", None) for post in posts if post.author_id)
        for post in posts:
            post.html = mentions.render(post.text, names)

    found = caching.remember_rendered(TEMPLATE, contexts, TTL, prepare)
    for (post, pinned), key in zip(shown, keys, strict=True):
        setattr(post, "pinned_body" if pinned else "body", found[key])
