"""Read queries for teams, each a fixed number of queries whatever the number of teams, members or posts.

Public API:
    visible_teams(user)                     live, not archived; private ones only where the user is a member
    teams_of(user, include_archived=False)  the user's teams (active memberships)
    team_list(user, text="")                what /teams/ shows: my teams and all visible teams, filtered
    filtered_page(user, everyone, text, ...) a page of a filtered list (matching ids cached)
    team_page_context(team, user, page=1)   members (first 24 + count), admins, pinned post, timeline, documents
    timeline(team, user, page=1)            (page, posts, posts by id): a page of the timeline in fixed queries
"""

import hashlib

from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.utils.translation import ngettext
from wagtail.images import get_image_model

from intranet import caching
from intranet.paging import CountedPaginator
from intranet.permissions import shown_perm
from intranet.plugins import PAGES_GENERATION
from people.cards import give_small_avatars
from people.routing import index_url as people_index_url
from people.signals import GENERATION as PEOPLE_GENERATION
from social import mentions
from social import selectors as social
from social.services import MODERATE_PERMISSION
from teams import kept, post_bodies
from teams.kept import POSTS_PER_PAGE, SIDE_SECONDS, side_generation  # noqa: F401 (part of the API)
from teams.models import Kind, Membership, Role, State, TeamPage, TeamPost
from teams.visibility import (  # noqa: F401 (part of the API: other apps read teams through selectors)
    active_membership,
    membership_key,
    membership_slot,
    timeline_readable_q,
    timeline_visibility_key,
    timeline_visibility_slot,
    viewable_teams,
    visible_teams,
)

# What a kept timeline page holds of each post's author: the name, profile address and photo, never the
# wide rows (a password hash, contact details) in the shared cache.
AUTHOR_FIELDS = (
    "author",
    "author__username",
    "author__person__user_id",
    "author__person__slug",
    "author__person__first_name",
    "author__person__tussenvoegsel",
    "author__person__last_name",
    "author__person__photo_id",
)
MEMBERS_SHOWN = 24
DOCUMENTS_SHOWN = 10
AVATAR_SPEC = "fill-256x256"  # the same rendition as people's avatars, so they are made once

# What a member's line shows (teams/includes/member.html and the avatar): not the whole wide person row.
MEMBER_FIELDS = (
    "team_id",
    "role",
    "state",
    "user__username",
    "user__person__user_id",
    "user__person__slug",
    "user__person__first_name",
    "user__person__tussenvoegsel",
    "user__person__last_name",
    "user__person__photo_id",
)


def _person_photos(prefix="user__person__photo"):
    return Prefetch(prefix, queryset=get_image_model().objects.prefetch_renditions(AVATAR_SPEC))


def with_avatars(people):
    """Give each person `small_avatar` from the people avatar cache (people.cards.give_small_avatars):
    a team page shows up to 24 members and 24 admins, the members page 48: no rendition lookup each."""
    give_small_avatars(people)


def _people_of(memberships):
    return [getattr(m.user, "person", None) for m in memberships]


def teams_of(user, *, include_archived=False):
    if not user.is_authenticated:
        return TeamPage.objects.none()
    queryset = TeamPage.objects.live().filter(Exists(active_membership(user)))
    if not include_archived:
        queryset = queryset.filter(archived_at__isnull=True)
    return queryset.order_by("title")


LIST_FIELDS = ("title", "slug", "url_path", "kind", "member_count", "description", "image", "last_activity_at")


def team_list(user, text=""):
    """Two lists for /teams/: my teams (all of them) and every visible team (a queryset to paginate)."""
    mine = list(teams_of(user).only("title", "slug", "url_path", "kind", "member_count", "description", "image"))
    everyone = visible_teams(user).only(*LIST_FIELDS)
    text = (text or "").strip()[:100]
    if text:
        everyone = everyone.filter(Q(title__icontains=text) | Q(description__icontains=text))
    return mine, everyone.order_by("title", "pk")


