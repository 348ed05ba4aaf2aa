"""Confirmations whose MustRead was deleted before 0002 (must_read set to NULL) got no page_ref there:
the page's id comes from the confirmed revision where one is left, so the auditor's export finds them."""

from collections import defaultdict

from django.db import migrations


def fill_page_ref_from_revision(apps, schema_editor):
    Confirmation = apps.get_model("mustread", "Confirmation")
    orphans = Confirmation.objects.filter(
        page_ref__isnull=True,
        revision__isnull=False,
        revision__base_content_type__app_label="wagtailcore",
        revision__base_content_type__model="page",
    )
    by_page = defaultdict(list)
    for pk, object_id in orphans.values_list("pk", "revision__object_id"):
        if object_id.isdigit():
            by_page[int(object_id)].append(pk)
    for page_id, pks in by_page.items():
        Confirmation.objects.filter(pk__in=pks).update(page_ref=page_id)


class Migration(migrations.Migration):
    dependencies = [
        ("mustread", "0002_confirmation_page_ref"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(fill_page_ref_from_revision, migrations.RunPython.noop)]
