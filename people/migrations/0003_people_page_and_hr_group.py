"""The /mensen/ page under the homepage and the "HR-redactie" group, so every database has them."""

from django.db import migrations

from people.treepaths import add_child

PAGE_SLUG = "mensen"
HR_GROUP = "HR-redactie"
HR_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("people", "view_person"),
    ("people", "add_person"),
    ("people", "change_person"),
    ("people", "view_organisationunit"),
    ("people", "add_organisationunit"),
    ("people", "change_organisationunit"),
    ("people", "delete_organisationunit"),
    ("people", "view_location"),
    ("people", "add_location"),
    ("people", "change_location"),
    ("people", "view_expertisetag"),
    ("people", "change_expertisetag"),
    ("people", "delete_expertisetag"),
]

def create_people_page(apps, schema_editor):
    Page = apps.get_model("wagtailcore.Page")
    HomePage = apps.get_model("home.HomePage")
    PeopleIndexPage = apps.get_model("people.PeopleIndexPage")
    ContentType = apps.get_model("contenttypes.ContentType")
    home = HomePage.objects.order_by("path").first()
    if home is None or PeopleIndexPage.objects.exists():
        return
    content_type, _created = ContentType.objects.get_or_create(app_label="people", model="peopleindexpage")
    add_child(
        PeopleIndexPage,
        home,
        tree=Page,
        title="Mensen",
        draft_title="Mensen",
        slug=PAGE_SLUG,
        content_type=content_type,
        url_path=f"{home.url_path}{PAGE_SLUG}/",
        locale_id=home.locale_id,
        live=True,
        show_in_menus=True,
    )


def remove_people_page(apps, schema_editor):
    apps.get_model("people.PeopleIndexPage").objects.all().delete()


def create_hr_group(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally made after all migrations; make people's now so the group can hold them.
    people_app = apps.get_app_config("people")
    people_app.models_module = getattr(people_app, "models_module", None) or True
    create_permissions(people_app, apps=apps, verbosity=0)
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    group, _created = Group.objects.get_or_create(name=HR_GROUP)
    for app_label, codename in HR_PERMISSIONS:
        permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
        if permission:
            group.permissions.add(permission)


def remove_hr_group(apps, schema_editor):
    apps.get_model("auth.Group").objects.filter(name=HR_GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0002_profiles"),
        ("home", "0002_create_homepage"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(create_people_page, remove_people_page),
        migrations.RunPython(create_hr_group, remove_hr_group),
    ]
