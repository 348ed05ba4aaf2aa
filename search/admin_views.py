"""The search statistics report in the Wagtail admin (Reports > Search statistics)."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext as _

from search import selectors

REPORT_PERMISSION = "search.view_dailyquery"


def statistics(request):
    if not request.user.has_perm(REPORT_PERMISSION):
        raise PermissionDenied
    try:
        days = int(request.GET.get("dagen", 30))
    except ValueError:
        days = 30
    if days not in selectors.REPORT_PERIODS:
        days = 30
    context = {
        "page_title": _("Search statistics"),
        "days": days,
        "periods": selectors.REPORT_PERIODS,
        "min_people": selectors.MIN_PEOPLE,
        "popular": selectors.popular_queries(days),
        "empty": selectors.queries_without_results(days),
        "opened": selectors.opened_results(days),
    }
    return render(request, "search/admin/statistics.html", context)
