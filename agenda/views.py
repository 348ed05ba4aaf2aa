"""Thin views over agenda.selectors and agenda.services. What a user may not see answers 404."""

from datetime import date

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from agenda import ical, selectors, services, signups
from agenda.forms import TeamEventForm
from agenda.models import Signup, TeamEvent
from intranet.spreadsheets import csv_response
from teams.selectors import viewable_teams

Status = Signup.Status


def _scope(request):
    scope = request.GET.get("filter", "all")
    return scope if scope in selectors.SCOPES else "all"


def _base(request, page, scope, view):
    return {"page": page, "base_url": page.get_url(request), "filters": _filters(scope), "scope": scope, "view": view}


def _filters(scope):
    return [
        ("all", _("Everything"), scope == "all"),
        ("organisation", _("Organisation"), scope == "organisation"),
        ("teams", _("My teams"), scope == "teams"),
        ("mine", _("Signed up"), scope == "mine"),
    ]


def agenda(request, page):
    scope = _scope(request)
    shown = selectors.upcoming_page(request, scope, request.GET.get("pagina"))
    context = {**_base(request, page, scope, "list"), "items": shown.object_list, "paging": shown}
    return TemplateResponse(request, "events/agenda.html", context)


def _parse_month(value):
    today = timezone.localdate()
    try:
        year, month_number = (int(part) for part in (value or "").split("-"))
        chosen = date(year, month_number, 1)
    except (TypeError, ValueError):
        return today.replace(day=1)
    return chosen if abs((chosen - today).days) <= 3660 else today.replace(day=1)


def month(request, page):
    scope = _scope(request)
    first = _parse_month(request.GET.get("maand"))
    previous = (first.replace(day=1) - timezone.timedelta(days=1)).replace(day=1)
    following = (first.replace(day=28) + timezone.timedelta(days=4)).replace(day=1)
    context = {
        **_base(request, page, scope, "month"),
        "weeks": selectors.month(request, first.year, first.month, scope),
        "first": first,
        "previous": f"{previous:%Y-%m}",
        "following": f"{following:%Y-%m}",
    }
    return TemplateResponse(request, "events/month.html", context)


def archive(request, page):
    scope = _scope(request)
    shown = selectors.past_page(request, scope, request.GET.get("pagina"))
    context = {**_base(request, page, scope, "archive"), "items": shown.object_list, "paging": shown}
    return TemplateResponse(request, "events/archive.html", context)


def _kind(event):
    return "team" if isinstance(event, TeamEvent) else "pagina"


def event_context(request, event):
    """What an event's page shows beside the event: the user's answer and the places (three queries)."""
    status = signups.my_status(request.user, event)
    going = signups.going_count(event) if event.signup_enabled else 0
    left = None if event.capacity is None else max(0, event.capacity - going)
    return {
        "event": event,
        "kind": _kind(event),
        "my_status": status,
        "going": going,
        "places_left": left,
        "signup_open": event.signup_open(),
        # After the deadline one may still step back, so the place goes to the waiting list.
        "can_withdraw": status in (Status.GOING, Status.MAYBE, Status.WAITING) and timezone.now() < event.start,
        "can_manage": event.can_manage(request.user),
        "statuses": [(Status.GOING, _("Going")), (Status.MAYBE, _("Maybe")), (Status.NOT_GOING, _("Not going"))],
    }


def _event_or_404(request, kind, pk):
    event = selectors.access_event(request.user, kind, pk)
    if event is None:
        raise Http404
    return event


@require_GET
def team_event(request, pk):
    event = _event_or_404(request, "team", pk)
    context = event_context(request, event)
    context["page"] = None
    return TemplateResponse(request, "events/event_page.html", context)


@require_GET
def event(request, kind, pk):
    """A stable address for either kind of event (the rooms link an event's booking here)."""
    return redirect(_event_or_404(request, kind, pk).get_absolute_url())


