"""Read queries of the social layer, each a fixed number of queries whatever the data size.

Public API:
    like_summary(objects, user) -> {(content_type_id, pk): LikeSummary} for a list of objects
    like_buttons(objects, summaries, next_url): each object gets `like_button` for social/like_button.html
    comment_counts(objects) -> {pk: count} for objects of one model
    comment_section(target, user, page) -> one page of what includes "social/comments.html" needs
    page_of_comment(target, comment_id) -> the page of the comment section that shows a comment
    unread_count(user), notifications_for(user), visible_notifications(user)
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Exists, OuterRef, Q
from django.http import Http404
from django.urls import reverse
from django_comments.models import CommentFlag
from django_comments_xtd.models import XtdComment

from intranet import caching
from people.models import Person
from people.signals import GENERATION as PEOPLE_GENERATION
from social import mentions, targets
from social.likes import LikeSummary, like_summary, likes_slot
from social.models import FlaggedComment, Notification


def summary_for(summaries, obj):
    return summaries.get((ContentType.objects.get_for_model(obj).pk, obj.pk), LikeSummary())


PK_SENTINEL = 987654321  # stands for the pk in one reversed URL that serves a whole list


def url_for_each(name, *args):
    """reverse(name, args=[*args, pk]) as a function of pk, at the cost of one reverse: a page of
    comments or a timeline needs a URL or two per item."""
    head, _, tail = reverse(name, args=[*args, PK_SENTINEL]).partition(str(PK_SENTINEL))
    return lambda pk: f"{head}{pk}{tail}"


@dataclass
class LikeButton:
    """What social/like_button.html shows: made by {% like_button %} for one object, and for a whole
    list at once by like_buttons() or the comment section (no tag, URL reverse or label per item)."""

    url: str
    dom_id: str
    summary: LikeSummary
    next: str = ""
    label: str = ""
    allowed: bool = True


def like_buttons(objects, summaries, next_url):
    """Give each of `objects` (one model) `like_button` from a like_summary() made for them: for lists
    such as a team's timeline, which include social/like_button.html with it instead of a tag each."""
    objects = [obj for obj in objects if obj is not None]
    if not objects:
        return
    content_type_id = ContentType.objects.get_for_model(objects[0]).pk
    url = url_for_each("social:like", content_type_id)
    for obj in objects:
        dom_id = f"like-{content_type_id}-{obj.pk}"
        obj.like_button = LikeButton(
            url=url(obj.pk),
            dom_id=dom_id,
            summary=summaries.get((content_type_id, obj.pk)) or LikeSummary(),
            next=f"{next_url}#{dom_id}",
            allowed=getattr(obj, "allow_likes", True) is not False,
        )


def comment_counts(objects):
    """{pk: number of visible comments} for objects of one model: one cache round trip, kept per object
    under its comments' generation (comments_changed), and one query for those not kept."""
    objects = list(objects)
    if not objects:
        return {}
    content_type_id = ContentType.objects.get_for_model(objects[0]).pk

    def count(pks):
        rows = (
            XtdComment.norel_objects.filter(
                content_type_id=content_type_id,
                object_pk__in=[str(pk) for pk in pks],
                site_id=settings.SITE_ID,
                is_public=True,
                is_removed=False,
            )
            .values("object_pk")
            .annotate(n=Count("pk"))
            .order_by()
        )
        found = {int(row["object_pk"]): row["n"] for row in rows}
        return {pk: found.get(pk, 0) for pk in pks}

    return caching.keep_many({obj.pk: comment_count_slot(obj) for obj in objects}, count, ttl=SECTION_SECONDS)


def comment_count_slot(obj):
    """Where comment_counts() keeps `obj`'s number, for caching.prefetch()."""
    content_type_id = ContentType.objects.get_for_model(obj).pk
    return caching.Slot(_subject_generation(content_type_id, obj.pk), ("count",), (COMMENTS_GENERATION,))


THREADS_PER_PAGE = 10  # a first page of the newest threads; "Meer reacties" loads older ones
# A page of comments is kept under two generations: its subject's own, bumped by every comment saved
# or deleted there (social.signals), and this one for all of them, bumped by bulk writes (erasure).
COMMENTS_GENERATION = "comments"
SECTION_SECONDS = 120  # a net under the bumps: a hidden comment must not linger
CACHED_PAGES = 20  # deeper pages (any number can be asked for) are read afresh, not kept


def _target_comments(target, manager=XtdComment.norel_objects):
    """Every visible (public) comment on `target`, removed ones included: they keep their place."""
    return manager.filter(
        content_type=ContentType.objects.get_for_model(target),
        object_pk=str(target.pk),
        site_id=settings.SITE_ID,
        is_public=True,
    )


COMMENT_FIELDS = (
    "comment",
    "user_name",
    "submit_date",
    "is_public",
    "is_removed",
    "content_type",
    "object_pk",
    "site",
    "thread_id",
    "parent_id",
    "level",
    "order",
    "followup",
    "nested_count",
    "user__username",
    "user__person__user",
    "user__person__slug",
    "user__person__first_name",
    "user__person__tussenvoegsel",
    "user__person__last_name",
    "user__person__job_title",
    "user__person__photo",
)


