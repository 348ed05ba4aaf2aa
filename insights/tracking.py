"""Counting page views and active employees without keeping anyone's reading trail.

Per counted request: one upsert on the page's (or view's) counter of the day, the first time that day
the person opens it (intranet.counting: reloading does not push a page up the lists; pages are counted
in the frame's `intranet.page_views`, which Direct regelen counts its service pages in too), and, once per
person per day and device, one insert-or-ignore of an activity mark. Both are single statements that are atomic
on SQLite and PostgreSQL (INSERT ... ON CONFLICT), so concurrent requests never lose a count. A failing
write is logged and never breaks the page that was asked for.
"""

import hashlib
import hmac
import logging
import re
import secrets

from django.core.cache import cache
from django.db import DatabaseError, IntegrityError, transaction
from django.utils import timezone

from insights.models import ActivityMark, DailyRouteView, Device, RotatingSalt
from intranet import counting, page_views

logger = logging.getLogger(__name__)

SKIP_PREFIXES = ("/static/", "/media/", "/admin/", "/django-admin/", "/health/", "/favicon", "/_util/", "/documents/")
PHONE_PATTERN = re.compile(r"Mobi|iPhone|iPod|Android.*Mobile|Windows Phone|BlackBerry", re.IGNORECASE)
PAGE_ATTRIBUTE = "_insights_page_id"
# Process memory: the secret of a period never changes while it exists.
_salts = {}


def device_of(user_agent):
    """Phone or desktop from the User-Agent; tablets and anything unknown count as desktop."""
    return Device.PHONE if PHONE_PATTERN.search(user_agent or "") else Device.DESKTOP


def week_period(day):
    year, week, _weekday = day.isocalendar()
    return f"{year}-W{week:02d}"


def month_period(day):
    return f"{day:%Y-%m}"


def _salt(period):
    secret = _salts.get(period)
    if secret is None:
        try:
            with transaction.atomic():
                secret = RotatingSalt.objects.get_or_create(period=period, defaults={"secret": secrets.token_hex(32)})[
                    0
                ].secret
        except IntegrityError:  # another request made the period's salt first
            secret = RotatingSalt.objects.get(period=period).secret
        _salts[period] = secret
    return secret


def forget_salts():
    _salts.clear()


def _key(secret, user_id):
    return hmac.new(secret.encode(), str(user_id).encode(), hashlib.sha256).hexdigest()[:32]


def visitor_keys(user_id, day):
    """(week key, month key) of an account on a day; different every ISO week and calendar month."""
    return _key(_salt(week_period(day)), user_id), _key(_salt(month_period(day)), user_id)


def should_count(request, response):
    if request.method != "GET" or response.status_code != 200:
        return False
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    if request.path_info.startswith(SKIP_PREFIXES) or getattr(request, "is_preview", False):
        return False
    headers = request.headers
    if headers.get("x-requested-with") == "XMLHttpRequest" or headers.get("hx-request"):
        return False
    # Browsers mark what they fetch for scripts (cors, same-origin); only navigations are views.
    if headers.get("sec-fetch-mode", "navigate") != "navigate":
        return False
    return response.get("Content-Type", "").startswith("text/html")


def count_page_view(page_id, day=None, user_id=None):
    """One view of the page, the first time that day for `user_id` (every time without one)."""
    page_views.count(page_id, user_id, day)


def count_route_view(route, day=None):
    counting.add_to_day(DailyRouteView, {"day": day or timezone.localdate(), "route": route[:100]}, {"views": 1})


def mark_active(user_id, device, day=None):
    """Note that someone was active today on `device`: at most one row per person, day and device."""
    day = day or timezone.localdate()
    # Requests run in autocommit, so a new salt is committed at once and every process uses the same one.
    week_key, month_key = visitor_keys(user_id, day)
    seen = f"insights:seen:{day:%Y%m%d}:{month_key}:{device}"
    if cache.get(seen):
        return
    ActivityMark.objects.bulk_create(
        [ActivityMark(day=day, week_key=week_key, month_key=month_key, device=device)], ignore_conflicts=True
    )
    cache.set(seen, True, timeout=36 * 3600)


def hit_of(request):
    """What to count for this request, taken from it now: (day, page id, route, account id, device)."""
    page_id = getattr(request, PAGE_ATTRIBUTE, None)
    route = ""
    if page_id is None:
        match = getattr(request, "resolver_match", None)
        route = match.view_name if match else ""
    device = device_of(request.headers.get("user-agent", ""))
    return timezone.localdate(), page_id, route, request.user.pk, device


def write(hit):
    """One upsert on the day's counter; an activity mark only on the person's first view of the day."""
    day, page_id, route, user_id, device = hit
    try:
        # Single statements, atomic by themselves: no transaction or savepoint around them.
        # A person counts once a day per page: reloading must not push a page up "most viewed".
        if page_id is not None:
            count_page_view(page_id, day, user_id)
        elif route:
            if counting.first_time_today("insights.route", user_id, route, day):
                count_route_view(route, day)
        mark_active(user_id, device, day)
    except DatabaseError:
        # Statistics are not worth a failed page (a locked SQLite file, a page deleted meanwhile).
        logger.warning("insights: a page view was not counted", exc_info=True)


def record(request):
    hit = hit_of(request)
    # Requests run in autocommit, so this writes at once. Inside a transaction (ATOMIC_REQUESTS, or a
    # test case) the count waits for the commit and is dropped on a rollback, like the request's work.
    transaction.on_commit(lambda: write(hit))


class PageViewMiddleware:
    """Counts what employees open (see module docstring). Place after the authentication middleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if should_count(request, response):
            record(request)
        return response


def note_page(page, request):
    """Wagtail's before_serve_page hook: remember which page this request serves."""
    setattr(request, PAGE_ATTRIBUTE, page.pk)
