"""The community managers' group (Omgevingsbeheerders) and the sites-framework domain.

The group may enter the Wagtail admin and hide or restore comments. The django.contrib.sites row
follows Wagtail's default site so that comment and notification links in e-mails are right.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Omgevingsbeheerders"


def forwards(apps, schema_editor):
    app_config = apps.get_app_config("social")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    wanted = Permission.objects.filter(
        content_type__app_label="social", codename="moderate_comments"
    ) | Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin")
    group.permissions.add(*wanted)

    from social.signals import sync_site

    sync_site(apps.get_model("sites", "Site"), apps.get_model("wagtailcore", "Site"))


def backwards(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("social", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("sites", "0002_alter_domain_unique"),
        ("home", "0002_create_homepage"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
