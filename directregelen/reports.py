"""Admin report: service pages past their review-by date, limited to the pages the editor may edit."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.reports import PageReportView

from directregelen.models import ServicePage


class OverdueServicesView(PageReportView):
    page_title = _("Service pages to review")
    header_icon = "time"
    results_template_name = "directregelen/admin/overdue_results.html"
    index_url_name = "directregelen_overdue"
    index_results_url_name = "directregelen_overdue_results"
    any_permission_required = ["add", "change", "publish"]
    list_export = ["title", "review_by", "content_owner", "url_path"]
    export_headings = {"review_by": _("Review by"), "content_owner": _("Owner")}

    def get_filename(self):
        return f"dienstpaginas-te-controleren-{datetime.date.today():%Y-%m-%d}"

    def get_queryset(self):
        editable = self.permission_policy.instances_user_has_permission_for(self.request.user, "change")
        self.queryset = (
            ServicePage.objects.filter(pk__in=editable.values("pk"), review_by__lt=timezone.localdate())
            .select_related("content_owner", "owner")
            .order_by("review_by", "title")
        )
        return super().get_queryset()
