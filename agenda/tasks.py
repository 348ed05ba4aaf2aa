"""Events' background work: the reminders the day before, sent as notifications (so each person's
e-mail preference decides whether they also get a mail)."""

from agenda.reminders import send
from intranet.jobs import Periodic, job


@job()
def send_reminders():
    return send()


PERIODIC = [Periodic("events.reminders", send_reminders, "daily", hour=9)]
