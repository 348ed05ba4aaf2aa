"""Direct regelen in the one search box (owned by search/, issue 7): the portal, departments,
services and request forms; the services' own search keywords are indexed and boosted."""

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from directregelen.models import DepartmentPage, DirectRegelenPage, RequestFormPage, ServicePage
from search.page_provider import PageSearchProvider


class DirectRegelenProvider(PageSearchProvider):
    kind = "services"
    label = _("Direct regelen")
    order = 20
    model = Page
    page_models = (DirectRegelenPage, DepartmentPage, ServicePage, RequestFormPage)
    suggest_likeness = True

    def queryset(self, user):
        return super().queryset(user).type(*self.page_models)

    def type_rank(self, page):
        # Searchers want the thing to arrange; the portal and department pages come after it.
        return 0 if page.content_type_id in self._task_types() else 1

    def _task_types(self):
        return {ContentType.objects.get_for_model(model).pk for model in (ServicePage, RequestFormPage)}

    def to_results(self, pages):
        # One query for the services' one-line summaries instead of .specific per page.
        summaries = dict(ServicePage.objects.filter(pk__in=[p.pk for p in pages]).values_list("pk", "summary"))
        results = super().to_results(pages)
        for page, result in zip(pages, results, strict=True):
            result.subtitle = summaries.get(page.pk) or result.subtitle
        return results


def providers():
    return [DirectRegelenProvider()]
