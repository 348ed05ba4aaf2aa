"""Tokens and webhooks in the Wagtail admin: superusers only, the secret shown once, SSRF refused in the form."""

import re

import pytest
from django.urls import reverse

from api import tokens
from api.models import ApiCall, ApiToken, Webhook

pytestmark = pytest.mark.django_db


def test_creating_a_token_shows_the_secret_once(admin_client, ict):
    response = admin_client.post(
        reverse("api_tokens:add"),
        {"name": "TOPdesk ICT", "departments": [ict.pk], "scopes": "requests:read requests:write:ICT", "active": "on"},
    )
    assert response.status_code == 200, response.content[:500]
    assert "no-store" in response["Cache-Control"]
    secret = re.search(r'value="(plein_[^"]+)"', response.content.decode()).group(1)
    token = ApiToken.objects.get()
    assert tokens.lookup(secret) == token and token.secret_hash == tokens.digest(secret)
    assert list(token.departments.all()) == [ict]
    for url in (reverse("api_tokens:index"), reverse("api_tokens:edit", args=[token.pk])):
        page = admin_client.get(url).content.decode()
        assert token.prefix in page and secret not in page


def test_unknown_scopes_are_a_form_error(admin_client, ict):
    response = admin_client.post(reverse("api_tokens:add"), {"name": "X", "scopes": "alles:mag"})
    assert response.status_code == 200
    assert "alles:mag" in response.content.decode()
    assert not ApiToken.objects.exists()


def test_revoking_in_the_admin(admin_client, ict):
    token, secret = tokens.create("TOPdesk", ["requests:read"], [ict])
    response = admin_client.post(
        reverse("api_tokens:edit", args=[token.pk]),
        {"name": "TOPdesk", "departments": [ict.pk], "scopes": "requests:read"},
    )
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None and tokens.lookup(secret) is None


def test_webhook_form_refuses_http_and_internal_addresses(admin_client, ict, settings):
    settings.API_WEBHOOK_ALLOW_PRIVATE = False
    for url in ("http://topdesk.example/hook", "https://10.0.0.8/hook"):
        response = admin_client.post(
            reverse("api_webhooks:add"), {"name": "T", "department": ict.pk, "url": url, "active": "on"}
        )
        assert response.status_code == 200 and not Webhook.objects.exists(), url
    response = admin_client.post(
        reverse("api_webhooks:add"),
        {"name": "T", "department": ict.pk, "url": "https://topdesk.example/hook", "active": "on"},
    )
    assert Webhook.objects.get().secret in response.content.decode()


def test_only_superusers_reach_the_api_admin(client, employee, ict):
    from django.contrib.auth.models import Permission

    token, _secret = tokens.create("TOPdesk", ["requests:read"], [ict])
    ApiCall.objects.create(token=token, method="GET", path="/api/v1/requests", status=200)
    employee.user_permissions.add(Permission.objects.get(codename="access_admin"))
    # Even with the model permissions a group might hand out, only superusers manage tokens.
    employee.user_permissions.add(*Permission.objects.filter(content_type__app_label="api"))
    client.force_login(employee)
    for name in ("api_tokens:index", "api_tokens:add", "api_webhooks:index", "api_calls:index", "api_deliveries:index"):
        response = client.get(reverse(name))
        assert response.status_code in (302, 403), name
    assert client.get(reverse("api_tokens:edit", args=[token.pk])).status_code in (302, 403)


def test_the_logs_are_read_only(admin_client, ict):
    token, _secret = tokens.create("TOPdesk", ["requests:read"], [ict])
    call = ApiCall.objects.create(token=token, method="GET", path="/api/v1/requests", status=200)
    assert admin_client.get(reverse("api_calls:index")).status_code == 200
    assert admin_client.get(reverse("api_deliveries:index")).status_code == 200
    assert admin_client.get(reverse("api_calls:edit", args=[call.pk])).status_code in (302, 403)
    assert admin_client.post(reverse("api_calls:delete", args=[call.pk])).status_code in (302, 403)
    assert ApiCall.objects.filter(pk=call.pk).exists()
