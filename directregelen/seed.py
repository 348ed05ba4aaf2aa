"""Demo content of Direct regelen: the portal, four departments, their services and forms, some requests.

Deterministic (context.random) and safe to run twice: pages are found by slug, requests and view
counts are only made when none exist yet.
"""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from directregelen.access import setup_department
from directregelen.models import (
    DepartmentPage,
    DirectRegelenPage,
    PortalTask,
    RelatedService,
    Request,
    RequestFormField,
    RequestFormPage,
    RequestReply,
    ServicePage,
)
from directregelen.seed_content import DEPARTMENTS, RICH, TASKS
from directregelen.services import next_reference
from intranet.models import DailyPageView
from intranet.pages import homepage
from people.models import Person

PORTAL_SLUG = "direct-regelen"


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def seed_portal(home):
    portal = DirectRegelenPage.objects.filter(slug=PORTAL_SLUG).first()
    if portal is None:
        portal = _publish(
            home,
            DirectRegelenPage(
                title="Direct regelen",
                slug=PORTAL_SLUG,
                intro="Regel je verlof, laptop, parkeerkaart en meer op één plek, en volg de status van je aanvragen.",
            ),
        )
    return portal


def _staff(context, title):
    units = context.data.get("departments", {}).get(title) or []
    return list(Person.objects.filter(organisation_unit__in=units).order_by("employee_number")[:10])


def seed_department(context, portal, spec):
    department = DepartmentPage.objects.filter(slug=spec["slug"]).first()
    if department is None:
        department = _publish(
            portal,
            DepartmentPage(
                title=spec["title"],
                slug=spec["slug"],
                intro=spec["intro"],
                contact_email=spec["email"],
                contact_phone=spec["phone"],
                visiting_address=spec["address"],
                opening_hours=spec["hours"],
                mailbox=spec["email"],
                reference_prefix=spec["prefix"],
            ),
        )
    setup_department(department)
    forms = {}
    for title, slug, intro, fields in spec["forms"]:
        form_page = RequestFormPage.objects.filter(slug=slug).first()
        if form_page is None:
            form_page = RequestFormPage(
                title=title, slug=slug, intro=intro, subject=f"Aanvraag: {title}", to_address=""
            )
            form_page.form_fields = [
                RequestFormField(
                    label=label,
                    field_type=kind,
                    required=required,
                    choices=extra if kind in ("dropdown", "checkboxes") else "",
                    help_text="" if kind in ("dropdown", "checkboxes") else extra,
                    sort_order=index,
                )
                for index, (label, kind, required, extra) in enumerate(fields)
            ]
            _publish(department, form_page)
        forms[slug] = form_page
    staff = _staff(context, spec["title"])
    today = timezone.localdate()
    services = []
    for index, (title, slug, summary, keywords, action_label, form_slug, url) in enumerate(spec["services"]):
        service = ServicePage.objects.filter(slug=slug).first()
        if service is None:
            action = f"Klik op de knop ‘{action_label}’." if action_label else "Neem contact op met de afdeling."
            person = staff[index % len(staff)] if staff else None
            service = _publish(
                department,
                ServicePage(
                    title=title,
                    slug=slug,
                    summary=summary,
                    what_you_arrange=RICH["what"].format(summary=summary),
                    steps=RICH["steps"].format(action=action),
                    conditions=RICH["conditions"],
                    costs="Geen kosten voor jou",
                    lead_time="Binnen vijf werkdagen",
                    action_label=action_label,
                    action_page=RequestFormPage.objects.filter(slug=form_slug).first() if form_slug else None,
                    action_url=url,
                    keywords=keywords,
                    contact_person=person,
                    content_owner=person,
                    # Every third page is overdue so that the freshness report has something to show.
                    review_by=today - datetime.timedelta(days=30)
                    if index % 3 == 0
                    else today + datetime.timedelta(days=180),
                ),
            )
        services.append(service)
    for service in services:
        if not service.related_services.exists():
            others = [other for other in services if other.pk != service.pk][:2]
            RelatedService.objects.bulk_create(
                [RelatedService(page=service, service=other, sort_order=i) for i, other in enumerate(others)]
            )
    return department, services


