"""The community managers (Omgevingsbeheerders) may see the insights dashboard and moderation overview."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Omgevingsbeheerders"


def forwards(apps, schema_editor):
    app_config = apps.get_app_config("insights")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(*Permission.objects.filter(content_type__app_label="insights", codename="view_insights"))


def backwards(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name=GROUP):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="insights", codename="view_insights"))


class Migration(migrations.Migration):
    dependencies = [
        ("insights", "0001_initial"),
        ("social", "0002_moderators_group_and_site"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
