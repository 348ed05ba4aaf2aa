"""What events/ holds about a person: their sign-ups, and the events they organise (names only)."""

from agenda.models import EventPage, Signup, TeamEvent
from agenda.signups import withdraw
from intranet.personal_data import Exported, Kind, iso, person_of


def _signups_export(user):
    person = person_of(user)
    if person is None:
        return Exported()
    rows = Signup.objects.filter(person=person).select_related("page", "team_event")
    return Exported(
        records=[
            {
                "event": signup.event.title,
                "start": iso(signup.event.start),
                "status": signup.status,
                "signed_up_at": iso(signup.created_at),
            }
            for signup in rows
        ]
    )


def _signups_erase(user, erasure):
    person = person_of(user)
    return withdraw(person) if person else 0


def _organisers_export(user):
    person = person_of(user)
    if person is None:
        return Exported()
    titles = [p.title for p in EventPage.objects.filter(organisers=person)]
    titles += [e.title for e in TeamEvent.objects.filter(organisers=person)]
    return Exported(records=[{"organiser_of": title} for title in titles])


def _organisers_erase(user, erasure):
    person = person_of(user)
    if person is None:
        return 0
    removed = EventPage.organisers.through.objects.filter(person=person).delete()[0]
    return removed + TeamEvent.organisers.through.objects.filter(person=person).delete()[0]


def _created_export(user):
    return Exported(records=[{"created_team_event": e.title} for e in TeamEvent.objects.filter(created_by=user)])


def _created_erase(user, erasure):
    return TeamEvent.objects.filter(created_by=user).update(created_by=None)


KINDS = [
    Kind(
        "events.signups",
        "Sign-ups for events (going, maybe, not going, waiting list).",
        ("events.Signup.person",),
        _signups_export,
        _signups_erase,
    ),
    Kind(
        "events.organisers",
        "Being named as an organiser of an event.",
        (
            "events.EventPage.organisers",
            "events.EventPage_organisers.person",
            "events.TeamEvent.organisers",
            "events.TeamEvent_organisers.person",
        ),
        _organisers_export,
        _organisers_erase,
    ),
    Kind(
        "events.created",
        "Team events a person planned.",
        ("events.TeamEvent.created_by",),
        _created_export,
        _created_erase,
    ),
]