def _comments_queryset(target, thread_ids):
    if not thread_ids:
        return XtdComment.objects.none()
    return (
        _target_comments(target)
        .filter(thread_id__in=thread_ids)
        .select_related("user__person")
        # What a comment shows and the tree needs: not the whole user and person rows (a third of
        # the section's time for 34 comments, issue 20).
        .only(*COMMENT_FIELDS)
        # Newest thread first; within a thread xtd's order (the tree needs each thread in one run).
        .order_by("-thread_id", "order")
    )


FLAGS_GENERATION = "comment-flags"


def _flags_slot(user):
    return caching.user_slot(FLAGS_GENERATION, user.pk)


def my_reported_comment_ids(user):
    """The ids of the comments the reader reported, kept per reader until they report another or a
    report of theirs goes (flags_changed, social.signals): no query per comment page."""
    reports = CommentFlag.objects.filter(flag=CommentFlag.SUGGEST_REMOVAL, user_id=user.pk)
    return caching.keep(_flags_slot(user), lambda: frozenset(reports.values_list("comment_id", flat=True)))


def flags_changed(sender, instance, **kwargs):
    caching.forget_user(FLAGS_GENERATION, instance.user_id)


def _tree(comments):
    """[{"comment", "children": [{"comment"}]}] of a page's comments (threads in order, replies in
    order): two levels (COMMENTS_XTD_MAX_THREAD_LEVEL = 1). xtd's own tree asks each comment's flags."""
    tree, threads = [], {}
    for comment in comments:
        if comment.level == 0:
            threads[comment.pk] = {"comment": comment, "children": []}
            tree.append(threads[comment.pk])
        elif comment.parent_id in threads:  # a reply to a thread's first comment, as xtd nests it
            threads[comment.parent_id]["children"].append({"comment": comment, "children": []})
    return tree


def page_of_comment(target, comment_id):
    """The page (1-based) of `target`'s comment section that shows comment `comment_id`, or None:
    its thread's place among the threads, newest first. Two small queries, however long the discussion."""
    try:
        comment_id = int(comment_id)
    except (TypeError, ValueError):
        return None
    thread_id = _target_comments(target).filter(pk=comment_id).values_list("thread_id", flat=True).first()
    if thread_id is None:
        return None
    newer = _target_comments(target).filter(level=0, thread_id__gt=thread_id).count()
    return newer // THREADS_PER_PAGE + 1


def _discussion_index(target):
    """(the number of visible comments, the root comments' thread ids newest first) of `target`, from
    one query over its own comments. Counting, and the newest threads with ORDER BY ... LIMIT, as two
    queries cost more the more comments the whole site has: the filter is on django_comments and the
    order on xtd's table, so PostgreSQL walked xtd's thread index backwards through every other
    page's comments (3,500 rows for the first 20 threads at 50,000 employees) and hash-joined all of
    xtd's rows for the count. This reads the target's rows through the object_pk index instead."""
    rows = _target_comments(target).order_by().values_list("thread_id", "level", "is_removed")
    count = 0
    threads = []
    for thread_id, level, is_removed in rows:
        count += not is_removed
        if level == 0:
            threads.append(thread_id)
    threads.sort(reverse=True)
    return count, threads


def _page_number(value):
    try:
        return max(1, int(value))
    except (TypeError, ValueError):
        return 1


def _shared_page(target, page, per_page):
    """(the exact count, whether older threads follow, the page's comments with their writers): the
    same for every reader who may see `target`, so kept in the cache until a comment anywhere or a
    colleague's card changes (the subject's comments generation, the people generation). A long
    discussion read by many then costs one cache read instead of walking its whole index each time
    (issue 20); a comment elsewhere leaves it in the cache."""

    def compute():
        count, threads = _discussion_index(target)
        start = (page - 1) * per_page
        thread_ids = threads[start : start + per_page + 1]
        return count, len(thread_ids) > per_page, list(_comments_queryset(target, thread_ids[:per_page]))

    if page > CACHED_PAGES:
        return compute()
    return caching.keep(_section_slot(target, page, per_page), compute, ttl=SECTION_SECONDS)


def _section_slot(target, page, per_page=THREADS_PER_PAGE):
    content_type_id = ContentType.objects.get_for_model(target).pk
    name = _subject_generation(content_type_id, target.pk)
    return caching.Slot(name, (content_type_id, target.pk, page, per_page), (COMMENTS_GENERATION, PEOPLE_GENERATION))


def discussion_slots(target, user, page=None):
    """The cached parts a page showing `target` with its likes and comment section reads (its like
    summary, the reader's reports, the page of threads asked for), for caching.prefetch()."""
    slots = [likes_slot(target), _flags_slot(user)]
    page = _page_number(page)
    if page <= CACHED_PAGES:
        slots.append(_section_slot(target, page))
    return slots


