"""Pages of Direct regelen for `make bench` (looked up after seeding)."""

from directregelen.models import DepartmentPage, DirectRegelenPage, RequestFormPage, ServicePage


def bench_pages():
    pages = []
    for label, model in (
        ("Direct regelen", DirectRegelenPage),
        ("Afdeling (Direct regelen)", DepartmentPage),
        ("Dienst (Direct regelen)", ServicePage),
        ("Aanvraagformulier", RequestFormPage),
    ):
        page = model.objects.live().order_by("path").first()
        if page is not None:
            pages.append((label, page.url))
    pages.append(("Mijn aanvragen", "/aanvragen/"))
    return pages
