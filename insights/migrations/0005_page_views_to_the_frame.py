"""Page views per day move to the frame (intranet.DailyPageView), where Direct regelen's openings of
service pages are counted too: the rows are carried over, then insights' own table goes.

Both tables counted the same thing (each employee once per page and day), so where the frame already has
a row for a day and page (carried over from Direct regelen first) the larger count is kept.
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
    rows = list(apps.get_model("insights", "DailyPageView").objects.values_list("day", "page_id", "views"))
    merge(apps.get_model("intranet", "DailyPageView"), rows)


def carry_back(apps, schema_editor):
    rows = apps.get_model("intranet", "DailyPageView").objects.values_list("day", "page_id", "views")
    model = apps.get_model("insights", "DailyPageView")
    model.objects.bulk_create([model(day=day, page_id=page_id, views=views) for day, page_id, views in rows])


class Migration(migrations.Migration):
    dependencies = [
        ("insights", "0004_daily_rollup"),
        ("intranet", "0004_daily_page_view"),
    ]

    operations = [
        migrations.RunPython(carry_over, carry_back),
        migrations.DeleteModel(name="DailyPageView"),
    ]
