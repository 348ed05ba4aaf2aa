"""A department's handlers manage their own departments' webhooks in the admin; another's is a 404."""

import re

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse
from wagtail.models import ModelLogEntry

from api.models import Webhook, WebhookDelivery
from tests.api.conftest import count_queries
from tests.directregelen.conftest import po_staff  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db

INDEX = reverse("api_department_webhooks")
ADD = reverse("api_department_webhooks_add")


def switch_url(webhook):
    return reverse("api_department_webhooks_switch", args=[webhook.pk])


def delete_url(webhook):
    return reverse("api_department_webhooks_delete", args=[webhook.pk])


def make_webhook(department, name, **extra):
    return Webhook.objects.create(name=name, department=department, url=f"https://{name}.example/hook", **extra)


def deliver(webhook, count=1, **extra):
    for number in range(count):
        WebhookDelivery.objects.create(webhook=webhook, event="request.created", payload={"n": number}, **extra)


@pytest.fixture
def hooks(ict, po):
    return make_webhook(ict, "topdesk-ict"), make_webhook(po, "hr-systeem")


@pytest.fixture
def po_client(client, po_staff):  # noqa: F811
    client.force_login(po_staff)
    return client


def test_a_handler_sees_only_their_departments_webhooks_and_deliveries(po_client, hooks):
    ict_hook, po_hook = hooks
    deliver(ict_hook, error="geheim-ict-fout")
    deliver(po_hook, status=WebhookDelivery.Status.FAILED, attempts=7, error="Verbinding geweigerd")
    page = po_client.get(INDEX).content.decode()
    assert "hr-systeem" in page and "Verbinding geweigerd" in page
    assert "topdesk-ict" not in page and "geheim-ict-fout" not in page
    assert po_hook.secret not in page


def test_another_departments_webhook_is_a_404(po_client, hooks):
    ict_hook, _po_hook = hooks
    assert po_client.post(switch_url(ict_hook), {"active": "0"}).status_code == 404
    assert po_client.post(delete_url(ict_hook)).status_code == 404
    ict_hook.refresh_from_db()
    assert ict_hook.active


def test_a_handler_switches_and_deletes_their_own(po_client, hooks, po_staff):  # noqa: F811
    _ict_hook, po_hook = hooks
    deliver(po_hook, 2)
    assert po_client.get(switch_url(po_hook)).status_code == 405  # POST only
    assert po_client.post(switch_url(po_hook), {"active": "0"}).status_code == 302
    po_hook.refresh_from_db()
    assert not po_hook.active
    po_client.post(switch_url(po_hook), {"active": "1"})
    po_hook.refresh_from_db()
    assert po_hook.active
    assert po_client.post(delete_url(po_hook)).status_code == 302
    assert not Webhook.objects.filter(pk=po_hook.pk).exists()
    assert not WebhookDelivery.objects.filter(webhook_id=po_hook.pk).exists()
    actions = ModelLogEntry.objects.filter(object_id=str(po_hook.pk), user=po_staff).values_list("action", flat=True)
    assert sorted(actions) == ["wagtail.delete", "wagtail.edit", "wagtail.edit"]


def test_posts_need_the_csrf_token(po_staff, hooks):  # noqa: F811
    client = Client(enforce_csrf_checks=True)
    client.force_login(po_staff)
    assert client.post(delete_url(hooks[1])).status_code == 403
    assert Webhook.objects.filter(pk=hooks[1].pk).exists()


def test_creating_one_for_their_department_shows_the_secret_once(po_client, po, ict):
    page = po_client.get(ADD).content.decode()
    assert "P&amp;O" in page and ">ICT<" not in page
    response = po_client.post(ADD, {"name": "HR", "department": po.pk, "url": "https://hr.example/hook"})
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    webhook = Webhook.objects.get()
    assert (webhook.department, webhook.url, webhook.active) == (po, "https://hr.example/hook", True)
    assert re.search(rf'value="{re.escape(webhook.secret)}"', response.content.decode())
    assert webhook.secret not in po_client.get(INDEX).content.decode()


def test_no_webhook_for_another_department_nor_an_address_inside(po_client, ict, po, settings):
    settings.API_WEBHOOK_ALLOW_PRIVATE = False
    cases = [(ict, "https://ict.example/hook", "department"), (po, "http://hr.example/hook", "url")]
    cases.append((po, "https://10.0.0.8/", "url"))  # Webhook.clean(): no https, nor inside
    for department, url, field in cases:
        response = po_client.post(ADD, {"name": "X", "department": department.pk, "url": url})
        assert response.status_code == 200 and field in response.context["form"].errors, url
    assert not Webhook.objects.exists()


def test_a_password_in_the_url_is_not_listed(po_client, po):
    Webhook.objects.create(name="HR", department=po, url="https://hook:s3cr3t@hr.example/hook")
    page = po_client.get(INDEX).content.decode()
    assert "s3cr3t" not in page and "hook:•••@hr.example/hook" in page


def test_an_employee_who_handles_no_department_finds_nothing(client, employee, hooks):
    ict_hook, po_hook = hooks
    urls = [INDEX, ADD, switch_url(po_hook), delete_url(po_hook)]
    client.force_login(employee)
    for url in urls:  # no admin access at all: the login page
        assert client.post(url).status_code == 302, url
    employee.user_permissions.add(Permission.objects.get(codename="access_admin"))
    for url in urls:  # the admin, but no department to handle
        assert client.post(url).status_code == 404, url
    assert client.get(INDEX).status_code == 404
    assert "webhooks-van-mijn-afdeling" not in client.get(reverse("wagtailadmin_home")).content.decode()
    assert Webhook.objects.count() == 2 and all(Webhook.objects.values_list("active", flat=True))


def test_the_menu_shows_it_to_handlers(po_client):
    page = po_client.get(reverse("wagtailadmin_home")).content.decode()
    assert INDEX in page and "Webhooks van mijn afdeling" in page


def test_the_query_count_does_not_grow(po_client, ict, po):
    def add(count):
        for _ in range(count):
            deliver(make_webhook(po, f"hr-{Webhook.objects.count()}"), 3)
            make_webhook(ict, f"ict-{Webhook.objects.count()}")

    add(1)
    few = count_queries(po_client, INDEX)
    add(8)
    assert count_queries(po_client, INDEX) == few