def seed_tasks(portal):
    if portal.tasks.exists():
        return
    for index, (label, slug) in enumerate(TASKS):
        page = ServicePage.objects.filter(slug=slug).first()
        if page is not None:
            PortalTask.objects.create(portal=portal, label=label, link_page=page, sort_order=index)


def seed_views(context, services):
    """Two weeks of openings for the portal's "most used" (the frame's page views per day, which insights'
    seed fills for a year of the busiest pages too; a row either seed made first is kept)."""
    if DailyPageView.objects.filter(page__in=services).exists():
        return
    rng = context.random
    today = timezone.localdate()
    rows = []
    for service in services:
        popularity = rng.randint(1, 40)
        for days_ago in range(14):
            rows.append(
                DailyPageView(
                    page=service, day=today - datetime.timedelta(days=days_ago), views=rng.randint(0, popularity)
                )
            )
    DailyPageView.objects.bulk_create(rows, ignore_conflicts=True)


def seed_requests(context, departments):
    if Request.objects.exists():
        return
    User = get_user_model()
    employee = User.objects.filter(username="medewerker").first()
    handler = User.objects.filter(username="beheerder").first()
    forms = list(RequestFormPage.objects.live().order_by("path"))
    if not forms:
        return
    requesters = [employee] if employee else []
    others = User.objects.filter(person__isnull=False).exclude(username="medewerker").order_by("pk")
    requesters += list(others[: max(context.size // 100, 3)])
    rng = context.random
    now = timezone.now()
    by_path = {department.path: department for department in departments}
    statuses = [Request.Status.RECEIVED, Request.Status.IN_PROGRESS, Request.Status.DONE]
    with transaction.atomic():
        for index, requester in enumerate(requesters):
            form_page = forms[index % len(forms)] if index else forms[-1]
            department = by_path[form_page.path[: -form_page.steplen]]
            submitted = now - datetime.timedelta(days=rng.randint(0, 60), hours=rng.randint(0, 8))
            status = statuses[index % 3]
            request = Request.objects.create(
                reference=next_reference(department.reference_prefix, timezone.localdate(submitted).year),
                requester=requester,
                department=department,
                form_page=form_page,
                title=form_page.title,
                data=[
                    {
                        "name": field.clean_name,
                        "label": field.label,
                        "value": "Zie toelichting" if field.field_type != "photo" else "",
                    }
                    for field in form_page.form_fields.all()
                ],
                status=status,
                submitted_at=submitted,
                first_response_at=submitted + datetime.timedelta(hours=4)
                if status != Request.Status.RECEIVED
                else None,
                done_at=submitted + datetime.timedelta(days=2) if status == Request.Status.DONE else None,
            )
            if status != Request.Status.RECEIVED:
                RequestReply.objects.create(
                    request=request,
                    author=handler,
                    body="Bedankt voor je melding, we gaan ermee aan de slag.",
                    new_status=Request.Status.IN_PROGRESS,
                    created_at=request.first_response_at,
                )
            if status == Request.Status.DONE:
                RequestReply.objects.create(
                    request=request,
                    author=handler,
                    body="Dit is geregeld. Laat het ons weten als er nog iets is.",
                    new_status=Request.Status.DONE,
                    created_at=request.done_at,
                )


def seed(context):
    home = homepage()
    if home is None:
        return
    portal = seed_portal(home)
    departments, services = [], []
    for spec in DEPARTMENTS:
        department, department_services = seed_department(context, portal, spec)
        departments.append(department)
        services.extend(department_services)
    seed_tasks(portal)
    seed_views(context, services)
    editor = get_user_model().objects.filter(username="redacteur").first()
    communicatie = next((d for d in departments if d.slug == "communicatie"), None)
    if editor and communicatie and communicatie.lead_editors_group_id:
        editor.groups.add(communicatie.lead_editors_group_id)
    seed_requests(context, departments)
    context.log(
        f"  Direct regelen: {len(departments)} afdelingen, {len(services)} diensten, {Request.objects.count()} aanvragen."
    )
