"""Adoption: daily, weekly and monthly active employees, their share of all employees, phone or desktop."""

import datetime
import statistics

from django.utils.translation import gettext as _

from insights import charts
from insights.activity import month_end, month_start, week_start
from insights.metrics.common import Table, share
from insights.models import DailyActivity, PeriodActivity


def _last_complete(rows, end, length):
    """The last (start, active) whose period ended by `end`, else the latest one."""
    complete = [row for row in rows if length(row[0]) <= end]
    chosen = complete or rows
    return chosen[-1] if chosen else None


def adoption(period, employees):
    days = list(
        DailyActivity.objects.filter(day__range=(period.start, period.end))
        .order_by("day")
        .values_list("day", "active", "phone", "desktop", "views")
    )
    earliest = min(week_start(period.start), month_start(period.start))
    periods = list(
        PeriodActivity.objects.filter(start__range=(earliest, period.end))
        .order_by("start")
        .values_list("kind", "start", "active")
    )
    weeks = [(start, active) for kind, start, active in periods if kind == PeriodActivity.Kind.WEEK]
    weeks = [row for row in weeks if row[0] >= week_start(period.start)]
    months = [(start, active) for kind, start, active in periods if kind == PeriodActivity.Kind.MONTH]

    workdays = [active for day, active, *_rest in days if day.weekday() < 5]
    dau = round(statistics.mean(workdays), 1) if workdays else None
    last_week = _last_complete(weeks, period.end, lambda start: start + datetime.timedelta(days=6))
    last_month = _last_complete(months, period.end, month_end)
    phone = sum(row[2] for row in days)
    desktop = sum(row[3] for row in days)
    wau = last_week[1] if last_week else None
    mau = last_month[1] if last_month else None
    kpis = {
        "adoption.employees": employees,
        "adoption.dau": dau,
        "adoption.dau_share": share(dau or 0, employees) if dau is not None else None,
        "adoption.wau": wau,
        "adoption.wau_share": share(wau, employees) if wau is not None else None,
        "adoption.mau": mau,
        "adoption.mau_share": share(mau, employees) if mau is not None else None,
        "adoption.phone_share": share(phone, phone + desktop),
        "adoption.views": sum(row[4] for row in days),
    }

    daily = Table(
        "adoption-daily",
        _("Active employees per day"),
        [_("Day"), _("Active employees"), _("On a phone"), _("On a desktop"), _("Views")],
        [[day.isoformat(), active, on_phone, on_desktop, views] for day, active, on_phone, on_desktop, views in days],
        empty_text=_("No activity counted in this period yet."),
    )
    daily.chart = charts.line_chart(
        _("Active employees per day"),
        [f"{row[0]:%d-%m}" for row in days],
        [
            (_("Active employees"), [row[1] for row in days]),
            (_("On a phone"), [row[2] for row in days]),
            (_("On a desktop"), [row[3] for row in days]),
        ],
        _("Daily active employees in the chosen period, in total and per device."),
    )
    weekly = Table(
        "adoption-weekly",
        _("Active employees per week"),
        [_("Week starting"), _("Active employees"), _("Share of employees (%)")],
        [[start.isoformat(), active, share(active, employees)] for start, active in weeks],
        empty_text=_("No activity counted in this period yet."),
    )
    weekly.chart = charts.line_chart(
        _("Active employees per week"),
        [f"{start:%d-%m}" for start, _active in weeks],
        [(_("Active employees"), [active for _start, active in weeks])],
        _("Distinct active employees per ISO week."),
    )
    monthly = Table(
        "adoption-monthly",
        _("Active employees per month"),
        [_("Month"), _("Active employees"), _("Share of employees (%)")],
        [[f"{start:%Y-%m}", active, share(active, employees)] for start, active in months],
        empty_text=_("No activity counted in this period yet."),
    )
    devices = Table(
        "adoption-devices",
        _("Phone or desktop"),
        [_("Device"), _("Active employee-days"), _("Share (%)")],
        [[_("Phone"), phone, share(phone, phone + desktop)], [_("Desktop"), desktop, share(desktop, phone + desktop)]],
    )
    devices.chart = charts.bar_chart(
        _("Phone or desktop"),
        [(_("Phone"), phone), (_("Desktop"), desktop)],
        _("Active employee-days per device in the chosen period."),
    )
    return kpis, [daily, weekly, monthly, devices]
