"""What the simulated employees do, picked from the seeded load-test database: run as a child process
with the load test's environment (`python -m loadtest.plan`); prints the plan as JSON.

It gives a set of employees a known password. That is why it refuses any database whose name does not
end in "loadtest".
"""

import json
import os
import sys

PASSWORD = "plein-loadtest"  # noqa: S105 (a throwaway database of the load test only)


def build(employees=24):
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.contrib.contenttypes.models import ContentType

    if not settings.DATABASES["default"]["NAME"].endswith("loadtest"):
        raise SystemExit("the load test only sets passwords in a database named *loadtest")
    from directregelen.models import RequestFormPage
    from news.models import NewsPage
    from teams.models import TeamPage

    users = list(
        get_user_model()
        .objects.filter(is_active=True, is_superuser=False, person__isnull=False)
        .order_by("pk")
        .values_list("pk", "username")[:employees]
    )
    get_user_model().objects.filter(pk__in=[pk for pk, _ in users]).update(password=make_password(PASSWORD))
    news = NewsPage.objects.live().order_by("-first_published_at").first()
    team = TeamPage.objects.live().filter(kind="open", archived_at__isnull=True).order_by("-member_count").first()
    form_page = RequestFormPage.objects.live().first()
    fields = []
    if form_page:
        for field in form_page.form_fields.all():
            choices = [c.strip() for c in (field.choices or "").replace("\n", ",").split(",") if c.strip()]
            fields.append(
                {"name": field.clean_name, "type": field.field_type, "required": field.required, "choices": choices}
            )
    from people.models import Person

    return {
        "employees": Person.objects.filter(is_active=True).count(),
        "password": PASSWORD,
        "usernames": [username for _, username in users],
        "reference": "/hulp/",
        "news": {"url": news.url, "content_type": ContentType.objects.get_for_model(NewsPage).pk, "pk": news.pk}
        if news
        else None,
        "team": team.url if team else None,
        "request_form": {"url": form_page.url, "fields": fields} if form_page else None,
        "searches": ["verlof", "parkeren", "laptop", "jan", "declaratie", "vergaderzaal"],
    }


if __name__ == "__main__":
    json.dump(build(int(os.environ.get("LOADTEST_EMPLOYEES", "24"))), sys.stdout)
