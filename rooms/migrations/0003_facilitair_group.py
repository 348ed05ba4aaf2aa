"""The Facilitair group manages buildings, rooms and bookings in the Wagtail admin."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Facilitair"
MODELS = ["building", "room", "booking"]


def create_group(apps, schema_editor):
    # Permissions are normally made after all migrations; make ours now so the group can get them.
    config = apps.get_app_config("rooms")
    config.models_module = True  # the migration state's stub lacks it; create_permissions checks it
    create_permissions(config, apps=apps, verbosity=0)
    config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    codenames = [f"{action}_{model}" for model in MODELS for action in ("add", "change", "delete", "view")]
    group.permissions.add(*Permission.objects.filter(content_type__app_label="rooms", codename__in=codenames))
    group.permissions.add(*Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin"))


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("rooms", "0002_no_overlap_on_postgresql"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
