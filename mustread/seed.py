"""Demo must-read: a new integrity code for everyone, confirmed by about a third of the organisation, so
the homepage of the demo account "medewerker" shows it and the progress page has figures."""

from datetime import timedelta

from django.utils import timezone

from mustread.models import Confirmation, MustRead
from news import services as news
from people.models import Person

TITLE = "Nieuwe integriteitscode: lees en bevestig"
SLUG = "nieuwe-integriteitscode"
TEXT = (
    "De gemeente heeft de integriteitscode vernieuwd. Nieuw zijn de regels over geschenken en uitnodigingen, "
    "nevenwerkzaamheden en het melden van vermoedens van misstanden.\n\n"
    "Lees de code en bevestig onderaan met de knop Gelezen en begrepen."
)
CONFIRMING_SHARE = 3  # one in three people has confirmed already


def seed(context):
    # Through news' public face (issue 22): must-read marks a page, it does not build news items itself.

    index = news.news_overview()
    if index is None:
        return
    page = index.get_children().live().filter(title=TITLE).specific().first()
    if page is None:
        page = news.publish_item(
            None, index, title=TITLE, text=TEXT, category=("Organisatie", "organisatie"), fallback_slug=SLUG
        )
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
                page_ref=page.pk,
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
