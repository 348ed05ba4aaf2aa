"""Reads for the homepage block, the box on the page and the progress page, each in a fixed number of queries."""

import hashlib
from dataclasses import dataclass, field

from django.db.models import Count, Exists, F, OuterRef, Q

from intranet import caching
from intranet.page_visibility import hidden_page_paths, page_visibility_key
from intranet.plugins import PAGES_GENERATION
from mustread.audience import audience, employee, targeted_q
from mustread.models import Confirmation, MustRead
from people.models import OrganisationUnit

HOME_LIMIT = 5
GENERATION = "mustread"  # bumped by every change to a must-read or its units (mustread.signals)
HOME_SECONDS = 600
NAMES_LIMIT = 1000


def _confirmed_current(user_ref):
    return Exists(Confirmation.objects.filter(must_read=OuterRef("pk"), user=user_ref, version=OuterRef("version")))


def applicable(user, person=None):
    """Active must-reads on live pages this user may open and is targeted by (None: not an employee)."""
    person = person or employee(user)
    if person is None:
        return None
    found = MustRead.objects.filter(active=True, page__live=True).filter(targeted_q(person))
    for path in hidden_page_paths(user):
        found = found.exclude(page__path__startswith=path)
    return found


def pages_with_must_read():
    """The ids of every page marked must-read (a few dozen at most), kept until one changes
    (mustread.signals): each news page asks whether it is one."""
    return caching.remember(
        GENERATION, ("pages",), lambda: frozenset(MustRead.objects.values_list("page_id", flat=True))
    )


def outstanding_for(user, limit=HOME_LIMIT):
    """What the user still has to confirm, nearest deadline first (the homepage block, on every visit):
    kept per reader until they confirm, a must-read or its units change (GENERATION, mustread.signals),
    a page is published, moved or restricted, or the reader's unit or hidden sections change."""
    person = employee(user)
    if person is None:
        return []

    def compute():
        found = applicable(user, person).exclude(_confirmed_current(user.pk)).select_related("page")
        return list(found.order_by(F("deadline").asc(nulls_last=True), "-version_started_at", "pk")[:limit])

    unit = person.organisation_unit
    parts = (unit.path if unit else "", hashlib.sha256(page_visibility_key(user).encode()).hexdigest()[:24], limit)
    return caching.remember_for_user(GENERATION, user.pk, parts, compute, ttl=HOME_SECONDS, depends=(PAGES_GENERATION,))


@dataclass
class PageStatus:
    must_read: MustRead
    confirmation: Confirmation | None = None  # of the current version
    earlier: Confirmation | None = None  # of an earlier version: "the page changed, confirm again"

    @property
    def confirmed(self):
        return self.confirmation is not None


def status_for(user, page):
    """The must-read on `page` as it applies to `user`, or None when it does not apply."""
    if not getattr(page, "pk", None) or not user.is_authenticated:
        return None
    if not MustRead.objects.filter(page_id=page.pk, active=True).exists():
        return None  # the common case, one query: most pages ask nothing
    found = applicable(user)
    must_read = found.filter(page_id=page.pk).first() if found is not None else None
    if must_read is None:
        return None
    latest = Confirmation.objects.filter(must_read=must_read, user=user).order_by("-version").first()
    if latest is not None and latest.version == must_read.version:
        return PageStatus(must_read, confirmation=latest)
    return PageStatus(must_read, earlier=latest)


@dataclass
class UnitRow:
    unit: OrganisationUnit | None
    total: int
    confirmed: int

    @property
    def open(self):
        return self.total - self.confirmed

    @property
    def percent(self):
        return round(100 * self.confirmed / self.total) if self.total else 0


@dataclass
class Progress:
    rows: list
    total: int = 0
    confirmed: int = 0
    names: list | None = None  # people who have not confirmed, when the viewer may see them
    names_more: int = 0
    units: list = field(default_factory=list)

    @property
    def percent(self):
        return round(100 * self.confirmed / self.total) if self.total else 0


def _people(must_read, unit_paths):
    confirmed = Exists(
        Confirmation.objects.filter(must_read=must_read, version=must_read.version, user_id=OuterRef("user_id"))
    )
    return audience(must_read, unit_paths).annotate(has_confirmed=confirmed)


def not_confirmed(must_read):
    """The audience's people who have not confirmed the current version."""
    return _people(must_read, None).filter(has_confirmed=False)


def progress(must_read, *, names_of=None, counts_of=None):
    """Counts per organisation unit of the current version. `names_of`: "all" for everyone who has not
    confirmed, a Person for their direct reports only, None for no names. `counts_of`: a Person (a
    manager) for the units of their own reports only, None for every unit. Six queries, whatever the size."""
    targeted = list(must_read.units.all())
    people = _people(must_read, [unit.path for unit in targeted])
    counted = people
    if counts_of is not None:
        reports_units = people.filter(manager=counts_of).order_by().values("organisation_unit_id")
        counted = people.filter(organisation_unit_id__in=reports_units)
    grouped = (
        counted.order_by()
        .values("organisation_unit_id")
        .annotate(total=Count("pk"), confirmed=Count("pk", filter=Q(has_confirmed=True)))
    )
    grouped = list(grouped)
    units = OrganisationUnit.objects.in_bulk(
        [row["organisation_unit_id"] for row in grouped if row["organisation_unit_id"]]
    )
    rows = [UnitRow(units.get(row["organisation_unit_id"]), row["total"], row["confirmed"]) for row in grouped]
    rows.sort(key=lambda row: (row.unit is None, row.unit.path if row.unit else ""))
    result = Progress(rows=rows, units=targeted)
    result.total = sum(row.total for row in rows)
    result.confirmed = sum(row.confirmed for row in rows)
    if names_of is not None:
        missing = people.filter(has_confirmed=False)
        if names_of != "all":
            missing = missing.filter(manager=names_of)
        missing = missing.select_related("organisation_unit").order_by("organisation_unit__path", "sort_name", "pk")
        result.names = list(missing[: NAMES_LIMIT + 1])
        if len(result.names) > NAMES_LIMIT:
            result.names = result.names[:NAMES_LIMIT]
            result.names_more = missing.count() - NAMES_LIMIT
    return result


def managed_in_audience(must_read, person):
    """Whether `person` manages someone the must-read is for (a manager then sees their own reports)."""
    if person is None:
        return False
    return audience(must_read).filter(manager=person).exists()


def confirmations_for_export(page_id):
    """Every confirmation of every version of the page's must-read, also once the page is gone: the
    auditor's records."""
    return Confirmation.objects.filter(page_ref=page_id).order_by("version", "confirmed_at", "pk")
