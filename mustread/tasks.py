"""Must-read's periodic jobs: the one reminder before a deadline, and the records' retention."""

from intranet.jobs import Periodic, job
from mustread import records, services


@job()
def remind_before_deadline():
    return services.send_reminders()


@job()
def enforce_retention():
    return records.enforce_retention()


PERIODIC = [
    Periodic("mustread.remind_before_deadline", remind_before_deadline, "daily", hour=8),
    Periodic("mustread.enforce_retention", enforce_retention, "daily", hour=4),
]