@require_POST
def respond(request, kind, pk):
    event = _event_or_404(request, kind, pk)
    try:
        result = signups.respond(request.user, event, request.POST.get("status", ""))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        texts = {
            Status.GOING: _("You are signed up."),
            Status.WAITING: _("The event is full: you are on the waiting list."),
            Status.MAYBE: _("Saved: maybe."),
            Status.NOT_GOING: _("Saved: not going."),
        }
        messages.success(request, texts[result])
    return redirect(event.get_absolute_url())


@require_GET
def download_ics(request, kind, pk):
    event = _event_or_404(request, kind, pk)
    url = request.build_absolute_uri(event.get_absolute_url())
    response = HttpResponse(ical.calendar([event], lambda e: url), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="agenda-{kind}-{event.pk}.ics"'
    response["Cache-Control"] = "private, no-store"
    return response


def _managed_event(request, kind, pk):
    event = _event_or_404(request, kind, pk)
    if not event.can_manage(request.user):
        raise PermissionDenied(_("Only the organisers can do this."))
    return event


def _attendee_page(request, event, kind, message_text="", message_errors=()):
    context = {
        "event": event,
        "kind": kind,
        "signups": selectors.attendees(event),
        "message_max": services.MESSAGE_MAX,
        "message_text": message_text,
        "message_errors": message_errors,
    }
    return TemplateResponse(request, "events/attendees.html", context, status=400 if message_errors else 200)


@require_GET
def attendee_list(request, kind, pk):
    return _attendee_page(request, _managed_event(request, kind, pk), kind)


@require_GET
def attendee_csv(request, kind, pk):
    event = _managed_event(request, kind, pk)
    rows = []
    for signup in selectors.attendees(event):
        person = signup.person
        unit = person.organisation_unit.name if person.organisation_unit_id else ""
        since = timezone.localtime(signup.waiting_since or signup.updated_at).strftime("%Y-%m-%d %H:%M")
        rows.append([person.full_name, person.email, unit, signup.get_status_display(), since])
    columns = [_("Name"), _("E-mail"), _("Organisation unit"), _("Status"), _("Since")]
    response = csv_response(f"deelnemers-{kind}-{event.pk}", columns, rows)
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
def message_attendees(request, kind, pk):
    event = _managed_event(request, kind, pk)
    text = request.POST.get("text", "")
    try:
        sent = services.message_attendees(request.user, event, text)
    except ValidationError as error:
        # Shown beside the field with the typed text kept, so nothing has to be written again.
        return _attendee_page(request, event, kind, text, error.messages)
    messages.success(request, _("Your message went to %(count)d people.") % {"count": len(sent)})
    return redirect(reverse("events:attendees", args=[kind, event.pk]))


def cancel(request, kind, pk):
    event = _managed_event(request, kind, pk)
    if request.method == "POST":
        services.cancel_event(request.user, event)
        messages.success(request, _("The event has been cancelled."))
        return redirect(event.get_absolute_url())
    return TemplateResponse(request, "events/cancel.html", {"event": event, "kind": kind})


def _add_errors(form, error):
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


def new_team_event(request, team_id):
    team = viewable_teams(request.user, include_archived=False).filter(pk=team_id).first()
    if team is None:
        raise Http404
    if not (request.user.is_superuser or team.is_admin(request.user)):
        raise PermissionDenied(_("Only the team's admins can do this."))
    form = TeamEventForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            event = services.create_team_event(request.user, team, **form.event_data())
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The event has been planned."))
            return redirect(event.get_absolute_url())
    return TemplateResponse(request, "events/team_event_form.html", {"form": form, "team": team, "event": None})


def edit_team_event(request, pk):
    event = _managed_event(request, "team", pk)
    form = TeamEventForm(request.POST or None, initial=TeamEventForm.initial_for(event))
    if request.method == "POST" and form.is_valid():
        try:
            services.update_team_event(request.user, event, **form.event_data())
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The event has been changed."))
            return redirect(event.get_absolute_url())
    return TemplateResponse(request, "events/team_event_form.html", {"form": form, "team": event.team, "event": event})
