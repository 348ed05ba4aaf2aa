"""The HR import: one CSV export keyed on employee number, applied in one transaction.

Creates, updates and deactivates (never deletes) people. Every row is checked before anything is
written; with errors nothing changes unless `partial` is set, then the good rows go in. Built for
50,000 rows: a handful of bulk queries per thousand rows, not a few per person.
"""

import csv
import io
from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from intranet.plugins import changed_in_bulk
from people import completeness, signals
from people.models import Location, OrganisationUnit, Person, TaggedExpertise, dutch_sort_key, search_name_key
from people.seed import ascii_slug

COLUMNS = [
    "employee_number",
    "first_name",
    "tussenvoegsel",
    "last_name",
    "email",
    "job_title",
    "unit_code",
    "manager_number",
    "start_date",
    "location",
]
REQUIRED_COLUMNS = {"employee_number", "first_name", "last_name"}
LIMITS = {
    "employee_number": 30,
    "first_name": 80,
    "tussenvoegsel": 20,
    "last_name": 120,
    "job_title": 120,
    "email": 254,
}
# What the import owns; profile fields (photo, bio, phone...) stay the employee's own.
HR_FIELDS = [
    "first_name",
    "tussenvoegsel",
    "last_name",
    "sort_name",
    "search_name",
    "email",
    "job_title",
    "organisation_unit_id",
    "start_date",
    "location_id",
    "is_active",
]
LOAD_FIELDS = [name.removesuffix("_id") for name in HR_FIELDS] + ["employee_number", "manager"]
# completeness.score reads these; loading them avoids a query per person.
LOAD_FIELDS += ["photo", "bio", "phone", "mobile", "working_days", "completeness", "user"]
BATCH = 1000


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    deactivated: int = 0
    errors: list = field(default_factory=list)  # (line number, reason)
    applied: bool = False


class ImportAborted(Exception):
    def __init__(self, result):
        super().__init__(f"{len(result.errors)} row(s) rejected")
        self.result = result


def _parse_date(value):
    for fmt in ("%Y-%m-%d", "%d-%m-%Y"):
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise ValueError


def _read(text):
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return csv.DictReader(io.StringIO(text), dialect=dialect)


def _check_row(row, units, locations):
    """Clean one row into model values, or raise ValueError with a Dutch reason."""
    values = {name: (row.get(name) or "").strip() for name in COLUMNS}
    for name in REQUIRED_COLUMNS:
        if not values[name]:
            raise ValueError(f"kolom '{name}' is leeg")
    for name, limit in LIMITS.items():
        if len(values[name]) > limit:
            raise ValueError(f"kolom '{name}' is langer dan {limit} tekens")
    if values["email"]:
        try:
            validate_email(values["email"])
        except ValidationError as exc:
            raise ValueError(f"'{values['email']}' is geen geldig e-mailadres") from exc
    cleaned = {
        "employee_number": values["employee_number"],
        "first_name": values["first_name"],
        "tussenvoegsel": values["tussenvoegsel"],
        "last_name": values["last_name"],
        "sort_name": dutch_sort_key(values["first_name"], values["tussenvoegsel"], values["last_name"]),
        "search_name": search_name_key(values["first_name"], values["tussenvoegsel"], values["last_name"]),
        "email": values["email"],
        "job_title": values["job_title"],
        "organisation_unit_id": None,
        "start_date": None,
        "location_id": None,
        "is_active": True,
        "manager_number": values["manager_number"],
    }
    if values["unit_code"]:
        if values["unit_code"] not in units:
            raise ValueError(f"onbekende afdelingscode '{values['unit_code']}'")
        cleaned["organisation_unit_id"] = units[values["unit_code"]]
    if values["location"]:
        if values["location"].lower() not in locations:
            raise ValueError(f"onbekende locatie '{values['location']}'")
        cleaned["location_id"] = locations[values["location"].lower()]
    if values["start_date"]:
        try:
            cleaned["start_date"] = _parse_date(values["start_date"])
        except ValueError as exc:
            raise ValueError(f"startdatum '{values['start_date']}' is geen datum (JJJJ-MM-DD)") from exc
    return cleaned


def validate(text):
    """(cleaned rows by employee number, every number seen, errors) without touching the database."""
    reader = _read(text)
    missing = REQUIRED_COLUMNS - set(reader.fieldnames or [])
    if missing:
        return {}, set(), [(1, f"kolommen ontbreken: {', '.join(sorted(missing))}")]
    units = dict(OrganisationUnit.objects.exclude(code="").values_list("code", "pk"))
    locations = {name.lower(): pk for pk, name in Location.objects.values_list("pk", "name")}
    known = set(Person.objects.values_list("employee_number", flat=True))
    rows, seen, errors = {}, set(), []
    for row in reader:
        line = reader.line_num
        number = (row.get("employee_number") or "").strip()
        if number in seen and number:
            errors.append((line, f"personeelsnummer {number} staat vaker in het bestand"))
            rows.pop(number, None)
            continue
        seen.add(number)
        try:
            rows[number] = _check_row(row, units, locations) | {"line": line}
        except ValueError as exc:
            errors.append((line, str(exc)))
    for number, cleaned in list(rows.items()):
        manager = cleaned["manager_number"]
        if manager and manager not in seen and manager not in known:
            errors.append((cleaned["line"], f"leidinggevende {manager} bestaat niet"))
            rows.pop(number)
    errors.sort()
    return rows, seen, errors


