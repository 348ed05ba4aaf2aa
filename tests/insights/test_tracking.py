"""Page views are counted per page per day, activity pseudonymously; nothing links a person to a page."""

import datetime

import pytest
from django.apps import apps
from django.conf import settings
from django.db import DatabaseError, connection
from django.utils import timezone

from home.models import ContentPage
from insights import activity, tracking
from insights.models import ActivityMark, DailyActivity, DailyRouteView, PeriodActivity, RotatingSalt
from intranet.models import DailyPageView
from tests.factories import PersonFactory, UserFactory

pytestmark = pytest.mark.django_db
IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148"
DESKTOP = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120 Safari/537.36"


@pytest.fixture
def reader(client):
    # A distinctive id and name, so that finding them anywhere in the statistics is meaningful.
    user = UserFactory(id=987654, username="lezer.uniek")
    PersonFactory(user=user, first_name="Lieke", last_name="Lezer")
    client.force_login(user)
    return user


@pytest.fixture
def browse(client, django_capture_on_commit_callbacks):
    """GET as the logged-in client and run the counting that waits for the commit (as in autocommit)."""

    def get(path, **headers):
        with django_capture_on_commit_callbacks(execute=True):
            return client.get(path, **headers)

    return get


@pytest.fixture
def help_page(home):
    page = ContentPage(title="Hulp", slug="hulp")
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_a_page_view_is_counted_per_page_and_day(browse, reader, help_page, client):
    assert browse("/hulp/", HTTP_USER_AGENT=DESKTOP).status_code == 200
    browse("/hulp/", HTTP_USER_AGENT=DESKTOP)
    row = DailyPageView.objects.get()
    # The same person twice on one day counts once: reloading cannot push a page up "most viewed".
    assert (row.page_id, row.day, row.views) == (help_page.pk, timezone.localdate(), 1)
    # Twice on the same device on the same day: one activity mark.
    assert ActivityMark.objects.count() == 1
    assert ActivityMark.objects.get().device == "desktop"
    client.force_login(PersonFactory().user)
    for _ in range(3):
        browse("/hulp/", HTTP_USER_AGENT=DESKTOP)
    assert DailyPageView.objects.get().views == 2


def test_views_outside_the_page_tree_are_counted_by_url_name(browse, reader):
    assert browse("/prikbord/").status_code == 200
    row = DailyRouteView.objects.get()
    assert (row.route, row.views) == ("prikbord:board", 1)
    assert not DailyPageView.objects.exists()


def test_phone_and_desktop_are_told_apart(browse, reader, help_page):
    browse("/hulp/", HTTP_USER_AGENT=IPHONE)
    browse("/hulp/", HTTP_USER_AGENT=DESKTOP)
    assert sorted(ActivityMark.objects.values_list("device", flat=True)) == ["desktop", "phone"]
    activity.rollup(timezone.localdate())
    day = DailyActivity.objects.get()
    # One person on two devices: active on both, one view of the page.
    assert (day.active, day.phone, day.desktop, day.views) == (1, 1, 1, 1)


@pytest.mark.parametrize(
    "path, headers",
    [
        ("/admin/", {}),
        ("/health/", {}),
        ("/hulp/", {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}),
        ("/hulp/", {"HTTP_SEC_FETCH_MODE": "cors"}),
        ("/zoeken/suggesties/?q=ab", {}),
    ],
)
def test_admin_health_and_background_requests_are_not_counted(browse, reader, help_page, path, headers):
    browse(path, **headers)
    assert not DailyPageView.objects.exists()
    assert not ActivityMark.objects.exists()


def test_posts_and_anonymous_visitors_are_not_counted(client, home, django_capture_on_commit_callbacks):
    from wagtail.models import Site

    from intranet.models import IntranetSettings

    IntranetSettings.for_site(Site.objects.get(is_default_site=True))  # made once, on a site's first request
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        client.get("/inloggen/")
        client.post("/inloggen/", {"username": "x", "password": "y"})
    assert not callbacks
    assert not DailyRouteView.objects.exists() and not ActivityMark.objects.exists()


def test_the_upsert_adds_up_without_losing_counts(home):
    day = datetime.date(2026, 3, 2)
    for _ in range(5):
        tracking.count_page_view(home.pk, day)
        tracking.count_route_view("people:index", day)
    assert DailyPageView.objects.get(day=day).views == 5
    assert DailyRouteView.objects.get(day=day).views == 5


