"""Participation: posts, comments and likes per week, who takes part, and what is popular by kind.

Team posts per week come from teams.stats (the teams app's public figures); the rest is read from the
social layer, the notice board and the blogs with grouped queries, a fixed number whatever the data.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from insights import charts, rollups
from insights.metrics.common import Table, share
from news import stats as news_stats
from people import stats as people_stats
from prikbord import stats as prikbord_stats
from social import stats as social_stats
from teams import stats as teams_stats

# Content kinds for "popularity by type": (key, label, [(app_label, model), ...]).
KINDS = [
    ("news", "News", [("news", "newspage")]),
    ("blog", "Blog", [("news", "blogpage")]),
    ("team", "Team post", [("teams", "teampost"), ("teams", "teampage")]),
    ("service", "Service page", [("directregelen", "servicepage"), ("directregelen", "requestformpage")]),
    ("prikbord", "Notice board", [("prikbord", "post")]),
]
TOP_ITEMS = 10


def kind_labels():
    return {
        "news": _("News"),
        "blog": _("Blog"),
        "team": _("Team post"),
        "service": _("Service page"),
        "prikbord": _("Notice board"),
        "other": _("Other"),
    }


def _kind_by_content_type():
    """{content type id: (kind key, app_label, model)} for the kinds above, in one query."""
    wanted = Q()
    lookup = {}
    for key, _label, models in KINDS:
        for app_label, model in models:
            wanted |= Q(app_label=app_label, model=model)
            lookup[(app_label, model)] = key
    return {
        pk: (lookup[(app_label, model)], app_label, model)
        for pk, app_label, model in ContentType.objects.filter(wanted).values_list("pk", "app_label", "model")
    }


def participation(period, employees):
    """The weekly series and popularity come from the daily roll-ups (insights.rollups) plus today
    live; only "who wrote something" still reads the period's rows (a distinct count does not add up
    over days)."""
    start, end = period.start_at, period.end_at
    comments_qs = social_stats.public_comments(start, end)
    notices_qs = prikbord_stats.posts_created(start, end)
    blogs_qs = news_stats.blogs_published(start, end)
    today = timezone.localdate()
    live = rollups.today_rows(period, today)
    counts = rollups.add_today(rollups.weekly_counts(period, today), live, today)

    def summed(metric):
        result = {}
        for (row_metric, _key), weeks in counts.items():
            if row_metric == metric:
                for monday, n in weeks.items():
                    result[monday] = result.get(monday, 0) + n
        return result

    posts_per_week = summed(rollups.POSTS)
    comments = summed(rollups.COMMENTS)
    likes = summed(rollups.LIKES)
    weeks = list(period.weeks())
    weekly_rows = [
        [monday.isoformat(), posts_per_week.get(monday, 0), comments.get(monday, 0), likes.get(monday, 0)]
        for monday in weeks
    ]
    # Employees who wrote something: a comment, a team post, a notice or a blog (one counting query).
    wrote = (
        Q(user_id__in=comments_qs.values("user_id"))
        | Q(user_id__in=notices_qs.values("author_id"))
        | Q(user_id__in=blogs_qs.exclude(author=None).values("author__user_id"))
        | Q(user_id__in=teams_stats.post_authors(period.start_at, period.end_at))
    )
    contributors = people_stats.active_employees_among(wrote)

    totals = [sum(row[i] for row in weekly_rows) for i in (1, 2, 3)]
    kpis = {
        "participation.posts": totals[0],
        "participation.comments": totals[1],
        "participation.likes": totals[2],
        "participation.contributors": contributors,
        "participation.contributors_share": share(contributors, employees),
    }

    weekly = Table(
        "participation-weekly",
        _("Posts, comments and likes per week"),
        [_("Week starting"), _("Posts"), _("Comments"), _("Likes")],
        weekly_rows,
    )
    weekly.chart = charts.line_chart(
        _("Posts, comments and likes per week"),
        [f"{monday:%d-%m}" for monday in weeks],
        [
            (_("Posts"), [row[1] for row in weekly_rows]),
            (_("Comments"), [row[2] for row in weekly_rows]),
            (_("Likes"), [row[3] for row in weekly_rows]),
        ],
        _("Posts (team posts, notices and blogs), comments and likes per ISO week."),
    )
    tables = [weekly, *_popularity(period, counts, live, today)]
    return kpis, tables


def _popularity(period, counts, live, today):
    kinds = _kind_by_content_type()
    labels = kind_labels()
    totals = {rollups.VIEWS: {}, rollups.LIKES: {}, rollups.COMMENTS: {}}
    for (metric, key), per_week in counts.items():
        if metric in totals:
            kind = kinds.get(int(key), ("other",))[0]
            totals[metric][kind] = totals[metric].get(kind, 0) + sum(per_week.values())
    rows = [
        [
            labels[key],
            totals[rollups.VIEWS].get(key, 0),
            totals[rollups.LIKES].get(key, 0),
            totals[rollups.COMMENTS].get(key, 0),
        ]
        for key in [*(kind[0] for kind in KINDS), "other"]
    ]
    by_kind = Table(
        "popularity-by-kind",
        _("Popularity by kind of content"),
        [_("Kind"), _("Views"), _("Likes"), _("Comments")],
        rows,
    )
    by_kind.chart = charts.bar_chart(
        _("Views by kind of content"),
        [(row[0], row[1]) for row in rows],
        _("Page views in the chosen period per kind of content."),
    )

    # Closed and private teams' pages and posts stay out of the top lists: their names are not for
    # managers outside those teams (filtered before the slice, so the ranking stays right).
    hidden_pages = teams_stats.closed_page_ids()
    hidden_posts = teams_stats.closed_post_ids()
    post_type = next((pk for pk, (_key, app, model) in kinds.items() if (app, model) == ("teams", "teampost")), None)

    def visible_pages(pairs):
        ids = [object_id for _key, object_id in pairs]
        shown = set(Page.objects.filter(pk__in=ids).exclude(pk__in=hidden_pages).values_list("pk", flat=True))
        return {pair for pair in pairs if pair[1] in shown}

    def visible_items(pairs):
        hidden = set()
        if post_type is not None:
            ids = [object_id for key, object_id in pairs if key == str(post_type)]
            hidden = set(teams_stats.closed_post_ids().filter(pk__in=ids).values_list("pk", flat=True))
        return {pair for pair in pairs if not (pair[0] == str(post_type) and pair[1] in hidden)}

    top_pages = rollups.top(
        rollups.TOP_VIEWED, period, today, live, exclude=Q(object_id__in=hidden_pages), visible=visible_pages
    )
    page_titles = dict(Page.objects.filter(pk__in=[pk for _key, pk, _n in top_pages]).values_list("pk", "title"))
    page_types = dict(
        Page.objects.filter(pk__in=[pk for _key, pk, _n in top_pages]).values_list("pk", "content_type_id")
    )
    top_views = [(pk, page_titles.get(pk, "?"), page_types.get(pk), n) for _key, pk, n in top_pages]
    viewed = Table(
        "top-viewed",
        _("Most viewed pages"),
        [_("Page"), _("Kind"), _("Views")],
        [[title, labels[kinds.get(ct, ("other",))[0]], n] for pk, title, ct, n in top_views],
        links=[reverse("wagtailadmin_pages:edit", args=[pk]) for pk, *_rest in top_views],
        empty_text=_("No page views counted in this period yet."),
    )

    hidden_likes = Q(key=str(post_type), object_id__in=hidden_posts) if post_type is not None else Q(pk__in=[])
    top_likes = [
        (int(key), object_id, n)
        for key, object_id, n in rollups.top(
            rollups.TOP_LIKED, period, today, live, exclude=hidden_likes, visible=visible_items
        )
    ]
    titles = _titles(top_likes, kinds)
    liked = Table(
        "top-liked",
        _("Most liked"),
        [_("Item"), _("Kind"), _("Likes")],
        [[titles.get((ct, pk), ("?", ""))[0], labels[kinds.get(ct, ("other",))[0]], n] for ct, pk, n in top_likes],
        links=[titles.get((ct, pk), ("", ""))[1] for ct, pk, _n in top_likes],
        empty_text=_("No likes in this period yet."),
    )
    return [by_kind, viewed, liked]


def _titles(pairs, kinds):
    """{(content type id, object id): (title, link)}: one query for pages, one per other kind present.

    Kinds are a handful, so the number of queries is bounded whatever the amount of data."""
    pages = set()
    others = {}
    for content_type_id, object_id, _n in pairs:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is not None and issubclass(model, Page):
            pages.add(object_id)
        elif model is not None:
            others.setdefault((content_type_id, model), set()).add(object_id)
    found = {}
    for pk, title, content_type_id in Page.objects.filter(pk__in=pages).values_list("pk", "title", "content_type_id"):
        found[(content_type_id, pk)] = (title, reverse("wagtailadmin_pages:edit", args=[pk]))
    for (content_type_id, model), ids in others.items():
        for obj in model._default_manager.filter(pk__in=ids):
            title = str(getattr(obj, "title", "") or obj)[:120]
            url = obj.get_absolute_url() if hasattr(obj, "get_absolute_url") else ""
            found[(content_type_id, obj.pk)] = (title, url)
    return found
