"""Demo must-read: a new integrity code for everyone, confirmed by about a third of the organisation, so
the homepage of the demo account "medewerker" shows it and the progress page has figures."""

from datetime import timedelta

from django.utils import timezone

from mustread.models import Confirmation, MustRead
from people.models import Person

TITLE = "Nieuwe integriteitscode: lees en bevestig"
SLUG = "nieuwe-integriteitscode"
INTRO = "Vanaf deze maand geldt een vernieuwde integriteitscode. Lees hem en bevestig dat je hem begrijpt."
BODY = [
    {
        "type": "text",
        "value": (
            "<p>De gemeente heeft de integriteitscode vernieuwd. Nieuw zijn de regels over geschenken en "
            "uitnodigingen, nevenwerkzaamheden en het melden van vermoedens van misstanden.</p>"
            "<p>Lees de code en bevestig onderaan met de knop <b>Gelezen en begrepen</b>.</p>"
        ),
    }
]
CONFIRMING_SHARE = 3  # one in three people has confirmed already


def seed(context):
    from news.models import NewsIndexPage, NewsPage

    index = NewsIndexPage.objects.live().order_by("path").first()
    if index is None:
        return
    page = NewsPage.objects.child_of(index).filter(slug=SLUG).first()
    if page is None:
        page = NewsPage(title=TITLE, slug=SLUG, intro=INTRO, body=BODY, pinned=True)
        index.add_child(instance=page)
        page.save_revision().publish()
        page.refresh_from_db()
    must_read, created = MustRead.objects.get_or_create(
        page=page,
        defaults={"revision_id": page.live_revision_id, "deadline": timezone.localdate() + timedelta(days=14)},
    )
    if not created:
        return
    people = Person.objects.filter(is_active=True).exclude(user__username__in=["medewerker", "redacteur", "beheerder"])
    people = people.select_related("organisation_unit").order_by("pk")
    now = timezone.now()
    Confirmation.objects.bulk_create(
        [
            Confirmation(
                must_read=must_read,
                page_title=page.title,
                version=1,
                revision_id=page.live_revision_id,
                user_id=person.user_id,
                name=person.full_name,
                employee_number=person.employee_number,
                unit_name=person.organisation_unit.name if person.organisation_unit else "",
                confirmed_at=now - timedelta(hours=context.random.randint(1, 72)),
            )
            for number, person in enumerate(people.iterator(chunk_size=2000))
            if number % CONFIRMING_SHARE == 0
        ],
        batch_size=1000,
    )
    context.log(f"Verplicht gelezen: “{page.title}”")
