"""Demo news and blogs: "Nieuws" and "Blogs" under the homepage, with categories, comments and likes.

Deterministic (a random generator of its own, a fixed date anchor) and safe to run twice: pages are found by slug
and only missing ones are made. Scaled by context.size: ~30 news items for 1,500 employees, 1,000
for 50,000, and one news item with a long discussion (1,100 comments at 50,000).
"""

import random
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify
from django_comments_xtd.models import XtdComment
from wagtail.images import get_image_model

from intranet.demo_images import picture
from intranet.pages import homepage
from news.models import BlogIndexPage, BlogPage, Category, NewsIndexPage, NewsPage
from news.services import EDITORS
from people.models import Person
from social.likes import likes_changed_in_bulk
from social.models import Like

ANCHOR = timezone.make_aware(datetime(2026, 11, 20, 9, 0))  # noqa: DTZ001 (made aware here)
CATEGORIES = [
    "Organisatie",
    "Personeel",
    "ICT en werkplek",
    "Duurzaamheid",
    "Gemeenteraad",
    "Dienstverlening",
    "Huisvesting",
    "Gezondheid en welzijn",
]
NEWS_TOPICS = [
    ("Nieuwe werkplekken op de derde verdieping", "Huisvesting"),
    ("Gemeenteraad stemt in met de begroting", "Gemeenteraad"),
    ("Storing in het zaaksysteem verholpen", "ICT en werkplek"),
    ("Fietsplan weer open voor aanmeldingen", "Personeel"),
    ("Zonnepanelen op het stadskantoor", "Duurzaamheid"),
    ("Publiekshal vanaf maandag langer open", "Dienstverlening"),
    ("Griepprik voor medewerkers", "Gezondheid en welzijn"),
    ("Nieuwe directeur Sociaal Domein begonnen", "Organisatie"),
    ("Teams-telefonie voor iedereen", "ICT en werkplek"),
    ("Resultaten medewerkerstevredenheidsonderzoek", "Personeel"),
    ("Afvalscheiding in de kantine", "Duurzaamheid"),
    ("Wachttijden bij Burgerzaken gehalveerd", "Dienstverlening"),
    ("Kerstborrel in de raadzaal", "Organisatie"),
    ("Nieuwe cao gemeenten afgesloten", "Personeel"),
    ("Wifi in het gemeentehuis vernieuwd", "ICT en werkplek"),
]
BLOG_TOPICS = [
    "Wat ik leerde van een week meelopen met de buitendienst",
    "Waarom ik elke vrijdag de telefoon van het klantcontactcentrum opneem",
    "Drie dingen die beter kunnen in onze vergaderingen",
    "Samenwerken over afdelingen heen: een eerlijke terugblik",
    "Mijn eerste honderd dagen als teamleider",
    "Hoe wij de wachttijd aan de balie halveerden",
]
PARAGRAPHS = [
    "Vanaf volgende maand verandert er het een en ander. We zetten hieronder op een rij wat dit voor jou betekent.",
    "Collega's die vragen hebben kunnen terecht bij hun leidinggevende of bij de servicedesk.",
    "De afgelopen weken is hard gewerkt door een projectgroep met collega's uit verschillende afdelingen.",
    "We horen graag wat je ervan vindt. Laat hieronder een reactie achter.",
    "Meer informatie vind je in de documenten bij dit bericht en op de pagina's van Direct regelen.",
]
QUOTES = [
    ("Dit is een mooie stap voor onze dienstverlening aan inwoners.", "de gemeentesecretaris"),
    ("We doen dit samen, en dat zie je terug in het resultaat.", "de projectleider"),
]
COMMENTS = [
    "Goed nieuws, dank voor het delen!",
    "Weet iemand of dit ook geldt voor collega's op de buitenlocaties?",
    "Eindelijk! Hier hebben we lang op gewacht.",
    "Mooi initiatief. Ik doe graag mee.",
    "Is er ook een informatiebijeenkomst gepland?",
    "Dank voor de duidelijke uitleg.",
]
REPLIES = [
    "Ja, dat geldt voor iedereen.",
    "Goede vraag, ik zoek het voor je uit.",
    "Helemaal mee eens!",
    "Er volgt nog een bericht met de data.",
]


