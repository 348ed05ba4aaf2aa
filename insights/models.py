"""What the insights dashboard reads: counters per page and per day, pseudonymous activity marks that
live five weeks, the daily and periodic totals made from them, and monthly KPI snapshots.

Nothing here links a person to what they read: page views are counted per page per day only, and an
activity mark says no more than "someone (a keyed hash that changes every week and month) used the
intranet on this day on a phone or a desktop". See docs/privacy.md.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

VIEW_PERMISSION = "insights.view_insights"


class Device(models.TextChoices):
    PHONE = "phone", _("Phone")
    DESKTOP = "desktop", _("Desktop")


class DailyRouteView(models.Model):
    """How often a view outside the page tree (by its URL name, e.g. "prikbord:board") was opened."""

    day = models.DateField(_("day"))
    route = models.CharField(_("view"), max_length=100)
    views = models.PositiveIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("views per day")
        verbose_name_plural = _("views per day")
        constraints = [models.UniqueConstraint(fields=["day", "route"], name="insights_routeview_unique")]

    def __str__(self):
        return f"{self.day} {self.route}: {self.views}"


class RotatingSalt(models.Model):
    """The random secret behind the activity keys of one ISO week ("2026-W47") or month ("2026-11").

    Deleted as soon as its period is over: from then on nobody can tell whose key is whose, not even
    with the database and the server's SECRET_KEY in hand.
    """

    period = models.CharField(max_length=10, unique=True)
    secret = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.period


class ActivityMark(models.Model):
    """Someone was active on `day` on `device`. The keys are HMACs of the account id under the week's
    and the month's salt, so distinct keys count people; marks are deleted after RETENTION_DAYS."""

    day = models.DateField()
    week_key = models.CharField(max_length=32)
    month_key = models.CharField(max_length=32)
    device = models.CharField(max_length=7, choices=Device.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["day", "month_key", "device"], name="insights_activitymark_unique")
        ]

    def __str__(self):
        return f"{self.day} {self.device}"


class DailyActivity(models.Model):
    """Active employees on one day (in total and per device) and all views counted that day."""

    day = models.DateField(_("day"), unique=True)
    active = models.PositiveIntegerField(_("active employees"), default=0)
    phone = models.PositiveIntegerField(_("on a phone"), default=0)
    desktop = models.PositiveIntegerField(_("on a desktop"), default=0)
    views = models.PositiveIntegerField(_("views"), default=0)

    class Meta:
        ordering = ["day"]
        verbose_name = _("activity per day")
        verbose_name_plural = _("activity per day")

    def __str__(self):
        return f"{self.day}: {self.active}"


class PeriodActivity(models.Model):
    """Distinct active employees in an ISO week or a calendar month (WAU, MAU)."""

    class Kind(models.TextChoices):
        WEEK = "week", _("Week")
        MONTH = "month", _("Month")

    kind = models.CharField(max_length=5, choices=Kind.choices)
    start = models.DateField()
    active = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["kind", "start"]
        constraints = [models.UniqueConstraint(fields=["kind", "start"], name="insights_periodactivity_unique")]

    def __str__(self):
        return f"{self.kind} {self.start}: {self.active}"


class KpiSnapshot(models.Model):
    """All KPIs on one date (made monthly by `manage.py snapshot_kpis`): the baselines to compare with."""

    taken_on = models.DateField(_("date"), unique=True)
    period_days = models.PositiveSmallIntegerField(_("period in days"), default=30)
    data = models.JSONField(_("KPIs"), default=dict)
    note = models.CharField(_("note"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-taken_on"]
        verbose_name = _("KPI snapshot")
        verbose_name_plural = _("KPI snapshots")
        permissions = [("view_insights", "Can view the insights dashboard and moderation overview")]

    def __str__(self):
        return f"{self.taken_on:%Y-%m-%d}"


from insights.surveys.models import SurveyAnswer, SurveyFormField, SurveyPage  # noqa: E402,F401


class DailyRollup(models.Model):
    """One number of one day, for the dashboard's history: counts per kind of content, and each day's
    most viewed pages and most liked items. Made by insights.rollups.roll_up_insights(day), which a job
    runs every night (`manage.py roll_up_insights`); the dashboard sums these instead of a year of raw
    rows. `key` names a kind (or a content type id for liked items), `object_id` a page or item."""

    day = models.DateField(_("day"))
    metric = models.CharField(max_length=20)
    key = models.CharField(max_length=40, blank=True, default="")
    object_id = models.BigIntegerField(default=0)
    value = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("daily roll-up")
        verbose_name_plural = _("daily roll-ups")
        constraints = [
            models.UniqueConstraint(fields=["day", "metric", "key", "object_id"], name="insights_rollup_unique")
        ]
        indexes = [models.Index(fields=["metric", "day"], name="insights_rollup_metric_day")]

    def __str__(self):
        return f"{self.day} {self.metric} {self.key} {self.object_id}: {self.value}"