# The ids a filter of /teams/ matches, per filter text and visibility class (the private teams one is
# an active member of, teams.visibility.membership_key); with the page tree's generation in the key
# (publishing, unpublishing, moving, deleting) and bumped by teams.signals.teams_changed on a team's
# save or delete and by archiving and restoring (teams.archiving, which write with update()).
FILTER_GENERATION = "teams-filter"
FILTER_SECONDS = 300


def filtered_page(user, everyone, text, number, per_page):
    """A page of the team list, filtered or not, and its Paginator page.

    A filter ("project") is a substring match over every visible team's name and description, which
    no index serves (4,600 teams at 50,000 employees: about 10 ms a scan). The matching ids, in list
    order, come from one scan, cached per filter text and visibility class (FILTER_GENERATION); the
    page's teams are then fetched by key, with their current member counts."""

    def matching_ids():
        return list(everyone.values_list("pk", flat=True))

    parts = (membership_key(user, [Kind.PRIVATE]), hashlib.sha256(text.encode()).hexdigest()[:32])
    ids = caching.remember(FILTER_GENERATION, parts, matching_ids, ttl=FILTER_SECONDS, depends=(PAGES_GENERATION,))
    page_obj = Paginator(ids, per_page).get_page(number)
    # Only ids this very visibility class may see: fetched by key, no filter scans again.
    by_pk = TeamPage.objects.live().only(*LIST_FIELDS).in_bulk(list(page_obj.object_list))
    return page_obj, [by_pk[pk] for pk in page_obj.object_list if pk in by_pk]


def forget_filters(**kwargs):
    caching.bump(FILTER_GENERATION)


def invitations_for(user):
    """Teams that invited the user (private ones too: an invitation shows the team to its guest)."""
    if not user.is_authenticated:
        return []
    invited = Membership.objects.filter(team=OuterRef("pk"), user_id=user.pk, state=State.INVITED)
    return list(
        TeamPage.objects.live()
        .filter(Exists(invited), archived_at__isnull=True)
        .only("title", "slug", "url_path", "kind", "member_count", "description", "image")
        .order_by("title")
    )


def pending_for(user):
    """My open requests and invitations, by team id (one query)."""
    if not user.is_authenticated:
        return {}
    rows = Membership.objects.filter(user=user, state__in=[State.REQUESTED, State.INVITED]).values_list(
        "team_id", "state"
    )
    return dict(rows)


def _posts(with_answer=False):
    """Posts with their authors; the accepted answer's comment only for a post's own page (the
    timeline shows just whether there is one: accepted_answer_id)."""
    posts = TeamPost.objects.select_related("author__person")
    return posts.select_related("accepted_answer") if with_answer else posts


def _pending(team):
    """Requests to join and open invitations, for the team's admins."""
    return list(
        Membership.objects.filter(team=team, state__in=[State.REQUESTED, State.INVITED])
        .select_related("user__person")
        .only(*MEMBER_FIELDS, "user_id", "created_at")
        .order_by("created_at", "pk")[:100]
    )


def timeline(team, user, page=1, extra_ids=()):
    """A page of the team's posts, newest first, and `extra_ids` (the pinned post) fetched with them.

    The page is paginated over ids, so the posts themselves (with their authors' avatars) always
    come in one query, wherever the pinned post is: the same number of queries on every page. The
    number of posts and each page's posts are kept until a post of the team is written, moved,
    answered or deleted, or a person changes (side_generation, people): a warm team page reads none.
    """
    ids = team.posts.order_by("-created_at", "-pk").values_list("pk", flat=True)
    total = caching.keep(kept.post_count_slot(team), ids.count, ttl=SIDE_SECONDS)
    page_obj = CountedPaginator(ids, POSTS_PER_PAGE, lambda: total).get_page(page)
    start = page_obj.start_index() - 1 if total else 0
    extra_ids = [pk for pk in extra_ids if pk]

    def read():
        page_ids = list(ids[start : start + POSTS_PER_PAGE])
        post_fields = [field.name for field in TeamPost._meta.concrete_fields]
        posts = _posts().filter(team=team, pk__in=page_ids + extra_ids).only(*post_fields, *AUTHOR_FIELDS)
        return page_ids, list(posts)

    # The kept page is keyed on the team's pinned post, which is what extra_ids names here.
    if extra_ids == [pk for pk in [team.pinned_post_id] if pk]:
        page_ids, rows = caching.keep(kept.page_posts_slot(team, start), read, ttl=SIDE_SECONDS)
    else:
        page_ids, rows = read()
    fetched = {post.pk: post for post in rows}
    team_url = team.get_url()
    for post in fetched.values():
        post.team = team  # the page object we already have: no query per post for its URL
        post.timeline_url = f"{team_url}bericht/{post.pk}/"
    posts = [fetched[pk] for pk in page_ids if pk in fetched]
    return page_obj, posts, fetched


