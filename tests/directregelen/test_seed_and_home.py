"""Demo data (deterministic, rerunnable), the bench pages, and the homepage block."""

import io

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from directregelen.bench import bench_pages
from directregelen.models import DepartmentPage, Request, ServicePage
from intranet.seeding import SeedContext, app_seeders
from tests.directregelen.test_my_requests import make_request
from tests.factories import OrganisationUnitFactory, PersonFactory

pytestmark = pytest.mark.django_db


def run_seed(size=40):
    """Direct regelen's seeder on top of the demo employee it expects (people's own seeder is tested there)."""
    PersonFactory(user__username="medewerker", first_name="Sanne", last_name="Boer")
    unit = OrganisationUnitFactory(name="ICT", slug="ict")
    PersonFactory(first_name="Ilse", last_name="Jansen", organisation_unit=unit)
    context = SeedContext(size=size, stdout=io.StringIO())
    context.data["departments"] = {"ICT": [unit]}
    for name, seeder in app_seeders():
        if name == "directregelen":
            seeder(context)
    return context


def counts():
    return (
        DepartmentPage.objects.count(),
        ServicePage.objects.count(),
        Request.objects.count(),
        Group.objects.filter(name__contains="redacteuren").count(),
        sorted(Request.objects.values_list("reference", flat=True)),
    )


def test_seed_builds_the_portal_and_is_safe_to_run_twice(home):
    run_seed()
    first = counts()
    assert first[0] == 4 and first[1] >= 12 and first[3] == 8
    assert Request.objects.filter(requester__username="medewerker").exists()
    assert set(DepartmentPage.objects.values_list("title", flat=True)) == {"P&O", "Communicatie", "ICT", "Facilitair"}
    laptop = ServicePage.objects.get(slug="nieuwe-laptop")
    assert laptop.content_owner.full_name == "Ilse Jansen" and laptop.contact_person == laptop.content_owner
    assert ServicePage.objects.filter(review_by__lt=timezone.localdate()).exists()  # for the freshness report
    leave = ServicePage.objects.get(slug="verlof-aanvragen")
    assert "vakantie" in leave.keywords
    assert list(ServicePage.objects.live().search("vakantie"))[0] == leave
    context = SeedContext(size=40, stdout=io.StringIO())
    dict(app_seeders())["directregelen"](context)
    assert counts() == first


def test_bench_pages_answer(client, home):
    run_seed()
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username="medewerker"))
    pages = bench_pages()
    assert {label for label, _ in pages} >= {"Direct regelen", "Mijn aanvragen"}
    for _label, path in pages:
        assert client.get(path).status_code == 200, path


@pytest.mark.parametrize("count", [1, 15])
def test_homepage_block_shows_shortcuts_and_open_requests(
    employee_client, employee, ict, leave_service, count, django_assert_max_num_queries
):
    for _ in range(count):
        make_request(employee, ict)
    from directregelen.services import record_service_view

    record_service_view(leave_service)
    employee_client.get("/")
    with django_assert_max_num_queries(40):
        html = employee_client.get("/").content.decode()
    block = html[html.index('data-block="directregelen.shortcuts"') :]
    assert "Verlof aanvragen" in block
    assert f"({count} open)" in block
    assert "Mijn aanvragen" in block


def test_homepage_block_follows_the_portal_being_renamed_and_unpublished(employee_client, portal):
    assert 'href="/direct-regelen/">Direct regelen</a>' in employee_client.get("/").content.decode()
    portal.title = "Regelen"
    portal.save_revision().publish()
    assert 'href="/direct-regelen/">Regelen</a>' in employee_client.get("/").content.decode()
    portal.unpublish()
    assert 'data-block="directregelen.shortcuts"' not in employee_client.get("/").content.decode()


def test_the_open_count_on_the_homepage_follows_new_and_finished_requests_at_once(
    employee_client, employee, ict, ict_staff
):
    """The count is kept per requester (directregelen.selectors.open_request_count): each change shows."""
    from directregelen import services

    def shown():
        html = employee_client.get("/").content.decode()
        block = html[html.index('data-block="directregelen.shortcuts"') :]
        return block[: block.index("</section>")]

    first = make_request(employee, ict)
    assert "(1 open)" in shown()
    make_request(employee, ict)
    assert "(2 open)" in shown()
    services.respond(ict_staff, first, status=Request.Status.DONE, body="Opgelost.")
    assert "(1 open)" in shown()
