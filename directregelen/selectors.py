"""Read queries of Direct regelen, each with a fixed number of queries whatever the data size."""

import datetime
from itertools import groupby

from django.db.models import Prefetch, Sum
from django.utils import timezone

from directregelen.models import (
    DepartmentPage,
    DirectRegelenPage,
    RelatedService,
    Request,
    RequestFormPage,
    RequestReply,
    ServicePage,
)
from intranet import caching
from intranet.plugins import shared, shared_slot
from people.models import Person

POPULAR_DAYS = 30
POPULAR_LIMIT = 6


def portal():
    return DirectRegelenPage.objects.live().first()


def _portal_location():
    found = portal()
    return {"url": found.get_url(), "title": found.title} if found is not None else {}


def portal_link():
    """{"url", "title"} of the live portal, or None; cached because every homepage view asks for it,
    until the page tree changes (intranet.plugins.shared: published, unpublished, moved or deleted)."""
    return shared(PORTAL, _portal_location, seconds=3600) or None


PORTAL = "directregelen.portal"


def portal_slot():
    return shared_slot(PORTAL)


def live_services():
    return ServicePage.objects.live().public()


def popular_services(days=POPULAR_DAYS, limit=POPULAR_LIMIT):
    """The services opened most in the last `days` days, busiest first."""
    since = timezone.localdate() - datetime.timedelta(days=days)
    return list(
        live_services()
        .filter(views_per_day__day__gte=since)
        .annotate(opens=Sum("views_per_day__views"))
        .order_by("-opens", "title")[:limit]
    )


def services_a_to_z():
    """[(letter, [service, ...]), ...] of every live service, by title."""
    services = list(live_services().order_by("title"))
    return [
        (letter, list(items))
        for letter, items in groupby(services, key=lambda service: (service.title[:1] or "#").upper())
    ]


def portal_context(portal_page):
    tasks = list(portal_page.tasks.select_related("link_page").all())
    departments = list(DepartmentPage.objects.child_of(portal_page).live().public().order_by("path"))
    return {
        "tasks": tasks,
        "departments": departments,
        "popular_services": popular_services(),
        "services_by_letter": services_a_to_z(),
    }


def department_context(department):
    return {
        "services": list(ServicePage.objects.child_of(department).live().public().order_by("title")),
        "forms": list(RequestFormPage.objects.child_of(department).live().public().order_by("title")),
    }


def department_of(page):
    return DepartmentPage.objects.ancestor_of(page).first()


def service_context(service):
    related = (
        RelatedService.objects.filter(page=service, service__live=True).select_related("service").order_by("sort_order")
    )
    contact = None
    if service.contact_person_id:
        contact = Person.objects.select_related("organisation_unit").filter(pk=service.contact_person_id).first()
    return {
        "department": department_of(service),
        "related": [item.service for item in related],
        "contact": contact,
        "action_page": service.action_page if service.action_page_id else None,
    }


def requests_of(user):
    """The user's own requests, newest first: never anyone else's."""
    return Request.objects.filter(requester=user).select_related("department").order_by("-submitted_at", "-pk")


def request_for_requester(user, reference):
    """One of the user's own requests with its replies and attachments, or None."""
    return (
        Request.objects.filter(requester=user, reference=reference)
        .select_related("department")
        .prefetch_related(
            Prefetch("replies", queryset=_replies()),
            "attachments",
        )
        .first()
    )


def _replies():
    return RequestReply.objects.select_related("author__person").order_by("created_at", "pk")


OPEN_GENERATION = "directregelen-open"
OPEN_SECONDS = 600


def open_count_slot(user):
    return caching.user_slot(OPEN_GENERATION, user.pk)


def open_request_count(user):
    """My requests not yet done, for the homepage block on every visit: kept per requester until one of
    their requests is saved or deleted (requests_changed, connected in DirectRegelenConfig.ready)."""
    return caching.keep(
        open_count_slot(user),
        lambda: Request.objects.filter(requester=user).exclude(status=Request.Status.DONE).count(),
        ttl=OPEN_SECONDS,
    )


def requests_changed(sender, instance, **kwargs):
    caching.forget_user(OPEN_GENERATION, instance.requester_id)
