"""System checks for `manage.py check --deploy` (docs/deploy.md)."""

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.caches, deploy=True)
def redis_for_several_processes(app_configs, **kwargs):
    """Without Redis each gunicorn process keeps its own cache: limits (comments, logins, mail) count
    per process, so four processes allow four times as much, and a change seen by one process stays
    unseen by the others until their copies expire."""
    if settings.REDIS_URL or settings.DEBUG:
        return []
    return [
        checks.Warning(
            "REDIS_URL is not set: every process keeps its own cache.",
            hint="Set REDIS_URL (docs/deploy.md); limits and cache invalidation are shared only through Redis.",
            id="plein.W001",
        )
    ]
