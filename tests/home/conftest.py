import io
from datetime import time, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from tests.factories import OrganisationUnitFactory, PersonFactory


def image_upload(name="foto.jpg", size=(800, 400), fmt="JPEG", content_type="image/jpeg"):
    buffer = io.BytesIO()
    Image.new("RGB", size, (21, 66, 115)).save(buffer, format=fmt)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=content_type)


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def fill_homepage(home, person):
    """fill_homepage(size): data for every block on the homepage, `size` items of each kind."""

    def fill(size):
        from directregelen.models import DirectRegelenPage
        from home import services as home_services
        from intranet.models import DailyPageView
        from launcher.models import App
        from launcher.services import pin
        from news.models import NewsIndexPage, NewsPage
        from rooms.models import Booking, Building, Room
        from tests.directregelen.conftest import make_department, make_service

        unit = OrganisationUnitFactory(name="Ruimte", slug="ruimte")
        team = OrganisationUnitFactory(parent=unit, name="GIS", slug="gis", kind="team")
        person.organisation_unit = team
        person.save()
        user = person.user
        for number in range(size):
            app = App.objects.create(name=f"App {number}", url=f"https://app{number}.example/")
            app.units.set([unit] if number % 2 else [])
            if number % 3 == 0:
                pin(user, app)

        news = _publish(home, NewsIndexPage(title="Nieuws", slug="nieuws"))
        for number in range(size):
            _publish(news, NewsPage(title=f"Bericht {number}", slug=f"bericht-{number}", pinned=number == 0))

        portal = _publish(home, DirectRegelenPage(title="Direct regelen", slug="direct-regelen"))
        department = make_department(portal, "ICT", "ict", "ICT")
        for number in range(size):
            service = make_service(department, f"Dienst {number}", f"dienst-{number}")
            DailyPageView.objects.create(page=service, day=timezone.localdate(), views=number + 1)

        building = Building.objects.create(name="Stadhuis", address="Markt 1", opens_at=time(7), closes_at=time(19))
        room = Room.objects.create(building=building, name="Zaal Amstel", floor=1, capacity=6)
        start = timezone.now() + timedelta(days=1)
        for number in range(size):
            begin = start + timedelta(hours=2 * number)
            Booking.objects.create(
                room=room, organiser=person, title=f"Overleg {number}", start=begin, end=begin + timedelta(hours=1)
            )

        for number in range(size):
            PersonFactory(start_date=timezone.localdate() - timedelta(days=number % 20), organisation_unit=unit)

        from prikbord.services import create_post

        for number in range(size):
            photos = [image_upload(f"fiets-{number}.jpg", size=(120, 80))] if number % 2 == 0 else []
            create_post(user, category="te-koop", title=f"Fiets {number}", text="Blauw.", photos=photos)

        photographer = PersonFactory(first_name="Fenna", last_name="Fotograaf")
        submission = home_services.submit_photo(photographer.user, title="Stadhuis", upload=image_upload())
        from wagtail.models import Site

        editor = PersonFactory().user
        editor.is_superuser = True
        editor.save()
        home_services.choose_photo(editor, submission, Site.objects.get(is_default_site=True))
        return person

    return fill


@pytest.fixture(autouse=True)
def _forget_cached_blocks(db):
    """The block list and hero are cached by page and photo id; ids repeat between tests."""
    from django.core.cache import cache
    from django.core.cache.utils import make_template_fragment_key

    from home.blocks import settings_key
    from home.models import HomePage

    def forget():
        for page_id in HomePage.objects.values_list("pk", flat=True):
            cache.delete(settings_key(page_id))
        for photo_id in range(1, 20):
            cache.delete(make_template_fragment_key("home_hero_photo", [photo_id]))

    forget()
    yield
    forget()
