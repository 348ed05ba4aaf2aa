"""All KPIs of one period: the dashboard's sections, the snapshot's numbers and the baseline comparison."""

from dataclasses import dataclass, field

from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from insights.metrics import adoption, participation, people, work
from insights.metrics.common import Period
from insights.models import KpiSnapshot
from people import stats as people_stats

# key: (label, unit). The order is the order of the comparison table.
KPI_LABELS = {
    "adoption.employees": (_("Active employees in the directory"), ""),
    "adoption.dau": (_("Daily active employees (average per working day)"), ""),
    "adoption.dau_share": (_("Daily active share of employees"), "%"),
    "adoption.wau": (_("Weekly active employees (last full week)"), ""),
    "adoption.wau_share": (_("Weekly active share of employees"), "%"),
    "adoption.mau": (_("Monthly active employees (last full month)"), ""),
    "adoption.mau_share": (_("Monthly active share of employees"), "%"),
    "adoption.phone_share": (_("Use on a phone"), "%"),
    "adoption.views": (_("Views"), ""),
    "participation.posts": (_("Posts"), ""),
    "participation.comments": (_("Comments"), ""),
    "participation.likes": (_("Likes"), ""),
    "participation.contributors": (_("Employees who posted or commented"), ""),
    "participation.contributors_share": (_("Share of employees who posted or commented"), "%"),
    "people.average_completeness": (_("Average profile completeness"), "%"),
    "people.photo_share": (_("Profiles with a photo"), "%"),
    "people.complete_80_share": (_("Profiles at least 80% complete"), "%"),
    "questions.asked": (_("Questions asked"), ""),
    "questions.answered": (_("Questions answered"), ""),
    "questions.answered_share": (_("Share of questions answered"), "%"),
    "questions.accepted": (_("Questions with an accepted answer"), ""),
    "questions.median_first_answer_hours": (_("Median hours to the first answer"), "h"),
    "questions.median_accepted_hours": (_("Median hours to the accepted answer"), "h"),
    "questions.unanswered_over_2_days": (_("Questions unanswered for more than two days"), ""),
    "directregelen.requests": (_("Direct regelen requests"), ""),
    "directregelen.median_first_response_hours": (_("Median hours to a first response"), "h"),
    "directregelen.median_done_hours": (_("Median hours to done"), "h"),
    "teams.total": (_("Teams"), ""),
    "teams.active": (_("Active teams"), ""),
    "teams.quiet": (_("Quiet teams"), ""),
    "teams.archive_candidates": (_("Candidates for archiving"), ""),
    "teams.duplicate_pairs": (_("Likely duplicate pairs"), ""),
    "search.searches": (_("Searches"), ""),
    "search.zero_result_share": (_("Searches without results"), "%"),
}

SECTION_TITLES = {
    "adoption": _("Adoption"),
    "participation": _("Participation"),
    "people": _("People"),
    "questions": _("Questions"),
    "directregelen": _("Direct regelen"),
    "teams": _("Teams"),
    "search": _("Search"),
}


@dataclass
class Section:
    key: str
    # [(key, value)]: the labels are looked up when shown, not stored; unpickling a lazy translation
    # builds a class per string, 40 of them took 8 ms of every dashboard view.
    values: list
    tables: list

    @property
    def title(self):
        return SECTION_TITLES[self.key]

    @property
    def kpis(self):
        """[(key, label, value, unit)] in the language of the request."""
        return [(name, KPI_LABELS[name][0], value, KPI_LABELS[name][1]) for name, value in self.values]


@dataclass
class Report:
    period: object
    kpis: dict
    sections: list = field(default_factory=list)
    # When the figures were computed; the dashboard says so, since it shows a stored report.
    computed_at: object = None

    def table(self, key):
        for section in self.sections:
            for table in section.tables:
                if table.key == key:
                    return table
        return None


def _section(key, kpis, tables):
    shown = [(name, value) for name, value in kpis.items() if name in KPI_LABELS and name != "adoption.employees"]
    return Section(key, shown, tables)


def collect(period):
    """Every KPI of `period` with its tables; a fixed number of queries whatever the amount of data."""
    employees = people_stats.employee_count()
    kpis = {}
    sections = []
    for key, compute in (
        ("adoption", lambda: adoption.adoption(period, employees)),
        ("participation", lambda: participation.participation(period, employees)),
        ("people", lambda: people.people(period)),
        ("questions", lambda: work.questions(period)),
        ("directregelen", lambda: work.directregelen(period)),
        ("teams", lambda: work.teams(period)),
        ("search", lambda: work.search(period)),
    ):
        figures, tables = compute()
        kpis.update(figures)
        sections.append(_section(key, figures, tables))
    return Report(period, kpis, sections, computed_at=timezone.now())


# The dashboard reads a stored report: the people and teams sections aggregate every employee and
# team, too much to do per view at 50,000 people. The hourly job below recomputes the preset periods
# in the worker; a period nobody asked for yet is computed once on first view.
REPORT_SECONDS = 2 * 60 * 60
PRESET_DAYS = (7, 30, 90, 365)


def _report_key(period):
    return f"insights:report:v2:{period.start:%Y%m%d}:{period.end:%Y%m%d}"


# "Recompute now" is ignored for a report younger than this, so repeated clicks cost nothing.
REFRESH_AFTER_SECONDS = 60


def stored_report(period, *, refresh=False, unless_younger_than=0):
    """The report of `period` as last computed (at most two hours, normally one, old), or a fresh one;
    `refresh` recomputes it unless it is younger than `unless_younger_than` seconds."""
    report = cache.get(_report_key(period))
    if refresh and report is not None and report.computed_at:
        refresh = (timezone.now() - report.computed_at).total_seconds() >= unless_younger_than
    if report is None or refresh:
        report = collect(period)
        cache.set(_report_key(period), report, REPORT_SECONDS)
    return report


def refresh_stored_reports(today=None):
    """Recompute the presets ending today (the periods the dashboard opens with)."""
    for days in PRESET_DAYS:
        stored_report(Period.last(days, end=today), refresh=True)
    return len(PRESET_DAYS)


@dataclass
class Change:
    key: str
    label: str
    unit: str
    now: object
    then: object

    @property
    def absolute(self):
        if self.now is None or self.then is None:
            return None
        return round(self.now - self.then, 1)

    @property
    def percent(self):
        if self.absolute is None or not self.then:
            return None
        return round(100 * self.absolute / abs(self.then), 1)


def compare(kpis, snapshot):
    """The change of every KPI since the baseline snapshot (absolute and in percent)."""
    baseline = snapshot.data.get("kpis", snapshot.data) if snapshot else {}
    return [
        Change(key, label, unit, kpis.get(key), baseline.get(key))
        for key, (label, unit) in KPI_LABELS.items()
        if key in kpis or key in baseline
    ]


def take_snapshot(period, note=""):
    """Store every KPI of `period` under its end date (a second run on a day replaces the first)."""
    report = collect(period)
    snapshot, _created = KpiSnapshot.objects.update_or_create(
        taken_on=period.end,
        defaults={
            "period_days": period.days,
            "data": {"start": period.start.isoformat(), "end": period.end.isoformat(), "kpis": report.kpis},
            "note": note,
        },
    )
    return snapshot