def seed(context):
    home = homepage()
    if home is None:
        return
    # A generator of our own: what other seeders draw before us must not change our demo data.
    rng = random.Random(f"news-{context.size}")
    _editors(context)
    categories = {
        name: Category.objects.get_or_create(slug=slugify(name), defaults={"name": name})[0] for name in CATEGORIES
    }
    people = list(Person.objects.filter(is_active=True).select_related("user").order_by("pk")[:300])
    if not people:
        return
    writers = [p for p in people if "leider" in p.job_title.lower() or "manager" in p.job_title.lower()] or people[:20]

    news_index = _index(home, NewsIndexPage, "Nieuws", "nieuws", "Nieuws van en voor collega's.")
    blog_index = _index(home, BlogIndexPage, "Blogs", "blogs", "Collega's en leidinggevenden schrijven over hun werk.")

    news_count = max(15, min(context.size // 50, 1000))
    blog_count = max(6, min(context.size // 150, 300))
    news = _articles(context, rng, news_index, NewsPage, news_count, categories, people, kind="news")
    blogs = _articles(context, rng, blog_index, BlogPage, blog_count, categories, writers, kind="blog")

    users = [p.user for p in people]
    big_discussion = max(12, min(context.size // 45, 1100))
    _pictures(news[:10] + blogs[:6])
    _discussions(rng, news + blogs, users, big_discussion)
    _likes(rng, news + blogs, users)
    context.log(f"  Nieuws: {len(news)} nieuwsberichten, {len(blogs)} blogberichten")


def _editors(context):
    """The demo 'redacteur' publishes news: put them in the news editors' group."""
    group, _ = Group.objects.get_or_create(name=EDITORS)
    user = get_user_model().objects.filter(username="redacteur").first()
    if user is not None:
        user.groups.add(group)


def _index(home, model, title, slug, intro):
    existing = model.objects.child_of(home).filter(slug=slug).first()
    if existing:
        return existing
    index = model(title=title, slug=slug, intro=intro)
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def _articles(context, rng, index, model, count, categories, authors, kind):
    existing = {page.slug: page for page in model.objects.child_of(index)}
    made = []
    for number in range(1, count + 1):
        # Draw for every number, made or not, so that a rerun yields the same pages.
        if kind == "news":
            topic, category = NEWS_TOPICS[(number - 1) % len(NEWS_TOPICS)]
        else:
            topic, category = BLOG_TOPICS[(number - 1) % len(BLOG_TOPICS)], rng.choice(CATEGORIES)
        title = topic if number <= len(NEWS_TOPICS) else f"{topic} ({number})"
        slug = f"{slugify(topic)}-{number}"
        author = rng.choice(authors)
        date = ANCHOR - timedelta(days=number * 3 + rng.randint(0, 2), hours=rng.randint(0, 8))
        paragraphs = rng.sample(PARAGRAPHS, 3)
        quote, source = rng.choice(QUOTES)
        extra_category = rng.choice(CATEGORIES)
        if slug in existing:
            made.append(existing[slug])
            continue
        body = [
            {"type": "text", "value": "".join(f"<p>{p}</p>" for p in paragraphs[:2])},
            {"type": "quote", "value": {"quote": quote, "source": source}},
            {"type": "text", "value": f"<p>{paragraphs[2]}</p>"},
        ]
        page = model(
            title=title,
            slug=slug,
            intro=paragraphs[0],
            body=body,
            date=date,
            author=author,
            live=True,
            first_published_at=date,
            last_published_at=date,
        )
        if kind == "news":
            page.pinned = number <= 2
        index.add_child(instance=page)
        page.categories.set({categories[category], categories[extra_category]})
        page.save()
        made.append(page)
        context.progress("Nieuwsberichten" if kind == "news" else "Blogberichten", number, count)
    return made


def _discussions(rng, pages, users, big):
    """A few comments on most pages, and one long discussion on the newest news item."""
    if not pages:
        return
    content_types = {type(p): ContentType.objects.get_for_model(p) for p in pages}
    commented = set(XtdComment.objects.values_list("content_type_id", "object_pk").distinct())
    for position, page in enumerate(pages):
        wanted = big if position == 0 else rng.randint(0, 4)
        replies = [rng.random() < 0.4 for _ in range(wanted)]
        texts = [rng.choice(COMMENTS) for _ in range(wanted)]
        answers = [rng.choice(REPLIES) for _ in range(wanted)]
        writers = [rng.choice(users) for _ in range(wanted)]
        content_type = content_types[type(page)]
        if (content_type.pk, str(page.pk)) in commented or not wanted:
            continue
        previous = None
        for number in range(wanted):
            reply = replies[number] and previous is not None
            comment = XtdComment(
                content_type=content_type,
                object_pk=str(page.pk),
                site_id=1,
                user=writers[number],
                user_name=writers[number].get_full_name()[:50] or writers[number].username,
                user_email=writers[number].email,
                comment=answers[number] if reply else texts[number],
                submit_date=page.date + timedelta(hours=1, minutes=number),
                parent_id=previous.pk if reply else 0,
            )
            comment.save()
            if not reply:
                previous = comment


def _likes(rng, pages, users):
    rows = []
    for page in pages:
        content_type = ContentType.objects.get_for_model(page)
        for user in rng.sample(users, min(len(users), rng.randint(0, 12))):
            rows.append(Like(content_type=content_type, object_id=page.pk, user=user))
    Like.objects.bulk_create(rows, ignore_conflicts=True, batch_size=1000)
    likes_changed_in_bulk()


def _pictures(pages):
    """Header images for the newest articles: drawn town, office and meeting scenes (intranet.demo_images)."""
    image_model = get_image_model()
    for number, page in enumerate(pages):
        if page.header_image_id:
            continue
        scene = ("town", "office", "meeting")[number % 3]
        upload = ContentFile(picture(scene, page.slug), name=f"{page.slug[:60]}.jpg")
        image = image_model.objects.create(title=page.title[:255], file=upload)
        type(page).objects.filter(pk=page.pk).update(header_image=image)
