"""The page tree, the portal, department and service pages, search keywords and usage counts."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Page

from directregelen.models import (
    DepartmentPage,
    DirectRegelenPage,
    PortalTask,
    RelatedService,
    RequestFormPage,
    ServicePage,
)
from directregelen.selectors import popular_services
from directregelen.services import record_service_view
from home.models import HomePage
from intranet.models import DailyPageView
from tests.directregelen.conftest import make_form, make_service
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

# Base layout plus the page's own queries; the same whatever the number of services.
MAX_QUERIES = 24


def test_page_tree_rules(home):
    assert DirectRegelenPage.can_create_at(home)
    assert DirectRegelenPage.allowed_subpage_models() == [DepartmentPage]
    assert set(DepartmentPage.allowed_subpage_models()) == {ServicePage, RequestFormPage}
    assert DepartmentPage.allowed_parent_page_models() == [DirectRegelenPage]
    assert ServicePage.allowed_parent_page_models() == [DepartmentPage]
    assert RequestFormPage.allowed_parent_page_models() == [DepartmentPage]
    assert ServicePage.allowed_subpage_models() == []
    assert not ServicePage.can_create_at(home)
    assert not DepartmentPage.can_create_at(home)
    assert HomePage not in DirectRegelenPage.allowed_subpage_models()


def test_only_one_portal(portal, home):
    assert not DirectRegelenPage.can_create_at(home)


def test_service_cannot_link_both_a_form_and_an_application(ict, ict_form):
    service = ServicePage(
        title="Laptop", slug="laptop", summary="x", action_page=ict_form, action_url="https://a.example"
    )
    with pytest.raises(Exception) as error:
        service.full_clean()
    assert "action_url" in str(error.value)


def test_portal_shows_tasks_popular_services_and_a_to_z(employee_client, portal, po, ict, leave_service):
    laptop = make_service(ict, "Nieuwe laptop", "nieuwe-laptop")
    make_service(ict, "Accountbeheer", "accountbeheer")
    PortalTask.objects.create(portal=portal, label="vakantie opnemen", link_page=leave_service, sort_order=0)
    DailyPageView.objects.create(page=laptop, day=timezone.localdate(), views=12)
    DailyPageView.objects.create(page=leave_service, day=timezone.localdate(), views=3)
    html = employee_client.get("/direct-regelen/").content.decode()
    assert "<h1>Direct regelen</h1>" in html
    assert "Ik wil..." in html and "vakantie opnemen" in html
    assert "Meest gebruikt" in html
    popular = html[html.index("Meest gebruikt") : html.index("Alle diensten van A tot Z")]
    assert popular.index("Nieuwe laptop") < popular.index("Verlof aanvragen")
    assert "Accountbeheer" not in popular
    az = html[html.index("Alle diensten van A tot Z") :]
    a, n, v = (az.index(f'id="letter-{letter}">') for letter in "anv")
    assert a < az.index("Accountbeheer") < n < az.index("Nieuwe laptop") < v < az.index("Verlof aanvragen")


def test_popular_counts_only_recent_days(po, leave_service, ict):
    laptop = make_service(ict, "Nieuwe laptop", "nieuwe-laptop")
    old = timezone.localdate() - datetime.timedelta(days=60)
    DailyPageView.objects.create(page=laptop, day=old, views=500)
    DailyPageView.objects.create(page=leave_service, day=timezone.localdate(), views=1)
    assert popular_services() == [leave_service]


def test_opening_a_service_counts_per_day_not_per_person(client, employee, other_employee, leave_service):
    for user in (employee, other_employee, employee):
        client.force_login(user)
        assert client.get("/direct-regelen/p-en-o/verlof-aanvragen/").status_code == 200
    row = DailyPageView.objects.get(page=leave_service)
    assert row.views == 2 and row.day == timezone.localdate()  # a person counts once a day
    assert not any(field.name in ("user", "person") for field in DailyPageView._meta.get_fields())
    record_service_view(leave_service, day=timezone.localdate() + datetime.timedelta(days=1))
    assert DailyPageView.objects.filter(page=leave_service).count() == 2


def test_department_page_shows_services_forms_and_contact(employee_client, ict, ict_form):
    make_service(ict, "Nieuwe laptop", "nieuwe-laptop", summary="Vraag een laptop aan.")
    html = employee_client.get("/direct-regelen/ict/").content.decode()
    assert "<h1>ICT</h1>" in html
    assert "Vraag een laptop aan." in html
    assert "Online formulieren" in html and "Storing melden" in html
    assert "Openingstijden" in html and "Ma-vr 9-17" in html


def test_service_page_shows_everything_an_employee_needs(employee_client, ict, ict_form):
    contact = PersonFactory(first_name="Ilse", last_name="Jansen", job_title="Servicedeskmedewerker")
    other = make_service(ict, "Wachtwoord vergeten", "wachtwoord-vergeten")
    service = make_service(
        ict,
        "Nieuwe laptop",
        "nieuwe-laptop",
        summary="Vraag een laptop aan.",
        what_you_arrange="<p>Een laptop voor je werk.</p>",
        steps="<ol><li>Vul het formulier in.</li></ol>",
        conditions="<p>Je laptop is ouder dan vier jaar.</p>",
        costs="Geen",
        lead_time="Twee weken",
        action_label="Vraag een laptop aan",
        action_page=ict_form,
        contact_person=contact,
    )
    RelatedService.objects.create(page=service, service=other)
    html = employee_client.get("/direct-regelen/ict/nieuwe-laptop/").content.decode()
    for text in (
        "Wat je hier regelt",
        "Een laptop voor je werk.",
        "Zo werkt het",
        "Voorwaarden",
        "Kosten en doorlooptijd",
        "Twee weken",
        "Je contactpersoon",
        "Ilse Jansen",
        "Gerelateerde diensten",
        "Wachtwoord vergeten",
    ):
        assert text in html, text
    assert '<a class="button" href="/direct-regelen/ict/storing-melden/">Vraag een laptop aan</a>' in html


def test_search_keywords_find_synonyms(leave_service, ict):
    make_service(ict, "Nieuwe laptop", "nieuwe-laptop", keywords="computer, notebook")
    assert list(ServicePage.objects.live().search("vakantie")) == [leave_service]
    assert list(ServicePage.objects.live().search("verlof")) == [leave_service]


def test_pages_need_a_login(client, leave_service):
    response = client.get("/direct-regelen/p-en-o/verlof-aanvragen/")
    assert response.status_code == 302 and "/inloggen/" in response["Location"]


def _fill(portal, ict, count):
    person = PersonFactory()
    form_page = (
        Page.objects.get(slug="storing-melden").specific
        if Page.objects.filter(slug="storing-melden").exists()
        else make_form(ict)
    )
    services = []
    for index in range(count):
        service = make_service(
            ict, f"Dienst {index:02d}", f"dienst-{index}", contact_person=person, action_page=form_page
        )
        DailyPageView.objects.create(page=service, day=timezone.localdate(), views=index + 1)
        PortalTask.objects.create(portal=portal, label=f"taak {index}", link_page=service, sort_order=index)
        services.append(service)
    for service in services[:count]:
        for other in services[:3]:
            RelatedService.objects.create(page=service, service=other)
    return services


@pytest.mark.parametrize("count", [1, 12])
@pytest.mark.parametrize(
    "url",
    [
        "/direct-regelen/",
        "/direct-regelen/ict/",
        "/direct-regelen/ict/dienst-0/",
        "/direct-regelen/ict/storing-melden/",
    ],
)
def test_page_query_counts_are_fixed(employee_client, portal, ict, count, url, django_assert_max_num_queries):
    _fill(portal, ict, count)
    employee_client.get(url)  # warm the per-site caches every later request has too
    with django_assert_max_num_queries(MAX_QUERIES):
        response = employee_client.get(url)
    assert response.status_code == 200
