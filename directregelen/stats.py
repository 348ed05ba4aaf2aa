"""Direct regelen figures for the adoption dashboard (insights): requests per department and period."""

from datetime import datetime

from django.db.models import Count, Q, QuerySet

from directregelen.models import Request


def requests_submitted(start: datetime, end: datetime) -> QuerySet[Request]:
    """Requests submitted in [start, end) (for medians of first response and completion)."""
    return Request.objects.filter(submitted_at__gte=start, submitted_at__lt=end)


def per_department(requests: QuerySet[Request]) -> list[tuple[int | None, str | None, int, int, int]]:
    """[(department id, title, total, open, done)] of `requests`, busiest department first."""
    done = Request.Status.DONE
    return list(
        requests.values("department_id", "department__title")
        .annotate(total=Count("pk"), open=Count("pk", filter=~Q(status=done)), done=Count("pk", filter=Q(status=done)))
        .order_by("-total", "department__title")
        .values_list("department_id", "department__title", "total", "open", "done")
    )
