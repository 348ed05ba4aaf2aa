"""The insights in the Wagtail admin: the KPI dashboard, the moderation overview and survey results.

Every view checks the permission itself and answers 403 to anyone else, whatever the menu shows.
"""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from insights import kpis, moderation, services
from insights.csv_export import csv_response
from insights.forms import PeriodForm, TipForm
from insights.metrics.common import Period
from insights.models import KpiSnapshot
from insights.surveys.models import SurveyPage
from insights.surveys.results import csv_rows, stored_results
from insights.surveys.selectors import latest_with_answer_counts


def forbidden(request):
    return TemplateResponse(request, "insights/admin/forbidden.html", {}, status=403)


def dashboard(request):
    if not services.can_view_insights(request.user):
        return forbidden(request)
    form = PeriodForm(request.GET or None)
    period = form.period()
    if request.method == "POST":  # "Recompute now", then back to the same period (no resubmit on reload)
        kpis.stored_report(period, refresh=True, unless_younger_than=kpis.REFRESH_AFTER_SECONDS)
        return redirect(request.get_full_path())
    report = kpis.stored_report(period)
    baseline = form.cleaned_data.get("basis") if form.is_bound and form.is_valid() else None

    table_key = request.GET.get("tabel")
    if request.GET.get("format") == "csv":
        if table_key == "vergelijking":
            if baseline is None:
                raise Http404
            changes = kpis.compare(report.kpis, baseline)
            rows = [[c.label, c.then, c.now, c.absolute, c.percent] for c in changes]
            columns = [_("KPI"), _("Baseline"), _("Now"), _("Difference"), _("Change (%)")]
            return csv_response(f"kpi-vergelijking-{period.end:%Y-%m-%d}", columns, rows)
        table = report.table(table_key)
        if table is None:
            raise Http404
        return csv_response(f"{table.key}-{period.start:%Y%m%d}-{period.end:%Y%m%d}", table.columns, table.rows)

    context = {
        "page_title": _("Insights"),
        "form": form,
        "period": period,
        "report": report,
        "baseline": baseline,
        "changes": kpis.compare(report.kpis, baseline) if baseline else [],
        "csv_query": form.query_string(),
        "snapshot_count": KpiSnapshot.objects.count(),
        "surveys": latest_with_answer_counts(10),
    }
    return TemplateResponse(request, "insights/admin/dashboard.html", context)


@require_POST
def take_snapshot(request):
    """Store the KPIs of the last 30 days up to yesterday now, e.g. the baseline at the start."""
    if not services.can_view_insights(request.user):
        return forbidden(request)
    note = request.POST.get("note", "").strip()[:200]
    snapshot = kpis.take_snapshot(Period.last(30, timezone.localdate() - datetime.timedelta(days=1)), note=note)
    messages.success(
        request, _("The KPIs of %(date)s are stored as a snapshot.") % {"date": date_format(snapshot.taken_on)}
    )
    return redirect(f"{reverse('insights_dashboard')}?basis={snapshot.pk}")


def moderation_overview(request):
    if not services.can_view_insights(request.user):
        return forbidden(request)
    form = TipForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            page = services.publish_tip(request.user, **form.cleaned_data)
        except PermissionDenied:
            return forbidden(request)
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, problems in error.error_dict.items():
                    form.add_error(field if field in form.fields else None, problems)
            else:
                form.add_error(None, error)
        else:
            messages.success(request, _("The tip “%(title)s” is published.") % {"title": page.title})
            return redirect("insights_moderation")
    context = {"page_title": _("Moderation overview"), "tip_form": form, **moderation.overview()}
    return TemplateResponse(request, "insights/admin/moderation.html", context)


def survey_detail(request, page_id):
    page = get_object_or_404(SurveyPage, pk=page_id)
    if not (services.can_view_insights(request.user) or page.permissions_for_user(request.user).can_edit()):
        return forbidden(request)
    total, results = stored_results(page)
    if request.GET.get("format") == "csv":
        columns = [_("Question"), _("Option or figure"), _("Number")]
        return csv_response(f"enquete-{page.slug}", columns, csv_rows(results))
    context = {
        "page_title": _("Results: %(title)s") % {"title": page.title},
        "survey": page,
        "total": total,
        "results": results,
        "submissions_url": reverse("wagtailforms:list_submissions", args=[page.pk]),
    }
    return TemplateResponse(request, "insights/admin/survey_results.html", context)
