"""The insights pages for `make bench`: the dashboard over a year of aggregates, and a survey's results.

They are admin pages for community managers, so the bench opens them as the demo account "beheerder".
"""

from insights.surveys.models import SurveyPage

MANAGER = "beheerder"  # a demo superuser; the employee account may not open the dashboard


def bench_pages():
    pages = [("Inzichten: dashboard (365 dagen)", "/admin/inzichten/?dagen=365", MANAGER)]
    survey = SurveyPage.objects.live().order_by("pk").only("pk").first()
    if survey is not None:
        pages.append(("Inzichten: enquêteresultaten", f"/admin/inzichten/enquetes/{survey.pk}/", MANAGER))
    return pages
