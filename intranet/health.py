"""What /health/ checks (docs/operations.md).

A load balancer takes a server out on 503, so only what no page can do without answers 503: the
database. Redis (a cache: pages go on without it), the media folder (pages go on; uploads fail
with a form error) and other checks an app adds with register() make the status "degraded" with
200 and say which part is down, for monitoring. Every check is short: /health/ must answer in well
under a second even while a dependency hangs.
"""

from django.conf import settings
from django.db import connection

CRITICAL = "critical"
DEGRADED = "degraded"

_checks = {}


def register(name, check, severity=DEGRADED):
    """check() returns nothing when all is well and raises (or returns a string) to report a problem."""
    _checks[name] = (check, severity)


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_redis():
    if not settings.REDIS_URL:
        return None
    from django_redis import get_redis_connection

    from intranet import redis_breaker

    # The circuit answers at once while open; otherwise one PING with the short socket timeout.
    get_redis_connection("default").ping()
    down = redis_breaker.status()
    return f"down since {down['down_since']:.0f}" if down else None


def check_media():
    """Uploads and image renditions need a media storage that takes a write (room left, not
    read-only, the S3 store answering)."""
    from django.core.files.storage import default_storage

    check = getattr(default_storage, "check_writable", None)
    if check is not None:
        check()


register("database", check_database, CRITICAL)
register("redis", check_redis)
register("media", check_media)


def run_checks():
    """{name: "ok" | "error: ..."} and the overall status: ok, degraded or error."""
    results, status = {}, "ok"
    for name, (check, severity) in _checks.items():
        try:
            problem = check()
        except Exception as exc:  # any failure of a dependency is a finding, not a crash
            problem = exc.__class__.__name__
        if not problem:
            results[name] = "ok"
            continue
        results[name] = f"error: {problem}"
        if severity == CRITICAL:
            status = "error"
        elif status == "ok":
            status = "degraded"
    return status, results
