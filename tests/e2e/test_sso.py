"""An employee signs in with the organisation's account at a real local OpenID provider, and out again."""

import pytest
from django.contrib.auth.models import Group

from people.models import RoleGroupMapping
from tests.factories import PersonFactory
from tests.sso_provider import Provider


@pytest.fixture
def provider(settings):
    running = Provider()
    running.configure(settings)
    yield running
    running.stop()


def sign_in(page, provider, sub):
    page.goto("/")
    assert "/inloggen/" in page.url
    page.get_by_role("link", name="Inloggen met je organisatie-account").click()
    page.wait_for_url(provider.issuer + "/oauth2/authorize**")
    page.locator("input[name=sub]").fill(sub)
    page.get_by_role("button", name="Authorize").click()
    page.wait_for_url("**/")


def test_employee_signs_in_with_the_organisation_and_out_of_both(new_page, provider, live_server, assert_accessible):
    anna = PersonFactory(first_name="Anna", last_name="Smit", email="anna@gemeente.nl", employee_number="2001")
    editors, _ = Group.objects.get_or_create(name="Redactie Facilitair")
    RoleGroupMapping.objects.create(role="facilitair-editor", group=editors)
    provider.set_user("entra-anna", email="anna@gemeente.nl", roles=["facilitair-editor"])

    page = new_page()
    page.goto("/inloggen/")
    assert_accessible(page)
    sign_in(page, provider, "entra-anna")
    assert page.locator("h1").inner_text() == "Goed je te zien, Anna"
    assert list(anna.user.groups.values_list("name", flat=True)) == ["Redactie Facilitair"]

    # Logging out passes the provider's end-session page and comes back to the login page.
    page.locator(".user-menu summary").click()
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_url(provider.issuer + "/oauth2/end_session**")
    assert "id_token_hint=" in page.url
    page.get_by_role("button", name="End session").click()
    page.wait_for_url(f"{live_server.url}/inloggen/")
    page.goto("/")
    assert "/inloggen/" in page.url

    # The role is taken away at the provider: gone in Plein after the next login.
    provider.set_user("entra-anna", email="anna@gemeente.nl", roles=[])
    sign_in(page, provider, "entra-anna")
    assert page.locator("h1").inner_text() == "Goed je te zien, Anna"
    assert not anna.user.groups.exists()