def import_people(text, *, partial=False):
    rows, seen, errors = validate(text)
    result = ImportResult(errors=errors)
    if errors and not partial:
        raise ImportAborted(result)
    with transaction.atomic():
        _apply(rows, seen, result)
    signals.changed()  # bulk writes send no signals: retire the cached cards and menus
    signals.people_bulk_changed.send(sender=None)
    result.applied = True
    return result


def _chunks(items, size=BATCH):
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _apply(rows, seen, result):
    existing = {p.employee_number: p for p in Person.objects.only(*LOAD_FIELDS)}
    was_active = {number for number, person in existing.items() if person.is_active}
    expertise_ids = set(TaggedExpertise.objects.values_list("content_object_id", flat=True).distinct())
    new_numbers = [number for number in rows if number not in existing]
    is_new = set(new_numbers)
    _create(rows, new_numbers, existing, ascii_slug)
    result.created = len(new_numbers)
    pk_by_number = {number: person.pk for number, person in existing.items()}
    # Rows grouped by the fields that changed: bulk_update's cost grows with rows x fields, and an HR
    # delta touches few of both. New people only lack their manager (unknown until all exist).
    changes = {}
    for number, cleaned in rows.items():
        person = existing[number]
        values = {name: cleaned[name] for name in HR_FIELDS}
        values["manager_id"] = pk_by_number.get(cleaned["manager_number"]) if cleaned["manager_number"] else None
        dirty = [name for name, value in values.items() if getattr(person, name) != value]
        for name in dirty:
            setattr(person, name, values[name])
        if dirty:
            score = completeness.score(person, person.pk in expertise_ids)
            if score != person.completeness:
                person.completeness = score
                dirty.append("completeness")
            changes.setdefault(tuple(sorted(dirty)), []).append(person)
        if number in is_new:
            continue
        if dirty:
            result.updated += 1
        else:
            result.unchanged += 1
    for fields, people in changes.items():
        _save_changes(fields, people)
    leavers = [person for number, person in existing.items() if number in was_active and number not in seen]
    returning = [existing[number].user_id for number in rows if number in existing and number not in was_active]
    User = get_user_model()
    now = timezone.now()
    for chunk in _chunks(leavers):
        # deactivated_at starts the grace period after which their data is erased (docs/privacy.md).
        Person.objects.filter(pk__in=[p.pk for p in chunk]).update(is_active=False, deactivated_at=now)
        # Leavers can no longer log in (returning colleagues can again, below).
        User.objects.filter(pk__in=[p.user_id for p in chunk]).update(is_active=False)
    for chunk in _chunks(returning):
        User.objects.filter(pk__in=chunk).update(is_active=True)
        Person.objects.filter(user_id__in=chunk).update(deactivated_at=None)
    result.deactivated = len(leavers)
    # New people too: bulk_create sends no signal, so nothing else indexes them.
    changed = {person.pk for people in changes.values() for person in people}
    changed |= {existing[number].pk for number in new_numbers}
    for chunk in _chunks(sorted(changed)):
        # Re-indexed by the worker, after the import committed: a large import returns sooner.
        changed_in_bulk.send(sender=Person, pks=chunk)


def _save_changes(fields, people):
    """Many rows often get the same values (a new manager, a merged unit): one UPDATE per value then."""
    groups = {}
    for person in people:
        groups.setdefault(tuple(getattr(person, name) for name in fields), []).append(person.pk)
    if len(groups) * 4 > len(people):
        Person.objects.bulk_update(people, fields, batch_size=BATCH)
        return
    for values, pks in groups.items():
        for chunk in _chunks(pks):
            Person.objects.filter(pk__in=chunk).update(**dict(zip(fields, values, strict=True)))


def _create(rows, numbers, existing, ascii_slug):
    """Accounts and people for new employee numbers; the caller sets managers once all exist."""
    User = get_user_model()
    unusable = make_password(None)  # they log in through the organisation's SSO
    for start in range(0, len(numbers), BATCH):
        batch = numbers[start : start + BATCH]
        usernames = {number: f"p{number}".lower() for number in batch}
        taken = dict(User.objects.filter(username__in=usernames.values(), person=None).values_list("username", "pk"))
        User.objects.bulk_create(
            [
                User(
                    username=usernames[n],
                    first_name=rows[n]["first_name"][:150],
                    last_name=f"{rows[n]['tussenvoegsel']} {rows[n]['last_name']}".strip()[:150],
                    email=rows[n]["email"],
                    password=unusable,
                )
                for n in batch
                if usernames[n] not in taken
            ]
        )
        user_ids = dict(User.objects.filter(username__in=usernames.values()).values_list("username", "pk"))
        people = []
        for n in batch:
            cleaned = rows[n]
            name = ascii_slug(f"{cleaned['first_name']} {cleaned['tussenvoegsel']} {cleaned['last_name']}")
            person = Person(
                user_id=user_ids[usernames[n]],
                employee_number=n,
                slug=f"{name}-{ascii_slug(n)}"[:160],
                **{k: cleaned[k] for k in HR_FIELDS},
            )
            person.completeness = completeness.score(person, has_expertise=False)
            people.append(person)
        Person.objects.bulk_create(people)
    for chunk in _chunks(numbers):
        for person in Person.objects.filter(employee_number__in=chunk).only(*LOAD_FIELDS):
            existing[person.employee_number] = person
