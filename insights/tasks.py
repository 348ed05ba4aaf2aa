"""Background tasks of the insights (django-tasks): the nightly roll-up of yesterday's figures.

The periodic scheduler enqueues it once a day; until then `manage.py roll_up_insights` does the same.
"""

import datetime

from django.utils import timezone
from django_tasks import task

from insights.rollups import roll_up_insights


@task()
def roll_up_insights_task(day: str = "") -> int:
    """Roll up `day` (ISO date; default yesterday). Idempotent: a retry or a second worker is harmless."""
    when = datetime.date.fromisoformat(day) if day else timezone.localdate() - datetime.timedelta(days=1)
    return roll_up_insights(when)
