"""A collection of its own for profile photos, so they don't mix with the editors' images."""

from django.db import migrations

from people.treepaths import add_child

NAME = "Profielfoto's"


def create_collection(apps, schema_editor):
    Collection = apps.get_model("wagtailcore.Collection")
    root = Collection.objects.filter(depth=1).first()
    if root is None or Collection.objects.filter(name=NAME).exists():
        return
    add_child(Collection, root, name=NAME)


def remove_collection(apps, schema_editor):
    apps.get_model("wagtailcore.Collection").objects.filter(name=NAME, depth=2).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0003_people_page_and_hr_group"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_collection, remove_collection)]
