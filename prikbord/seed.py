"""Demo notice-board posts: about one per 30 employees, a few with a photo, some already expired."""

from datetime import timedelta
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone

from intranet.demo_images import picture
from people.models import Person
from prikbord.models import LIFETIME, Category, Photo, Post, Status

ITEMS = [
    (
        Category.FOR_SALE,
        "Kinderfiets 20 inch",
        "Blauwe kinderfiets, goed onderhouden. Op te halen bij het stadskantoor.",
        "45",
    ),
    (
        Category.FOR_SALE,
        "Bureaustoel voor thuis",
        "Ergonomische bureaustoel, verstelbaar. Past niet meer in mijn werkkamer.",
        "60",
    ),
    (
        Category.FOR_SALE,
        "Kaartjes theater",
        "Twee kaartjes voor de voorstelling van zaterdag; ik kan helaas niet.",
        "35.50",
    ),
    (
        Category.WANTED,
        "Gezocht: oppas op woensdag",
        "Wie kent een betrouwbare oppas voor twee kinderen op woensdagmiddag?",
        None,
    ),
    (Category.WANTED, "Carpool vanuit Amersfoort", "Ik zoek een carpoolmaatje; ik rijd elke werkdag rond 8 uur.", None),
    (Category.FREE, "Gratis: kamerplanten", "Drie grote kamerplanten, gratis af te halen bij de receptie.", None),
    (Category.FREE, "Gratis af te halen: boeken", "Een doos romans en thrillers; wie wil ze hebben?", None),
    (
        Category.CALL,
        "Oproep: lopers voor de stadsloop",
        "Ons team zoekt nog vier lopers voor de estafette van de stadsloop.",
        None,
    ),
    (Category.CALL, "Oproep: koorleden gezocht", "Het personeelskoor zoekt nieuwe stemmen, vooral tenoren.", None),
]
BATCH = 1000


def _photo(rng):
    return ContentFile(picture("object", rng.random(), (640, 480)))


def seed(context):
    if Post.objects.exists():
        return
    rng = context.random
    authors = list(Person.objects.filter(is_active=True).order_by("pk").values_list("user_id", flat=True)[:2000])
    if not authors:
        return
    total = max(len(ITEMS), context.size // 30)
    now = timezone.now()
    for start in range(0, total, BATCH):
        posts = []
        for number in range(start, min(start + BATCH, total)):
            category, title, text, price = ITEMS[number % len(ITEMS)]
            created = now - timedelta(days=rng.randint(0, 45), minutes=rng.randint(0, 600))
            expired = created + LIFETIME <= now
            posts.append(
                Post(
                    author_id=rng.choice(authors),
                    category=category,
                    title=title if number < len(ITEMS) else f"{title} ({number})",
                    text=text,
                    price=Decimal(price) if price else None,
                    created_at=created,
                    expires_at=created + LIFETIME,
                    status=Status.EXPIRED if expired else Status.OPEN,
                )
            )
        Post.objects.bulk_create(posts)
        context.progress("Prikbord", min(start + BATCH, total), total)
    for post in Post.objects.visible().order_by("-created_at")[:6]:
        photo = Photo(post=post, position=0, width=640, height=480)
        photo.image.save("0.jpg", _photo(rng), save=False)
        photo.save()
    context.log(f"  Prikbord: {total} berichten")
