"""The background jobs in the Wagtail admin, for administrators: what waits, runs and failed, and a retry.

Administrators are superusers and whoever holds django_tasks_db's "view task result" permission;
retrying needs "change task result". Everyone else gets 403 (the admin's own answer to a refusal).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_tasks_db.models import get_date_max
from wagtail.admin.ui.components import Component

from intranet import jobs

VIEW_PERMISSION = "django_tasks_db.view_dbtaskresult"
RETRY_PERMISSION = "django_tasks_db.change_dbtaskresult"
SHOWN = 50  # rows per section: the counts above them say how many there are in all


def can_view_jobs(user):
    return bool(user and user.is_active and user.has_perm(VIEW_PERMISSION))


def _rows(queryset, now):
    rows = []
    for result in queryset[:SHOWN]:
        kwargs = result.args_kwargs.get("kwargs", {})
        attempt = kwargs.get(jobs.ATTEMPT, 1)
        error = result.traceback.strip().splitlines()[-1] if result.traceback else ""
        if result.exception_class_path == jobs.WILL_RETRY_PATH:
            error = _cause(result.traceback) or error
        rows.append(
            {
                "id": result.pk,
                "name": result.task_name,
                "attempt": attempt,
                "attempts": jobs.retries_of(result.task_path) + 1,
                "enqueued_at": result.enqueued_at,
                "run_after": result.run_after if now < result.run_after < get_date_max() else None,
                "finished_at": result.finished_at,
                "error": error,
            }
        )
    return rows


def _cause(traceback):
    """The real error of a WillRetry row: the last line of the first exception in the chain."""
    first = traceback.split("\n\nThe above exception was the direct cause")[0]
    lines = first.strip().splitlines()
    return lines[-1] if lines else ""


def job_list(request):
    if not can_view_jobs(request.user):
        raise PermissionDenied
    now = timezone.now()
    results = jobs.results()
    context = {
        "page_title": _("Background jobs"),
        "counts": jobs.counts(),
        "failed": _rows(jobs.failed_for_good().order_by("-finished_at"), now),
        "retrying": _rows(
            results.filter(status="FAILED", exception_class_path=jobs.WILL_RETRY_PATH).order_by("-finished_at"), now
        ),
        "pending": _rows(results.filter(status="READY").order_by("enqueued_at"), now),
        "running": _rows(results.filter(status="RUNNING").order_by("started_at"), now),
        "can_retry": request.user.has_perm(RETRY_PERMISSION),
    }
    return TemplateResponse(request, "intranet/admin/jobs.html", context)


@require_POST
def retry(request, result_id):
    if not (can_view_jobs(request.user) and request.user.has_perm(RETRY_PERMISSION)):
        raise PermissionDenied
    if not jobs.failed_for_good().filter(pk=result_id).exists():
        messages.error(request, _("This job is no longer waiting for a retry."))
    else:
        jobs.retry_now(result_id)
        messages.success(request, _("The job has been queued again."))
    return redirect("intranet_jobs")


class JobsPanel(Component):
    """On the admin's dashboard for administrators: how many jobs failed for good and how many wait."""

    name = "background_jobs"
    template_name = "intranet/admin/jobs_panel.html"
    order = 50

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["counts"] = jobs.counts()
        return context
