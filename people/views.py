"""Views behind PeopleIndexPage's routes: thin, the queries live in selectors, the actions in services."""

import hashlib

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from intranet import caching
from intranet.paging import CountedPaginator
from people import routing, selectors, services
from people.forms import LETTERS, DirectoryFilterForm, ProfileForm
from people.models import OrganisationUnit, Person

PER_PAGE = 24


def _render(request, page, template, **context):
    context.update(page=page, self=page, people_url=page.url)
    return TemplateResponse(request, template, context)


def _paginate(request, people, count_key):
    count = lambda: selectors.cached_count(people, *count_key)  # noqa: E731
    return CountedPaginator(people, PER_PAGE, count).get_page(request.GET.get("page"))


def _filters_key(filters):
    """A short, fixed-length key for a combination of directory filters (the search text is free input)."""
    parts = (
        " ".join(filters.get("text", "").split()),
        getattr(filters.get("unit"), "pk", None),
        getattr(filters.get("location"), "pk", None),
        getattr(filters.get("expertise"), "pk", None),
        filters.get("letter", ""),
    )
    return hashlib.md5(repr(parts).encode(), usedforsecurity=False).hexdigest()


def directory(request, page):
    options = selectors.filter_options()
    form = DirectoryFilterForm(request.GET or None, units=options["units"], locations=options["locations"])
    filters = {}
    if form.is_bound:
        form.is_valid()  # a stale or hand-made value simply leaves that filter out
        data = form.cleaned_data
        filters = {
            "text": data.get("q") or "",
            "unit": data.get("unit"),
            "location": data.get("location"),
            "letter": data.get("letter") or "",
        }
        if data.get("expertise"):
            filters["expertise"] = selectors.expertise_by_slug(data["expertise"])
    people_page = _paginate(request, selectors.directory(**filters), ("directory", _filters_key(filters)))
    template = "people/includes/results.html" if request.GET.get("partial") else "people/directory.html"
    return _render(
        request,
        page,
        template,
        form=form,
        options=options,
        letters=LETTERS,
        people_page=people_page,
        filtered=any(filters.values()),
        chosen_expertise=filters.get("expertise"),
        # The filter menus' HTML is cached per generation (it only changes with the people data).
        generation=caching.generation(selectors.GENERATION),
        section="directory",
    )


def _people_list(request, page, people, section, heading, intro):
    count_key = (section, timezone.localdate().isoformat()) if section == "new" else (section,)
    context = {
        "people_page": _paginate(request, people, count_key),
        "heading": heading,
        "intro": intro,
        "section": section,
    }
    return _render(request, page, "people/list.html", **context)


def new_colleagues(request, page):
    intro = _("Colleagues who started in the last 30 days. Say hello!")
    return _people_list(request, page, selectors.new_colleagues(), "new", _("New colleagues"), intro)


def ambassadors(request, page):
    intro = _("Ambassadors know the intranet well and are glad to help. Ask them!")
    return _people_list(request, page, selectors.ambassadors(), "ambassadors", _("Ambassadors"), intro)


def org_chart(request, page, unit_slug=None):
    unit = get_object_or_404(OrganisationUnit, slug=unit_slug) if unit_slug else None
    children, head_count = selectors.org_level(unit)
    members = _paginate(request, selectors.unit_members(unit), ("unit", unit.pk)) if unit else None
    return _render(
        request,
        page,
        "people/org_chart.html",
        unit=unit,
        ancestors=selectors.unit_ancestors(unit),
        children=children,
        head_count=head_count,
        people_page=members,
        section="org",
    )


def profile(request, page, slug):
    person = selectors.profile(slug)
    is_own = person.user_id == request.user.pk
    return _render(
        request,
        page,
        "people/profile.html",
        person=person,
        is_own=is_own,
        can_edit=person.is_active and services.can_edit_profile(request.user, person),
        can_mark_ambassador=person.is_active and services.can_mark_ambassador(request.user),
        unit_path=[*selectors.unit_ancestors(person.organisation_unit), person.organisation_unit]
        if person.organisation_unit
        else [],
        missing=person.missing_field() if is_own else None,
        edit_url=routing.edit_url(person),
    )


def my_profile(request, page):
    person = Person.objects.filter(user_id=request.user.pk).only("slug").first()
    if person is None:
        raise Http404(_("You have no profile yet."))
    return redirect(routing.edit_url(person))


def edit(request, page, slug):
    person = get_object_or_404(Person.objects.select_related("photo"), slug=slug, is_active=True)
    if not services.can_edit_profile(request.user, person):
        raise PermissionDenied
    if request.method == "POST":
        form = ProfileForm(request.POST, request.FILES, instance=person)
        if form.is_valid():
            data = form.cleaned_data
            fields = {name: data[name] for name in ProfileForm.Meta.fields}
            fields["working_days"] = data["working_day_parts"]
            try:
                services.update_profile(
                    request.user,
                    person,
                    fields=fields,
                    expertise=data["expertise_text"],
                    photo=data["photo_upload"],
                    remove_photo=data["remove_photo"],
                    photo_description=data["photo_description"],
                )
            except ValidationError as error:  # e.g. the photo could not be stored (intranet.storage)
                form.add_error(None, error)
            else:
                messages.success(request, _("Your profile has been saved."))
                return redirect(routing.profile_url(person))
    else:
        form = ProfileForm(instance=person)
    return _render(request, page, "people/edit.html", person=person, form=form)


@require_POST
def toggle_ambassador(request, page, slug):
    person = get_object_or_404(Person, slug=slug, is_active=True)
    services.set_ambassador(request.user, person, request.POST.get("value") == "1")
    messages.success(request, _("The ambassador badge has been updated."))
    return redirect(routing.profile_url(person))
