"""The editorial groups: news editors (Redactie Communicatie) publish, Bloggers submit for approval.

Their page rights are granted per index page when that page is made (news.services.set_up_index);
here they get what does not depend on a page: the admin, images, documents, media and categories.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Redactie Communicatie"
BLOGGERS = "Bloggers"
COMMON = [
    ("wagtailadmin", "access_admin"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
    ("wagtailmedia", "add_media"),
]
EDITORS_ONLY = [
    ("wagtailimages", "change_image"),
    ("wagtaildocs", "change_document"),
    ("wagtailmedia", "change_media"),
    ("news", "add_category"),
    ("news", "change_category"),
]


def forwards(apps, schema_editor):
    for label in ("wagtailimages", "wagtaildocs", "wagtailmedia", "news"):
        config = apps.get_app_config(label)
        config.models_module = True
        create_permissions(config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    def permissions(pairs):
        found = []
        for app_label, codename in pairs:
            found.extend(Permission.objects.filter(content_type__app_label=app_label, codename=codename))
        return found

    editors, _ = Group.objects.get_or_create(name=EDITORS)
    editors.permissions.add(*permissions(COMMON + EDITORS_ONLY))
    bloggers, _ = Group.objects.get_or_create(name=BLOGGERS)
    bloggers.permissions.add(*permissions(COMMON))


def backwards(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[EDITORS, BLOGGERS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "__latest__"),
        ("wagtaildocs", "__latest__"),
        ("wagtailmedia", "__latest__"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
