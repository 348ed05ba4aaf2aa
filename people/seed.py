"""Demo organisation and employees for seed_demo: deterministic, batched, safe to run twice."""

import unicodedata
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils.text import slugify
from wagtail.search.backends import get_search_backend

from intranet import demo_names as names
from people.models import Location, OrganisationUnit, Person, dutch_sort_key

BATCH = 1000
DEMO_PASSWORD = "plein-demo"  # noqa: S105 (printed for the demo on purpose)
DEMO_ACCOUNTS = [
    # username, first, tussenvoegsel, last, function, department, role
    ("medewerker", "Sanne", "de", "Boer", "Klantcontactmedewerker", "Publiekszaken", "employee"),
    ("redacteur", "Ingrid", "van der", "Linden", "Webredacteur", "Communicatie", "editor"),
    ("beheerder", "Rob", "", "Kuipers", "Applicatiebeheerder", "ICT", "administrator"),
]


def ascii_slug(text):
    return slugify(unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii"))


def seed_organisation(context):
    """directie > afdeling > team; returns {afdeling name: [unit, ...teams]}."""
    departments = {}
    for directorate_name, afdelingen in names.ORGANISATION:
        directorate = _unit(None, directorate_name, OrganisationUnit.Kind.DIRECTORATE)
        for afdeling_name, team_names in afdelingen:
            afdeling = _unit(directorate, afdeling_name, OrganisationUnit.Kind.DEPARTMENT)
            teams = [_unit(afdeling, team, OrganisationUnit.Kind.TEAM, prefix=afdeling_name) for team in team_names]
            departments[afdeling_name] = [afdeling, *teams]
    for name, address in names.LOCATIONS:
        Location.objects.get_or_create(name=name, defaults={"address": address})
    context.data["departments"] = departments
    return departments


def _unit(parent, name, kind, prefix=""):
    slug = ascii_slug(f"{prefix} {name}" if prefix else name)
    existing = OrganisationUnit.objects.filter(slug=slug).first()
    if existing:
        return existing
    fields = {"name": name, "slug": slug, "kind": kind}
    return parent.add_child(**fields) if parent else OrganisationUnit.add_root(**fields)


def _person_fields(rng, number, departments, locations, today):
    first = rng.choice(names.FIRST_NAMES)
    last = rng.choice(names.LAST_NAMES)
    tussenvoegsel = names.PREFIXED_LAST_NAMES.get(last, "")
    department = rng.choice(list(departments))
    unit = rng.choice(departments[department])
    # Varied completeness: not everybody fills in every field.
    filled = rng.random()
    local = ascii_slug(f"{first} {tussenvoegsel} {last}").replace("-", ".")
    return {
        "employee_number": f"{number:06d}",
        "first_name": first,
        "tussenvoegsel": tussenvoegsel,
        "last_name": last,
        "sort_name": dutch_sort_key(first, tussenvoegsel, last),
        "job_title": rng.choice(names.JOB_TITLES[department]),
        "organisation_unit": unit,
        "location": rng.choice(locations) if filled > 0.15 else None,
        "phone": f"010 {rng.randint(100, 999)} {rng.randint(1000, 9999)}" if filled > 0.3 else "",
        "mobile": f"06 {rng.randint(10000000, 99999999)}" if filled > 0.5 else "",
        "email": f"{local}.{number}@gemeente.example",
        "bio": "Vraag me gerust iets over mijn werk." if filled > 0.7 else "",
        "start_date": today - timedelta(days=rng.randint(0, 365 * 25)),
    }


def seed_people(context, departments):
    User = get_user_model()
    rng = context.random
    locations = list(Location.objects.order_by("name"))
    existing = set(Person.objects.values_list("employee_number", flat=True))
    today = date(2026, 1, 1)
    backend = get_search_backend()
    total = context.size
    unusable = make_password(None)  # demo colleagues cannot log in; only the demo accounts can
    created = 0
    for start in range(1, total + 1, BATCH):
        numbers = range(start, min(start + BATCH, total + 1))
        # Draw for every number, made or not, so that a rerun yields the same people.
        rows = [(n, _person_fields(rng, n, departments, locations, today)) for n in numbers]
        rows = [(n, fields) for n, fields in rows if fields["employee_number"] not in existing]
        if rows:
            with transaction.atomic():
                users = User.objects.bulk_create(
                    [
                        User(
                            username=f"m{n:06d}",
                            first_name=f["first_name"],
                            last_name=" ".join(p for p in (f["tussenvoegsel"], f["last_name"]) if p),
                            email=f["email"],
                            password=unusable,
                        )
                        for n, f in rows
                    ]
                )
                if not all(u.pk for u in users):  # backends without RETURNING
                    by_name = dict(
                        User.objects.filter(username__in=[u.username for u in users]).values_list("username", "pk")
                    )
                    for u in users:
                        u.pk = by_name[u.username]
                people = Person.objects.bulk_create(
                    [
                        Person(
                            user_id=user.pk,
                            slug=f"{ascii_slug(f['first_name'] + ' ' + f['tussenvoegsel'] + ' ' + f['last_name'])}-{n}",
                            **f,
                        )
                        for user, (n, f) in zip(users, rows, strict=True)
                    ]
                )
                people = list(Person.objects.filter(employee_number__in=[p.employee_number for p in people]))
                backend.add_bulk(Person, people)
            created += len(rows)
        context.progress("Medewerkers", min(start + BATCH - 1, total), total)
    context.log(f"  {created} medewerkers aangemaakt, {total - created} bestonden al.")


def seed_demo_accounts(context, departments):
    User = get_user_model()
    logins = []
    moderators = Group.objects.filter(name="Moderators").first()
    for index, (username, first, tussen, last, job, department, role) in enumerate(DEMO_ACCOUNTS):
        user, made = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first,
                "last_name": f"{tussen} {last}".strip(),
                "email": f"{username}@gemeente.example",
            },
        )
        if made:
            user.set_password(DEMO_PASSWORD)
        if role == "administrator":
            user.is_staff = user.is_superuser = True
        user.save()
        if role == "editor" and moderators:
            user.groups.add(moderators)
        Person.objects.get_or_create(
            user=user,
            defaults={
                "employee_number": f"D{index + 1:05d}",
                "slug": ascii_slug(f"{first} {tussen} {last}"),
                "first_name": first,
                "tussenvoegsel": tussen,
                "last_name": last,
                "job_title": job,
                "organisation_unit": departments[department][0],
                "email": user.email,
            },
        )
        logins.append((role, username))
    context.data["logins"] = logins


def seed(context):
    departments = seed_organisation(context)
    seed_demo_accounts(context, departments)
    seed_people(context, departments)
