"""One week of hand-made activity, whose every KPI is computed by hand in test_kpis.py."""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django_comments_xtd.models import XtdComment
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from directregelen.models import DepartmentPage, DirectRegelenPage, Request
from insights.metrics.common import Period
from insights.models import DailyActivity, PeriodActivity
from intranet.models import DailyPageView
from people.models import Location, Person
from prikbord.models import Post
from search.models import DailyQuery
from social.models import Like
from tests.factories import OrganisationUnitFactory, PersonFactory

WEEK = Period(datetime.date(2026, 6, 1), datetime.date(2026, 6, 7))  # Monday up to and including Sunday


def at(day, hour=10, minute=0):
    return timezone.make_aware(datetime.datetime(2026, 6, day, hour, minute))


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def make_people():
    """Anna 0%, Bas 25% (phone, mobile), Cees 80% with a photo; Dirk is inactive (not counted)."""
    directorate = OrganisationUnitFactory(name="Dienstverlening", slug="dienstverlening")
    other = OrganisationUnitFactory(name="Bedrijfsvoering", slug="bedrijfsvoering")
    department = OrganisationUnitFactory(name="ICT", slug="ict", parent=other)
    anna = PersonFactory(first_name="Anna", organisation_unit=directorate)
    bas = PersonFactory(first_name="Bas", organisation_unit=directorate, phone="010 1", mobile="06 1")
    photo = Image.objects.create(title="Cees", file=get_test_image_file())
    cees = PersonFactory(
        first_name="Cees",
        organisation_unit=department,
        photo=photo,
        bio="Ik help graag.",
        phone="010 2",
        mobile="06 2",
        location=Location.objects.create(name="Stadhuis"),
        working_days=0b11,
    )
    PersonFactory(first_name="Dirk", is_active=False, photo=photo)
    return anna, bas, cees


def make_activity(home):
    DailyActivity.objects.bulk_create(
        [
            DailyActivity(day=datetime.date(2026, 6, 1), active=2, phone=1, desktop=2, views=20),
            DailyActivity(day=datetime.date(2026, 6, 2), active=3, phone=0, desktop=3, views=30),
            DailyActivity(day=datetime.date(2026, 6, 6), active=1, phone=1, desktop=0, views=5),
            DailyActivity(day=datetime.date(2026, 5, 29), active=99, phone=99, desktop=0, views=999),  # outside
        ]
    )
    PeriodActivity.objects.bulk_create(
        [
            PeriodActivity(kind="week", start=datetime.date(2026, 6, 1), active=3),
            PeriodActivity(kind="month", start=datetime.date(2026, 6, 1), active=3),
            PeriodActivity(kind="month", start=datetime.date(2026, 5, 1), active=2),
        ]
    )
    DailyPageView.objects.create(day=datetime.date(2026, 6, 2), page=home, views=10)
    DailyPageView.objects.create(day=datetime.date(2026, 5, 2), page=home, views=500)  # outside


def make_participation(anna, bas, cees):
    notice = Post.objects.create(
        author=anna.user, category="te-koop", title="Fiets", text="Mooie fiets", created_at=at(2)
    )
    Post.objects.create(
        author=cees.user, category="te-koop", title="Oud", text="Oud", created_at=at(2) - datetime.timedelta(days=30)
    )
    post_type = ContentType.objects.get_for_model(Post)
    for user, when in ((bas.user, at(3)), (bas.user, at(5)), (cees.user, at(20))):  # the 20th is outside
        XtdComment.objects.create(
            content_type=post_type, object_pk=str(notice.pk), site_id=1, user=user, comment="Leuk!", submit_date=when
        )
    for person, day in ((anna, 2), (bas, 3), (cees, 4)):
        like = Like.objects.create(content_type=post_type, object_id=notice.pk, user=person.user)
        Like.objects.filter(pk=like.pk).update(created_at=at(day))
    return notice


def make_requests(home):
    portal = publish(home, DirectRegelenPage(title="Direct regelen", slug="direct-regelen"))
    ict = publish(portal, DepartmentPage(title="ICT", slug="ict", reference_prefix="ICT"))
    hours = datetime.timedelta(hours=1)
    for number, (day, first, done) in enumerate([(2, 2, 10), (3, 4, None), (4, 6, 30), (20, 1, 1)], start=1):
        submitted = at(day)
        Request.objects.create(
            reference=f"ICT-2026-{number:05d}",
            department=ict,
            title="Laptop",
            submitted_at=submitted,
            first_response_at=submitted + first * hours,
            done_at=submitted + done * hours if done else None,
            status=Request.Status.DONE if done else Request.Status.IN_PROGRESS,
        )
    return ict


def make_searches():
    DailyQuery.objects.bulk_create(
        [
            DailyQuery(day=datetime.date(2026, 6, 2), query="verlof", searches=5, zero_results=0),
            DailyQuery(day=datetime.date(2026, 6, 3), query="verlof", searches=2, zero_results=0),
            # Three people on one day: listed (search.selectors.MIN_PEOPLE).
            DailyQuery(day=datetime.date(2026, 6, 3), query='=HYPERLINK("x")', searches=3, zero_results=2),
            DailyQuery(day=datetime.date(2026, 7, 3), query="oud", searches=100, zero_results=100),
        ]
    )


def make_everything(home):
    anna, bas, cees = make_people()
    make_activity(home)
    make_participation(anna, bas, cees)
    make_requests(home)
    make_searches()
    roll_up(WEEK)
    return anna, bas, cees


def roll_up(period):
    """What the nightly job does: the dashboard reads history from the daily roll-ups."""
    from insights.rollups import roll_up_insights

    day = period.start
    while day <= period.end:
        roll_up_insights(day)
        day += datetime.timedelta(days=1)


def active_people():
    return Person.objects.filter(is_active=True).count()