def test_a_failing_write_never_breaks_the_page(browse, reader, help_page, monkeypatch):
    def broken(*args, **kwargs):
        raise DatabaseError("database is locked")

    monkeypatch.setattr(tracking, "count_page_view", broken)
    assert browse("/hulp/").status_code == 200


def _tracking_models():
    # Page views per day live in the frame (intranet.page_views); insights counts them.
    insights = [m for m in apps.get_app_config("insights").get_models() if not m.__name__.startswith("Survey")]
    return [*insights, DailyPageView]


def test_privacy_no_stored_row_names_the_reader(browse, reader, help_page):
    """After a morning of reading, no statistics row holds the reader's account id or username."""
    for path in ("/hulp/", "/prikbord/", "/zoeken/?q=verlof", "/hulp/"):
        browse(path, HTTP_USER_AGENT=IPHONE)
    activity.rollup(timezone.localdate())
    assert ActivityMark.objects.exists() and DailyPageView.objects.exists()

    for model in _tracking_models():
        for field in model._meta.get_fields():
            related = getattr(field, "related_model", None)
            assert related is None or related._meta.label != settings.AUTH_USER_MODEL, (model, field)
        for row in model.objects.values():
            for column, value in row.items():
                text = str(value)
                assert "lezer.uniek" not in text, (model, column)
                if column != "id":
                    assert text != str(reader.pk), (model, column)
                    assert str(reader.pk) not in text or column in {"secret"}, (model, column)
    # The raw table holds nothing else either (a column added later must not leak).
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {connection.ops.quote_name(ActivityMark._meta.db_table)}")  # noqa: S608
        assert all("lezer" not in str(cell) and cell != reader.pk for row in cursor.fetchall() for cell in row)


def test_keys_change_every_week_and_month_and_salts_are_forgotten():
    monday = datetime.date(2026, 3, 30)  # ISO week 14; the week crosses into April
    next_monday = monday + datetime.timedelta(days=7)
    week_a, month_a = tracking.visitor_keys(42, monday)
    week_b, month_b = tracking.visitor_keys(42, next_monday)
    assert week_a != week_b and month_a != month_b
    assert tracking.visitor_keys(42, monday + datetime.timedelta(days=2))[0] == week_a  # same week, same key
    assert tracking.visitor_keys(43, monday) != (week_a, month_a)

    tracking.mark_active(42, "desktop", next_monday)
    old = next_monday - datetime.timedelta(days=40)
    ActivityMark.objects.create(day=old, week_key="x", month_key="y", device="desktop")
    marks, salts = activity.prune(next_monday)
    assert marks == 1
    assert set(RotatingSalt.objects.values_list("period", flat=True)) == {"2026-W15", "2026-04"}
    assert salts == 2  # week 14 and March are over


def test_rollup_counts_distinct_people_per_day_week_and_month():
    monday = datetime.date(2026, 6, 1)
    tuesday = monday + datetime.timedelta(days=1)
    for user_id in (1, 2, 3):
        tracking.mark_active(user_id, "desktop", monday)
    tracking.mark_active(1, "phone", tuesday)
    tracking.mark_active(4, "phone", tuesday)
    activity.rollup(monday)
    activity.rollup(tuesday)
    assert DailyActivity.objects.get(day=monday).active == 3
    day = DailyActivity.objects.get(day=tuesday)
    assert (day.active, day.phone, day.desktop) == (2, 2, 0)
    assert PeriodActivity.objects.get(kind="week", start=monday).active == 4
    assert PeriodActivity.objects.get(kind="month", start=monday).active == 4
    activity.rollup(tuesday)  # idempotent
    assert PeriodActivity.objects.filter(kind="week").count() == 1


@pytest.mark.django_db(transaction=True)
def test_in_autocommit_the_count_is_written_at_once(client, help_page):
    """Outside a test transaction (as in production) nothing waits: the counter is there right away."""
    user = PersonFactory().user
    client.force_login(user)
    client.get("/hulp/")
    assert DailyPageView.objects.get(page=help_page).views == 1
    assert ActivityMark.objects.count() == 1
