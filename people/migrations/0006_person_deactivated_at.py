from django.db import migrations, models
from django.utils import timezone


def start_grace_for_existing_leavers(apps, schema_editor):
    # People deactivated before this field existed get their grace period from today.
    apps.get_model("people", "Person").objects.filter(is_active=False).update(deactivated_at=timezone.now())


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0005_sso"),
    ]

    operations = [
        migrations.AddField(
            model_name="person",
            name="deactivated_at",
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name="deactivated at"),
        ),
        migrations.RunPython(start_grace_for_existing_leavers, migrations.RunPython.noop),
    ]
