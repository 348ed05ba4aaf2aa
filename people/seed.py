"""Demo organisation and employees for seed_demo: deterministic, batched, safe to run twice."""

import io
import random
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.search.backends import get_search_backend

from intranet import demo_names as names
from intranet.text import fold
from people import completeness
from people.models import (
    ExpertiseTag,
    Location,
    OrganisationUnit,
    Person,
    TaggedExpertise,
    dutch_sort_key,
    search_name_key,
)
from people.pages import ensure_people_page
from people.services import photo_collection

DEMO_PHOTOS = 12
PHOTO_COLOURS = ["#0b5394", "#38761d", "#990000", "#b45f06", "#674ea7", "#134f5c"]

BATCH = 1000
DEMO_PASSWORD = "plein-demo"  # noqa: S105 (printed for the demo on purpose)
DEMO_ACCOUNTS = [
    # username, first, tussenvoegsel, last, function, department, role
    ("medewerker", "Sanne", "de", "Boer", "Klantcontactmedewerker", "Publiekszaken", "employee"),
    ("redacteur", "Ingrid", "van der", "Linden", "Webredacteur", "Communicatie", "editor"),
    ("beheerder", "Rob", "", "Kuipers", "Applicatiebeheerder", "ICT", "administrator"),
]


def ascii_slug(text):
    return slugify(fold(text))


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
        if not existing.code:
            existing.code = slug.upper()[:30]
            existing.save(update_fields=["code"])
        return existing
    # An HR code like the one in the HR export (import_people's unit_code column).
    fields = {"name": name, "slug": slug, "kind": kind, "code": slug.upper()[:30]}
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
        "search_name": search_name_key(first, tussenvoegsel, last),
        "job_title": rng.choice(names.JOB_TITLES[department]),
        "organisation_unit": unit,
        "location": rng.choice(locations) if filled > 0.15 else None,
        "phone": f"010 {rng.randint(100, 999)} {rng.randint(1000, 9999)}" if filled > 0.3 else "",
        "mobile": f"06 {rng.randint(10000000, 99999999)}" if filled > 0.5 else "",
        "email": f"{local}.{number}@gemeente.example",
        "bio": "Vraag me gerust iets over mijn werk." if filled > 0.7 else "",
        "start_date": today - timedelta(days=rng.randint(0, 365 * 25)),
    }


def _profile_extras(number):
    """Photo, working days, expertise and the ambassador badge, drawn from the employee number alone.

    A generator of its own per person keeps the main sequence (and so every other seeder) unchanged
    and makes a rerun draw exactly the same profile.
    """
    rng = random.Random(f"plein-profile-{number}")
    filled = rng.random()
    days = 0
    if filled > 0.25:
        free_day = rng.randrange(7)  # 5 and 6 mean a full-time week
        for day in range(5):
            if day != free_day:
                days |= 0b11 << (day * 2)
    tags = rng.sample(names.EXPERTISE, rng.randint(1, 4)) if filled > 0.35 else []
    return {
        "photo": rng.randrange(DEMO_PHOTOS) if filled > 0.45 else None,
        "working_days": days,
        "tags": tags,
        "is_ambassador": rng.random() < 0.05,
        "new": rng.random() < 0.01,
    }


def demo_photos():
    """A dozen simple generated portraits (no download): coloured silhouettes, shared by many people."""
    Image = get_image_model()
    photos = list(Image.objects.filter(title__startswith="Demo-profielfoto ").order_by("title"))
    if len(photos) >= DEMO_PHOTOS:
        return photos[:DEMO_PHOTOS]
    collection = photo_collection()
    made = {photo.title for photo in photos}
    for index in range(DEMO_PHOTOS):
        title = f"Demo-profielfoto {index:02d}"
        if title in made:
            continue
        canvas = PILImage.new("RGB", (320, 320), PHOTO_COLOURS[index % len(PHOTO_COLOURS)])
        draw = ImageDraw.Draw(canvas)
        shade = 200 + (index * 5) % 55
        draw.ellipse((105, 60, 215, 170), fill=(shade, shade - 20, shade - 40))
        draw.ellipse((55, 185, 265, 400), fill=(shade - 30, shade - 40, shade - 50))
        buffer = io.BytesIO()
        canvas.save(buffer, format="PNG")
        image = Image(title=title, collection=collection)
        image.file = ImageFile(buffer, name=f"demo-profielfoto-{index:02d}.png")
        image.save()
    return list(Image.objects.filter(title__startswith="Demo-profielfoto ").order_by("title"))[:DEMO_PHOTOS]