def decorate_posts(posts, user):
    """Likes, comment counts and mention links for a list of posts: three queries whatever the length."""
    posts = [post for post in posts if post is not None]
    names = mentions.names_for(post.text for post in posts)
    with_avatars(getattr(post.author, "person", None) for post in posts if post.author_id)
    for post in posts:
        post.html = mentions.render(post.text, names)
    return _count_reactions(posts, user)


def _count_reactions(posts, user):
    """Each post's like summary and comment count: kept per post, read together in one cache round trip."""
    caching.prefetch(
        [*(social.likes_slot(post) for post in posts), *(social.comment_count_slot(post) for post in posts)]
    )
    likes = social.like_summary(posts, user)
    counts = social.comment_counts(posts)
    # The footer's addresses and label, worked out here once per post instead of with URL and
    # translation tags in teams/includes/post.html (a third of a timeline's rendering).
    pin_url, delete_url, move_url = (
        social.url_for_each(name) for name in ("teams:pin", "teams:delete_post", "teams:move")
    )
    for post in posts:
        post.likes = social.summary_for(likes, post)
        post.comment_count = count = counts.get(post.pk, 0)
        post.comments_label = ngettext("%(counter)s comment", "%(counter)s comments", count) % {"counter": count}
        post.pin_url, post.delete_url, post.move_url = pin_url(post.pk), delete_url(post.pk), move_url(post.pk)
    return likes


def decorate_timeline(team, posts, pinned, user):
    """A timeline page: its posts' own parts from the cache (teams.post_bodies, the pinned post's
    twice when it is also on the page), their likes and comment counts afresh."""
    post_bodies.attach([(post, False) for post in posts] + ([(pinned, True)] if pinned else []), team)
    return _count_reactions(list({post.pk: post for post in posts + ([pinned] if pinned else [])}.values()), user)


def team_side(team):
    """(the first MEMBERS_SHOWN members with admins first, the admins, the latest documents) with
    their avatars: the same for every reader of the team page, so kept until the team's members or
    posts or anyone's card change (issue 20: three queries and the avatars on every visit)."""

    def compute():
        # Admins first ("admin" sorts before "member"), then in the order they joined.
        members = list(
            Membership.objects.filter(team=team, state=State.ACTIVE)
            .select_related("user__person")
            .only(*MEMBER_FIELDS)
            .order_by("role", "created_at", "pk")[:MEMBERS_SHOWN]
        )
        # Members come admins first, so the admins are usually among them already: no second query.
        admins = [m for m in members if m.role == Role.ADMIN]
        if len(members) == MEMBERS_SHOWN and members[-1].role == Role.ADMIN:
            admins = list(
                Membership.objects.filter(team=team, state=State.ACTIVE, role=Role.ADMIN)
                .select_related("user__person")
                .only(*MEMBER_FIELDS)
                .order_by("created_at", "pk")[:MEMBERS_SHOWN]
            )
        with_avatars(_people_of(members + admins))
        documents = list(
            TeamPost.objects.filter(team=team)
            .exclude(document="")
            .only("pk", "document", "document_name", "created_at", "team_id")
            .order_by("-created_at", "-pk")[:DOCUMENTS_SHOWN]
        )
        return members, admins, documents

    return caching.keep(kept.side_slot(team), compute, ttl=SIDE_SECONDS)


