"""Demo pages of the frame: the homepage's welcome line and a help section."""

from home.models import ContentPage, HomePage


def seed(context):
    home = HomePage.objects.first()
    if home is None:
        return
    if not home.intro:
        home.intro = "Alles voor je werkdag op één plek: collega's, nieuws, teams en regelzaken."
        home.save_revision().publish()
    if not ContentPage.objects.filter(slug="hulp").exists():
        help_page = ContentPage(
            title="Hulp en handleiding",
            slug="hulp",
            intro="Snel op weg met het intranet.",
            body="<p>Gebruik het zoekvak bovenaan elke pagina om collega's, diensten, teams en nieuws te vinden.</p>",
        )
        home.add_child(instance=help_page)
        help_page.save_revision().publish()
