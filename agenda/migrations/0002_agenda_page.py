"""The /agenda/ page under the homepage, so every database (and every test database) has it."""

from django.db import migrations

PAGE_SLUG = "agenda"
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # treebeard's path digits
STEPLEN = 4


def _next_child_path(Page, parent):
    # Historical models have no treebeard methods: compute the materialised path ourselves.
    last = Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).order_by("-path").first()
    number = int(last.path[-STEPLEN:], 36) + 1 if last else 1
    digits = ""
    for _step in range(STEPLEN):
        number, rest = divmod(number, 36)
        digits = ALPHABET[rest] + digits
    return parent.path + digits


def create_agenda(apps, schema_editor):
    Page = apps.get_model("wagtailcore.Page")
    HomePage = apps.get_model("home.HomePage")
    EventIndexPage = apps.get_model("events.EventIndexPage")
    ContentType = apps.get_model("contenttypes.ContentType")
    home = HomePage.objects.order_by("path").first()
    if home is None or EventIndexPage.objects.exists():
        return
    content_type, _created = ContentType.objects.get_or_create(app_label="events", model="eventindexpage")
    EventIndexPage.objects.create(
        path=_next_child_path(Page, home),
        depth=home.depth + 1,
        numchild=0,
        title="Agenda",
        draft_title="Agenda",
        slug=PAGE_SLUG,
        content_type=content_type,
        url_path=f"{home.url_path}{PAGE_SLUG}/",
        locale_id=home.locale_id,
        live=True,
        show_in_menus=True,
    )
    children = Page.objects.filter(path__startswith=home.path, depth=home.depth + 1).count()
    Page.objects.filter(pk=home.pk).update(numchild=children)


def remove_agenda(apps, schema_editor):
    apps.get_model("events.EventIndexPage").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
        ("home", "0002_create_homepage"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_agenda, remove_agenda)]
