"""Page views per day: one count per page, day and employee, in one table (`intranet.DailyPageView`).

Two apps count the same thing: insights' middleware for every page an employee opens, and Direct
regelen when a service page is served (also where the middleware is not installed, and within a test's
transaction). Both call `count`; the first call of the day for a person and page counts and the second
is a no-op (intranet.counting), so a page view is stored once. Readers: insights (dashboard, roll-ups)
and Direct regelen (`directregelen.selectors.popular_services`). No account is stored (docs/privacy.md).
"""

from django.utils import timezone

from intranet import counting
from intranet.models import DailyPageView

SEEN_KIND = "page-view"


def count(page_id: int, user=None, day=None) -> bool:
    """Count one view of the page for `day` (today) the first time `user` (a user or an account id)
    opens it that day; True when it counted. Without a user (seeds, commands) every call counts."""
    day = day or timezone.localdate()
    if not counting.first_time_today(SEEN_KIND, user, page_id, day):
        return False
    add(page_id, day)
    return True


def add(page_id: int, day=None, views: int = 1) -> None:
    """Add `views` to the page's row of the day, whoever opened it (one upsert statement)."""
    counting.add_to_day(DailyPageView, {"day": day or timezone.localdate(), "page_id": page_id}, {"views": views})