def expertise_tags():
    for name in names.EXPERTISE:
        ExpertiseTag.objects.get_or_create(name=name, defaults={"slug": ascii_slug(name)})
    return {tag.name: tag for tag in ExpertiseTag.objects.filter(name__in=names.EXPERTISE)}


def _apply_extras(person, number, photos, today):
    extras = _profile_extras(number)
    person.photo = photos[extras["photo"]] if extras["photo"] is not None else None
    person.working_days = extras["working_days"]
    person.is_ambassador = extras["is_ambassador"]
    if extras["new"]:
        person.start_date = today - timedelta(days=number % 28)
    person.completeness = completeness.score(person, bool(extras["tags"]))
    return extras["tags"]


def seed_people(context, departments):
    User = get_user_model()
    rng = context.random
    locations = list(Location.objects.order_by("name"))
    existing = set(Person.objects.values_list("employee_number", flat=True))
    today = date(2026, 1, 1)
    # "New colleagues" means the last 30 days, so a few start dates follow the day of seeding.
    now = timezone.localdate()
    photos = demo_photos()
    tags = expertise_tags()
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
                people, person_tags = [], {}
                for user, (n, f) in zip(users, rows, strict=True):
                    person = Person(
                        user_id=user.pk,
                        slug=f"{ascii_slug(f['first_name'] + ' ' + f['tussenvoegsel'] + ' ' + f['last_name'])}-{n}",
                        **f,
                    )
                    person_tags[f["employee_number"]] = _apply_extras(person, n, photos, now)
                    people.append(person)
                Person.objects.bulk_create(people)
                people = list(
                    Person.objects.filter(employee_number__in=[p.employee_number for p in people]).order_by("pk")
                )
                TaggedExpertise.objects.bulk_create(
                    [
                        TaggedExpertise(content_object=person, tag=tags[name])
                        for person in people
                        for name in person_tags[person.employee_number]
                    ]
                )
                backend.add_bulk(
                    Person, list(Person.objects.filter(pk__in=[p.pk for p in people]).prefetch_related("expertise"))
                )
            created += len(rows)
        context.progress("Medewerkers", min(start + BATCH - 1, total), total)
    context.log(f"  {created} medewerkers aangemaakt, {total - created} bestonden al.")


def seed_managers(context, departments):
    """The first-numbered colleague of each afdeling leads it; team leads report to their afdeling's lead.

    Only people without a manager are touched, so a rerun changes nothing; one query per unit.
    """
    leads = {}
    for units in departments.values():
        for unit in units:
            lead = (
                Person.objects.filter(organisation_unit=unit, is_active=True)
                .exclude(employee_number__startswith="D")
                .order_by("employee_number")
                .values_list("pk", flat=True)
                .first()
            )
            if lead:
                leads[unit.pk] = lead
    for units in departments.values():
        afdeling_lead = leads.get(units[0].pk)
        for unit in units:
            lead = leads.get(unit.pk)
            if lead is None:
                continue
            Person.objects.filter(organisation_unit=unit, manager=None).exclude(pk=lead).update(manager=lead)
            if afdeling_lead and lead != afdeling_lead:
                Person.objects.filter(pk=lead, manager=None).update(manager=afdeling_lead)
    context.log(f"  {len(leads)} leidinggevenden ingedeeld.")


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
        person, made_person = Person.objects.get_or_create(
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
        if made_person and role == "employee":
            # The demo employee is at 80%: all but a photo, so the nudge has something to ask for.
            person.phone, person.mobile, person.bio = "010 555 0101", "06 12345678", "Ik help je graag aan de balie."
            person.location = Location.objects.order_by("name").first()
            person.working_days = 0b1111111111
            person.save()
            person.expertise.set(["Klantcontact", "Burgerzaken"])
        logins.append((role, username))
    context.data["logins"] = logins


def seed(context):
    departments = seed_organisation(context)
    seed_demo_accounts(context, departments)
    seed_people(context, departments)
    seed_managers(context, departments)

    ensure_people_page()
