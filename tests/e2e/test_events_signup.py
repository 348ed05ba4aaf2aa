"""Signing up for an event on a phone: the last place, the waiting list, moving up after a
cancellation; axe-core on the agenda, the month and an event page."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from agenda.models import EventIndexPage, EventPage, Signup
from social.models import Notification
from tests.e2e.conftest import DESKTOP, PHONE
from tests.factories import PersonFactory

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture
def training(transactional_db):
    agenda = EventIndexPage.objects.get()
    start = timezone.localtime().replace(hour=10, minute=0, second=0, microsecond=0) + timedelta(days=9)
    page = EventPage(
        title="Training toegankelijk schrijven",
        slug="training",
        start=start,
        end=start + timedelta(hours=3),
        place="Stadskantoor, lokaal 2.14",
        description="Schrijven op B1-niveau.",
        signup_enabled=True,
        capacity=1,
    )
    agenda.add_child(instance=page)
    page.save_revision().publish()
    return EventPage.objects.get(pk=page.pk)


def test_last_place_waiting_list_and_moving_up_on_a_phone(new_page, training, assert_accessible):
    sanne = PersonFactory(first_name="Sanne", last_name="Boer", user__username="sanne").user
    ahmed = PersonFactory(first_name="Ahmed", last_name="Yilmaz", user__username="ahmed").user

    first = new_page(user=sanne, viewport=PHONE)
    first.goto("/agenda/")
    assert first.locator("h1").inner_text() == "Agenda"
    assert_accessible(first)
    first.get_by_role("link", name="Training toegankelijk schrijven").click()
    expect(first.locator(".events-facts")).to_contain_text("1 van 1 plaatsen vrij")
    assert_accessible(first)
    first.get_by_role("button", name="Ik ga", exact=True).click()
    expect(first.locator(".messages")).to_contain_text("Je bent aangemeld.")
    assert "Je gaat" in first.locator("#signup-title + p").inner_text()

    second = new_page(user=ahmed, viewport=PHONE)
    second.goto(training.url)
    second.get_by_role("button", name="Zet me op de wachtlijst").click()
    expect(second.locator(".messages")).to_contain_text("wachtlijst")
    assert "Je staat op de wachtlijst" in second.locator("#signup-title + p").inner_text()
    assert_accessible(second)

    first.get_by_role("button", name="Ik ga niet").click()
    expect(first.locator(".messages")).to_contain_text("Opgeslagen: je gaat niet.")

    second.reload()
    assert "Je gaat" in second.locator("#signup-title + p").inner_text()
    assert Signup.objects.get(person=ahmed.person).status == Signup.Status.GOING
    assert Notification.objects.filter(recipient=ahmed, title__contains="plek vrijgekomen").exists()


def test_axe_on_the_month_and_archive(new_page, training, assert_accessible):
    user = PersonFactory(user__username="lezer").user
    page = new_page(user=user, viewport=DESKTOP)
    page.goto(f"/agenda/maand/?maand={timezone.localtime(training.start):%Y-%m}")
    assert page.get_by_role("link", name="10:00 Training toegankelijk schrijven").is_visible()
    assert_accessible(page)
    page.goto("/agenda/archief/")
    assert_accessible(page)
