"""Demo pages of the frame: the homepage's welcome line and block order, a help section with the quick
guide, and a header photo of the month submitted by a colleague."""

import io

from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image, ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Site

from home.models import ContentPage, HomeBlockSetting, HomePage, PhotoSubmission
from intranet.models import IntranetSettings

BLOCK_ORDER = [
    "launcher.apps",
    "people.nudge",
    "news.latest",
    "directregelen.shortcuts",
    "rooms.next",
    "home.new_colleagues",
    "home.header_photo",
]
GUIDES = [
    (
        "Snel op weg",
        "snel-op-weg",
        "Het intranet in vijf minuten.",
        "<p>Het intranet opent elke ochtend vanzelf. Bovenaan staat het zoekvak: daarmee vind je collega's, "
        "regelzaken, teams en nieuws. Daaronder staan je apps, het nieuws en je aanvragen.</p>",
    ),
    (
        "Je apps vastzetten",
        "apps-vastzetten",
        "Zet de applicaties die je elke dag gebruikt bovenaan.",
        '<p>Ga naar <a href="/apps/">Apps</a>, kies het sterretje bij een app om hem vast te zetten, '
        "en gebruik de pijltjes om de volgorde te bepalen. Je vaste apps staan ook op de startpagina.</p>",
    ),
    (
        "Het prikbord",
        "prikbord",
        "Te koop, gezocht, gratis af te halen en oproepen.",
        '<p>Op het <a href="/prikbord/">prikbord</a> plaats je een bericht met maximaal drie foto\'s. '
        "Een bericht blijft 30 dagen staan; je kunt het verlengen of als verkocht markeren.</p>",
    ),
    (
        "Je profiel invullen",
        "profiel",
        "Met een foto herkennen collega's je.",
        "<p>Open je profiel via je avatar rechtsboven en kies 'Profiel bewerken'. Een foto en je "
        "expertise maken je vindbaar.</p>",
    ),
]


def _publish(page):
    page.save_revision().publish()


def seed(context):
    home = HomePage.objects.first()
    if home is None:
        return
    if not home.intro:
        home.intro = "Alles voor je werkdag op één plek: collega's, nieuws, teams en regelzaken."
        _publish(home)
    if not home.block_settings.exists():
        for order, key in enumerate(BLOCK_ORDER):
            HomeBlockSetting.objects.create(page=home, key=key, sort_order=order)
    help_page = ContentPage.objects.filter(slug="hulp").first()
    if help_page is None:
        help_page = ContentPage(
            title="Hulp en handleiding",
            slug="hulp",
            intro="Snel op weg met het intranet.",
            body="<p>Gebruik het zoekvak bovenaan elke pagina om collega's, diensten, teams en nieuws te vinden.</p>",
        )
        home.add_child(instance=help_page)
        _publish(help_page)
    for title, slug, intro, body in GUIDES:
        if not ContentPage.objects.filter(slug=slug).child_of(help_page).exists():
            guide = ContentPage(title=title, slug=slug, intro=intro, body=body)
            help_page.add_child(instance=guide)
            _publish(guide)
    _seed_header_photo(context)


def _seed_header_photo(context):
    if PhotoSubmission.objects.exists():
        return
    photographer = get_user_model().objects.filter(person__isnull=False).order_by("pk").first()
    if photographer is None:
        return
    buffer = io.BytesIO()
    picture = Image.new("RGB", (1600, 500), (21, 66, 115))
    draw = ImageDraw.Draw(picture)
    for step in range(0, 1600, 80):  # a calm skyline, made here: nothing is downloaded
        height = 120 + (step * 37) % 220
        draw.rectangle([step, 500 - height, step + 60, 500], fill=(40, 95, 150))
    picture.save(buffer, format="JPEG", quality=80)
    image = get_image_model()(title="Stadhuis bij avond", uploaded_by_user=photographer)
    image.file = ImageFile(buffer, name="stadhuis-bij-avond.jpg")
    image.save()

    PhotoSubmission.objects.create(submitter=photographer, title=image.title, image=image, chosen_at=timezone.now())
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        settings = IntranetSettings.for_site(site)
        settings.header_photo = image
        settings.header_photo_credit = photographer.person.full_name
        settings.save()
    context.log("  Headerfoto van de maand: Stadhuis bij avond")
