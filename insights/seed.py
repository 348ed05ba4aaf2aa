"""Demo data for the insights: a year of daily totals (as the nightly job would have made them), two
baseline snapshots and an answered survey. At bench scale (50,000 employees) that is still only a few
hundred thousand aggregate rows, written with bulk_create.

Deterministic (its own random generator) and safe to run twice: each part is skipped when it exists.
"""

import datetime
import math
import random

from django.utils import timezone
from wagtail.models import Page

from insights.activity import month_end, month_start, week_start
from insights.kpis import take_snapshot
from insights.metrics.common import Period
from insights.models import DailyActivity, DailyRouteView, KpiSnapshot, PeriodActivity
from insights.surveys.models import SurveyAnswer, SurveyFormField, SurveyPage
from insights.surveys.results import forget_results
from intranet.models import DailyPageView
from intranet.pages import homepage
from people import stats as people_stats

# A year and a month: the baseline snapshot of a year ago then has a full month of figures behind it.
DAYS = 400
PAGES_WITH_VIEWS = 200
ROUTES = ["people:index", "prikbord:board", "search:results", "directregelen:my_requests", "launcher:index"]
BATCH = 5000
SURVEY_SLUG = "enquete-intranet"


def _adoption_curve(day_number):
    """The share of employees active on a working day: from 35% a year ago to about 65% now."""
    return 0.35 + 0.30 / (1 + math.exp(-(day_number - DAYS / 2) / 45))


def seed_activity(context, rng, employees, today):
    if DailyActivity.objects.exists():
        return 0
    first = today - datetime.timedelta(days=DAYS)
    days, weekly, monthly = [], {}, {}
    for number in range(DAYS):
        day = first + datetime.timedelta(days=number)
        share = _adoption_curve(number) * (1 if day.weekday() < 5 else 0.06)
        active = int(employees * share * rng.uniform(0.93, 1.05))
        phone = int(active * rng.uniform(0.22, 0.34))
        desktop = max(active - int(phone * 0.6), 0)
        days.append(
            DailyActivity(day=day, active=active, phone=phone, desktop=desktop, views=active * rng.randint(5, 9))
        )
        weekly[week_start(day)] = max(weekly.get(week_start(day), 0), active)
        monthly[month_start(day)] = max(monthly.get(month_start(day), 0), active)
    DailyActivity.objects.bulk_create(days, batch_size=BATCH)
    # Over a week or a month more different people come by than on the busiest day.
    PeriodActivity.objects.bulk_create(
        [
            PeriodActivity(kind="week", start=start, active=min(employees, int(peak * 1.3)))
            for start, peak in weekly.items()
        ]
        + [
            PeriodActivity(kind="month", start=start, active=min(employees, int(peak * 1.55)))
            for start, peak in monthly.items()
            if month_end(start) < today
        ],
        batch_size=BATCH,
    )
    return len(days)


def seed_views(rng, today):
    # The route views are insights' own; page views per day are shared with Direct regelen's seed (the
    # last two weeks of its services), whose rows are kept where both would write one.
    if DailyRouteView.objects.exists():
        return 0
    pages = list(
        Page.objects.filter(depth__gte=2, live=True)
        .order_by("-last_published_at", "pk")
        .values_list("pk", flat=True)[:PAGES_WITH_VIEWS]
    )
    first = today - datetime.timedelta(days=DAYS)
    rows, made = [], 0
    for number in range(DAYS):
        day = first + datetime.timedelta(days=number)
        factor = _adoption_curve(number) * (1 if day.weekday() < 5 else 0.06)
        for rank, page_id in enumerate(pages, start=1):
            views = int(400 * factor / rank * rng.uniform(0.6, 1.4))
            if views:
                rows.append(DailyPageView(day=day, page_id=page_id, views=views))
        for rank, route in enumerate(ROUTES, start=1):
            rows.append(DailyRouteView(day=day, route=route, views=int(300 * factor / rank) + 1))
        if len(rows) >= BATCH:
            _flush(rows)
            made += len(rows)
            rows = []
    _flush(rows)
    return made + len(rows)


