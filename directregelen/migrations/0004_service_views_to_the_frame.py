"""Openings of service pages per day move to the frame's page views per day (intranet.DailyPageView),
which insights counted the same openings in: one row per page and day, then this table goes.

Both counted each employee once per page and day, so where the frame has a row for that day and page
(insights' count of the same openings) the larger of the two counts is kept; a day and service only
Direct regelen counted is carried over as it is.
"""

from django.db import migrations

BATCH = 2000


def merge(target, rows):
    """Put [(day, page_id, views)] into `target`: a new row each, or the larger count where one exists."""
    for start in range(0, len(rows), BATCH):
        batch = rows[start : start + BATCH]
        pages = {page_id for _day, page_id, _views in batch}
        days = {day for day, _page_id, _views in batch}
        found = {
            (row.day, row.page_id): row for row in target.objects.filter(page_id__in=pages, day__in=days)
        }
        new, larger = [], []
        for day, page_id, views in batch:
            row = found.get((day, page_id))
            if row is None:
                new.append(target(day=day, page_id=page_id, views=views))
            elif views > row.views:
                row.views = views
                larger.append(row)
        target.objects.bulk_create(new)
        target.objects.bulk_update(larger, ["views"])


def carry_over(apps, schema_editor):
    rows = list(apps.get_model("directregelen", "ServiceDailyView").objects.values_list("day", "page_id", "count"))
    merge(apps.get_model("intranet", "DailyPageView"), rows)


def carry_back(apps, schema_editor):
    services = apps.get_model("directregelen", "ServicePage").objects.values("pk")
    rows = apps.get_model("intranet", "DailyPageView").objects.filter(page_id__in=services)
    model = apps.get_model("directregelen", "ServiceDailyView")
    model.objects.bulk_create(
        [model(day=day, page_id=page_id, count=views) for day, page_id, views in rows.values_list("day", "page_id", "views")]
    )


class Migration(migrations.Migration):
    dependencies = [
        ("directregelen", "0003_request_external_ticket_version"),
        ("intranet", "0004_daily_page_view"),
    ]

    operations = [
        migrations.RunPython(carry_over, carry_back),
        migrations.DeleteModel(name="ServiceDailyView"),
    ]
