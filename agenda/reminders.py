"""The day-before reminder: everyone going to an event that starts tomorrow gets one notification.
Safe to run twice: a sign-up is marked reminded in the same transaction as its notification."""

from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from agenda import notices
from agenda.models import EventPage, Signup, TeamEvent


def _tomorrow(now):
    day = timezone.localdate(now) + timedelta(days=1)
    start = timezone.make_aware(datetime.combine(day, time.min))
    return start, start + timedelta(days=1)


def send(now=None):
    now = now or timezone.now()
    start, end = _tomorrow(now)
    sent = 0
    window = {"start__gte": start, "start__lt": end, "cancelled_at__isnull": True, "signup_enabled": True}
    for model, key in ((EventPage, "page"), (TeamEvent, "team_event")):
        events = model.objects.filter(**window)
        if model is EventPage:
            events = events.live()
        for event in events:
            with transaction.atomic():
                due = list(
                    Signup.objects.select_for_update()
                    .filter(**{key: event}, status=Signup.Status.GOING, reminded_at__isnull=True)
                    .select_related("person__user")
                )
                if not due:
                    continue
                notices.reminder(event, [s.person.user for s in due if s.person.user_id])
                Signup.objects.filter(pk__in=[s.pk for s in due]).update(reminded_at=now)
                sent += len(due)
    return sent