def _subject_generation(content_type_id, object_pk):
    return f"comments:{content_type_id}:{object_pk}"


def comments_changed(instance=None, **kwargs):
    """A comment saved, hidden, removed or deleted: its subject's cached pages are stale. Without one
    comment (a bulk update), every subject's are."""
    if instance is None or not instance.content_type_id:
        caching.bump(COMMENTS_GENERATION)
    else:
        caching.bump(_subject_generation(instance.content_type_id, instance.object_pk))


def comment_section(target, user, page=1, per_page=THREADS_PER_PAGE):
    """One page of the comment tree of `target` (xtd's tree, newest threads first) with likes,
    mentions and 'you flagged' filled in, the exact count of all its comments, and whether older
    threads follow. A fixed number of queries and a bounded page, however long the discussion."""
    page = _page_number(page)
    count, has_more, comments = _shared_page(target, page, per_page)
    reported = my_reported_comment_ids(user)
    names = mentions.names_for(c.comment for c in comments if not c.is_removed)
    likes = like_summary(comments, user)
    comment_type = ContentType.objects.get_for_model(XtdComment)
    for comment in comments:
        comment.html = mentions.render(comment.comment, names)
        comment.likes = likes.get((comment_type.pk, comment.pk)) or LikeSummary()
        comment.flagged_by_me = comment.pk in reported
        comment.person = getattr(comment.user, "person", None) if comment.user_id else None
        comment.is_mine = comment.user_id == user.pk
    return {
        "target": target,
        "tree": _tree(comments),
        "count": count,
        "page_number": page,
        "next_page": page + 1 if has_more else None,
        "previous_page": page - 1 if page > 1 else None,
        "content_type_id": ContentType.objects.get_for_model(target).pk,
        "comment_content_type_id": comment_type.pk,
        "comments_open": getattr(target, "allow_comments", True),
        "likes_open": getattr(target, "allow_likes", True) is not False,  # its comments' like buttons
    }


def people_to_mention(text, limit=8):
    """Active colleagues whose first or last name (or profile slug) starts with `text`; with several
    words ("ria vo") every word starts one of the names."""
    text = (text or "").strip().lstrip("@")[:50]
    if len(text) < 2:
        return []
    condition = Q()
    for word in text.split()[:4]:
        condition &= (
            Q(first_name__istartswith=word)
            | Q(tussenvoegsel__istartswith=word)
            | Q(last_name__istartswith=word)
            | Q(slug__startswith=word.lower())
        )
    return list(
        Person.objects.filter(condition, is_active=True)
        .only("slug", "first_name", "tussenvoegsel", "last_name", "job_title", "user_id")
        .order_by("sort_name")[:limit]
    )


def visible_notifications(user):
    """The user's notifications whose subject they may still see: visibility is checked when shown,
    not only when made, so leaving a private team takes its post excerpts out of the list, the bell
    and the mails. Every notification display goes through here; it stays one query (subqueries)."""
    return Notification.objects.filter(recipient=user).filter(
        targets.visible_q(user, "target_content_type", "target_object_id")
    )


def unread_count(user):
    """The bell's number, on every page. One indexed query finds the kinds of the user's unread
    notifications; only when there are any, a second counts those the user may still see, checking
    visibility for just those kinds. Checking all of them cost 20-30 ms a page at 50,000 employees,
    most of it building the subqueries (docs/performance.md)."""
    unread = Notification.objects.filter(recipient=user, read_at__isnull=True)
    kinds = set(unread.order_by().values_list("target_content_type_id", flat=True).distinct())
    if not kinds:
        return 0
    return unread.filter(targets.visible_of_kinds_q(user, kinds, "target_content_type_id", "target_object_id")).count()


def notifications_for(user):
    return visible_notifications(user).select_related("actor__person")


# Moderation -------------------------------------------------------------------------------------


def _reported():
    return Exists(CommentFlag.objects.filter(comment=OuterRef("pk"), flag=CommentFlag.SUGGEST_REMOVAL))


def moderatable_comments(user, model=XtdComment):
    """Comments a community manager may open, hide or restore: reported ones (the report asks them
    to look, docs/privacy.md), and comments on pages they could read on the site anyway. A private
    team's unreported comments stay out of reach of managers who are not in the team.
    Plain XtdComments by default: xtd hides a comment's replies on saves of that model only."""
    return model.objects.filter(_reported() | targets.visible_q(user, "content_type", "object_pk", text_ids=True))


def moderation_queue(user):
    """The queue: reported or hidden comments among moderatable_comments, with their report count."""
    flagged = Count("flags", filter=Q(flags__flag=CommentFlag.SUGGEST_REMOVAL))

    queue = moderatable_comments(user, FlaggedComment).filter(_reported() | Q(is_public=False))
    return queue.annotate(flag_count=flagged).select_related("user")


def access_moderatable_by_id(user, comment_id):
    """The comment behind a moderation URL, or 404 (never 403) for what this manager may not open."""
    comment = moderatable_comments(user).filter(pk=comment_id).first()
    if comment is None:
        raise Http404
    return comment
