"""What people/ holds about a person: the profile (with photo, expertise, place in the organisation)
and the single sign-on identity (intranet/personal_data.py explains the contract)."""

import posixpath

from intranet.personal_data import Exported, Kind, delete_rows
from people.models import ExpertiseTag, ExternalIdentity, Person


def _profile_export(user):
    person = Person.objects.filter(user=user).select_related("organisation_unit", "location", "manager").first()
    if person is None:
        return Exported()
    record = {
        "employee_number": person.employee_number,
        "first_name": person.first_name,
        "tussenvoegsel": person.tussenvoegsel,
        "last_name": person.last_name,
        "email": person.email,
        "job_title": person.job_title,
        "organisation_unit": str(person.organisation_unit or ""),
        "location": str(person.location or ""),
        "manager": person.manager.full_name if person.manager else None,
        "phone": person.phone,
        "mobile": person.mobile,
        "bio": person.bio,
        "working_days": [
            {"day": str(day), "morning": morning, "afternoon": afternoon}
            for day, morning, afternoon in person.working_day_table
        ],
        "ask_me_about": sorted(person.expertise.names()),
        "start_date": person.start_date.isoformat() if person.start_date else None,
        "is_active": person.is_active,
        "deactivated_at": person.deactivated_at.isoformat() if person.deactivated_at else None,
        "is_ambassador": person.is_ambassador,
        "profile_completeness": person.completeness,
        "photo": None,
    }
    files = []
    if person.photo_id and person.photo.file:
        name = "photo" + posixpath.splitext(person.photo.file.name)[1]
        record["photo"] = name
        files.append((name, person.photo.file))
    return Exported(records=[record], files=files)


def _profile_erase(user, erasure):
    person = Person.objects.filter(user=user).select_related("photo").first()
    if person is None:
        return 0
    # Colleagues who reported to them keep their own profile, without the manager.
    Person.objects.filter(manager=person).update(manager=None)
    photo = person.photo
    tags = list(person.expertise.values_list("pk", flat=True))
    person.delete()  # tags, the search index entry and CASCADE rows (calendar feed) go with it
    if photo is not None:
        photo.delete()  # Wagtail removes the file and its renditions
    # A topic only they gave ("ask me about ...") would keep a trace of them in the vocabulary.
    ExpertiseTag.objects.filter(pk__in=tags, tagged_people__isnull=True).delete()
    return 1


def _identity_export(user):
    return Exported(
        records=[
            {"issuer": i.issuer, "subject": i.subject, "created_at": i.created_at.isoformat()}
            for i in ExternalIdentity.objects.filter(user=user)
        ]
    )


KINDS = [
    Kind(
        "people.profile",
        "Profile: name, function, organisation unit, contact details, about me, working days, "
        "expertise, photo, profile completeness.",
        ("people.Person.user", "people.Person.manager", "people.TaggedExpertise.content_object"),
        _profile_export,
        _profile_erase,
    ),
    Kind(
        "people.sso_identity",
        "The identity provider's id for the account (single sign-on).",
        ("people.ExternalIdentity.user",),
        _identity_export,
        delete_rows(ExternalIdentity, "user"),
    ),
]