def _flush(rows):
    DailyPageView.objects.bulk_create(
        [row for row in rows if isinstance(row, DailyPageView)], batch_size=BATCH, ignore_conflicts=True
    )
    DailyRouteView.objects.bulk_create([row for row in rows if isinstance(row, DailyRouteView)], batch_size=BATCH)


def seed_snapshots(today):
    made = 0
    for months_back, note in ((12, "Nulmeting"), (6, "Halfjaarmeting")):
        day = today - datetime.timedelta(days=round(months_back * 30.4))
        if not KpiSnapshot.objects.filter(taken_on=day).exists():
            take_snapshot(Period.last(30, day), note=note)
            made += 1
    return made


QUESTIONS = [
    ("Vind je collega's sneller dan een jaar geleden?", "radio", "Veel sneller\nIets sneller\nEven snel\nLangzamer"),
    ("Hoe vaak deel je kennis via het intranet?", "radio", "Dagelijks\nWekelijks\nMaandelijks\nNooit"),
    ("Welke onderdelen gebruik je?", "checkboxes", "Nieuws\nTeams\nSmoelenboek\nDirect regelen\nPrikbord"),
    ("Welk rapportcijfer geef je het intranet?", "number", ""),
    ("Wat kan beter?", "multiline", ""),
]


def seed_survey(rng, home, today):
    if SurveyPage.objects.filter(slug=SURVEY_SLUG).exists():
        return 0
    page = SurveyPage(
        title="Enquête: een jaar intranet",
        slug=SURVEY_SLUG,
        intro="Vijf korte vragen over hoe je het intranet gebruikt. Het invullen duurt twee minuten.",
        thank_you_text="Bedankt! De uitkomsten lees je volgende maand in het nieuws.",
        anonymous=True,
    )
    page.form_fields = [
        SurveyFormField(label=label, field_type=kind, choices=choices, required=kind == "radio")
        for label, kind, choices in QUESTIONS
    ]
    home.add_child(instance=page)
    page.save_revision().publish()
    # Up to 5,000 invited colleagues (at bench scale), three in five of whom answer.
    invited = max(400, min(people_stats.employee_count() // 10, 5000))
    people = people_stats.active_user_ids(invited)
    respondents = rng.sample(people, k=min(len(people), max(3, len(people) * 3 // 5)))
    answers = []
    for user_id in respondents:
        parts = [part for part in QUESTIONS[2][2].split("\n") if rng.random() < 0.5]
        answers.append(
            SurveyAnswer(
                page=page,
                respondent_key=page.respondent_key(_Account(user_id)),
                form_data={
                    "vind_je_collegas_sneller_dan_een_jaar_geleden": rng.choices(
                        QUESTIONS[0][2].split("\n"), weights=[3, 5, 3, 1]
                    )[0],
                    "hoe_vaak_deel_je_kennis_via_het_intranet": rng.choices(
                        QUESTIONS[1][2].split("\n"), weights=[1, 4, 3, 2]
                    )[0],
                    "welke_onderdelen_gebruik_je": parts,
                    "welk_rapportcijfer_geef_je_het_intranet": rng.randint(5, 9),
                    "wat_kan_beter": "",
                },
            )
        )
    SurveyAnswer.objects.bulk_create(answers, batch_size=BATCH)
    # Anonymous: the day of answering only, like real answers.
    midnight = timezone.make_aware(datetime.datetime.combine(today, datetime.time.min))
    SurveyAnswer.objects.filter(page=page).update(submit_time=midnight)
    forget_results(page.pk)  # bulk_create sends no post_save
    return len(answers)


class _Account:
    def __init__(self, pk):
        self.pk = pk


def seed(context):
    home = homepage()
    if home is None:
        return
    rng = random.Random(f"insights-{context.size}")
    today = timezone.localdate()
    employees = people_stats.employee_count()
    days = seed_activity(context, rng, employees, today)
    views = seed_views(rng, today)
    snapshots = seed_snapshots(today)
    answers = seed_survey(rng, home, today)
    context.log(
        f"  Inzichten: {days} dagen activiteit, {views} paginatellers, {snapshots} momentopnames, "
        f"{answers} enquêteantwoorden"
    )