def team_page_context(team, user, page=1):
    membership = team._membership(user)
    role = membership.role if membership and membership.state == State.ACTIVE else None
    content_visible = team.content_visible_to(user)
    kept.prefetch_team_page(team, page, content_visible, is_admin=role == Role.ADMIN)
    members, admins, documents = team_side(team)
    context = {
        "team": team,
        "membership": membership,
        "role": role,
        "is_member": role is not None,
        "is_admin": role == Role.ADMIN,
        "content_visible": content_visible,
        "members": members,
        # The members' and admins' HTML is kept as long as the lists (teams/team_page.html's {% cache %}).
        "side_version": caching.versioned_key(
            side_generation(team.pk),
            caching.generation(PEOPLE_GENERATION),
            team.member_count,
            team.url_path,
            people_index_url(),  # the members' profile links
        ),
        "member_count": team.member_count,
        "more_members": max(0, team.member_count - len(members)),
        "admins": admins,
        "can_post": role is not None and not team.is_archived,
        # Only whether to show the "Move" links (the move itself checks the permission).
        "can_moderate": shown_perm(user, MODERATE_PERMISSION),
        "pinned_post": None,
        "posts": [],
        "page_obj": None,
        "documents": [],
        "requests": [],
        "invited": [],
    }
    if content_visible:
        page_obj, posts, fetched = timeline(team, user, page, extra_ids=[team.pinned_post_id])
        pinned = fetched.get(team.pinned_post_id)
        context["likes"] = decorate_timeline(team, posts, pinned, user)
        context.update(
            pinned_post=pinned,
            posts=posts,
            page_obj=page_obj,
            documents=documents,
        )
    if role == Role.ADMIN:
        # The same for every admin of the team, kept like its side (every membership change bumps it).
        pending = caching.keep(kept.pending_slot(team), lambda: _pending(team), ttl=SIDE_SECONDS)
        with_avatars(_people_of(pending))
        context["requests"] = [m for m in pending if m.state == State.REQUESTED]
        context["invited"] = [m for m in pending if m.state == State.INVITED]
    return context


def post_detail(team, post_id, user):
    """One post of `team` for its own page (with the comment section) and its like summary, or (None, {})."""
    post = _posts(with_answer=True).filter(pk=post_id, team=team).first()
    if post is None:
        return None, {}
    post.team = team
    return post, decorate_posts([post], user)


def all_members(team):
    return (
        all_members_unordered()
        .filter(team=team, state=State.ACTIVE)
        .order_by("role", "sort_name", "pk")  # index teams_member_by_name
    )


def member_ids(team):
    """The member list's order as ids only: a deep page skips its offset on the index alone, and
    members_by_ids joins people for the 48 shown (not for every row the offset passes)."""
    return (
        Membership.objects.filter(team=team, state=State.ACTIVE)
        .order_by("role", "sort_name", "pk")
        .values_list("pk", flat=True)
    )


def members_by_ids(ids):
    found = {m.pk: m for m in Membership.objects.select_related("user__person").only(*MEMBER_FIELDS).filter(pk__in=ids)}
    members = [found[pk] for pk in ids if pk in found]
    with_avatars(_people_of(members))
    return members


def all_members_unordered():
    return Membership.objects.select_related("user__person").prefetch_related(_person_photos())


def move_destinations(exclude_team, user):
    """Teams a moderator can move a post to (id, title), by name: only those the moderator can see,
    so a private team's name never shows to an outsider."""
    return list(
        viewable_teams(user, include_archived=False)
        .exclude(pk=exclude_team.pk)
        .order_by("title")
        .values_list("pk", "title")
    )


def is_open(team):
    """Whether anyone may see and join the team (kind "open"), for other apps that show its content."""
    return team.kind == Kind.OPEN


def open_teams():
    """Live open teams that are not archived, oldest first (demo data of other apps picks one)."""
    return TeamPage.objects.live().filter(kind=Kind.OPEN, archived_at__isnull=True).order_by("pk")
