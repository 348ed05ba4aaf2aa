from django.db import migrations, models


def fill(apps, schema_editor):
    from people.models import search_name_key

    Person = apps.get_model("people", "Person")
    batch = []
    for person in Person.objects.only("first_name", "tussenvoegsel", "last_name").iterator(chunk_size=2000):
        person.search_name = search_name_key(person.first_name, person.tussenvoegsel, person.last_name)
        batch.append(person)
        if len(batch) >= 2000:
            Person.objects.bulk_update(batch, ["search_name"])
            batch = []
    Person.objects.bulk_update(batch, ["search_name"])


class Migration(migrations.Migration):
    dependencies = [("people", "0006_person_deactivated_at")]

    operations = [
        migrations.AddField(
            model_name="person",
            name="search_name",
            field=models.CharField(blank=True, editable=False, max_length=260),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
