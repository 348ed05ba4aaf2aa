"""Private teams leave the plain-name slug space (teams.slugs), and team names lose invisible characters.

Each private team whose slug is its name's plain slug gets the name with a random suffix, so a new
team's slug no longer tells whether a private team of that name exists; redirects to private teams
(an old address would answer differently from an unknown one) are removed. Team names are put in the
normal form every new name gets (intranet.text.clean_title). Not reversible in content: backwards
leaves the new slugs and names.
"""

from django.db import migrations

from intranet.text import clean_title
from teams import slugs

STEPLEN = 4  # treebeard's path step for Wagtail pages


def forwards(apps, schema_editor):
    TeamPage = apps.get_model("teams", "TeamPage")
    Page = apps.get_model("wagtailcore", "Page")
    for team in TeamPage.objects.all().only("pk", "title", "draft_title"):
        title, draft = clean_title(team.title) or team.title, clean_title(team.draft_title) or team.draft_title
        if (title, draft) != (team.title, team.draft_title):
            TeamPage.objects.filter(pk=team.pk).update(title=title, draft_title=draft)
    for team in TeamPage.objects.filter(kind="private").only("pk", "title", "slug", "path", "depth"):
        if slugs.is_private_slug(team.slug, team.title):
            continue
        parent = Page.objects.filter(path=team.path[:-STEPLEN]).only("url_path").first()
        siblings = Page.objects.filter(path__startswith=team.path[:-STEPLEN], depth=team.depth).exclude(pk=team.pk)
        slug = slugs.unique_slug(team.title, siblings.values_list("slug", flat=True), private=True)
        url_path = f"{parent.url_path}{slug}/" if parent else f"/{slug}/"
        Page.objects.filter(pk=team.pk).update(slug=slug, url_path=url_path)
    try:
        Redirect = apps.get_model("wagtailredirects", "Redirect")
    except LookupError:
        return
    Redirect.objects.filter(redirect_page__in=TeamPage.objects.filter(kind="private").values("pk")).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("teams", "0003_post_text_trigram"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
