"""Single sign-on against a real OpenID Connect provider on the loopback address (tests/sso_provider.py)."""

import time
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import Group, User

from people.models import ExternalIdentity, RoleGroupMapping
from tests.factories import PersonFactory
from tests.sso_provider import CLIENT_ID, Provider, query

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def provider():
    running = Provider()
    yield running
    running.stop()


@pytest.fixture
def sso(provider, settings):
    provider.configure(settings)
    provider.tamper = None
    yield provider
    provider.tamper = None


def login(client, provider, sub, next_url=None, deny=False):
    """The whole flow: Plein → provider → Plein's callback. Returns the callback's response."""
    start = client.get("/oidc/authenticate/", {"next": next_url} if next_url else {})
    assert start.status_code == 302
    authorize_url = start["Location"]
    assert authorize_url.startswith(provider.issuer + "/oauth2/authorize?")
    params = query(authorize_url)
    assert params["code_challenge_method"] == "S256" and params["nonce"] and params["client_id"] == CLIENT_ID
    back = provider.authorize(authorize_url, sub, deny=deny)
    parts = urlsplit(back)
    assert parts.path == "/oidc/callback/"
    return client.get(f"{parts.path}?{parts.query}")


def assert_refused(client, response, text):
    assert response.status_code == 302 and response["Location"] == "/inloggen/"
    page = client.get("/inloggen/")
    assert text in page.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.fixture
def anna(db):
    return PersonFactory(first_name="Anna", last_name="Smit", email="anna@gemeente.nl", employee_number="1042")


def test_match_by_email_stores_the_subject_and_keeps_next(client, sso, anna):
    sso.set_user("abc-1", email="Anna@Gemeente.nl")
    users = User.objects.count()
    response = login(client, sso, "abc-1", next_url="/zoeken/")
    assert response.status_code == 302 and response["Location"] == "/zoeken/"
    assert int(client.session["_auth_user_id"]) == anna.user_id
    assert ExternalIdentity.objects.get(user=anna.user).subject == "abc-1"
    assert ExternalIdentity.objects.get().issuer == sso.issuer
    assert User.objects.count() == users
    assert client.get("/").status_code == 200


def test_unsafe_next_lands_on_the_homepage(client, sso, anna):
    sso.set_user("abc-1", email="anna@gemeente.nl")
    response = login(client, sso, "abc-1", next_url="https://evil.example/")
    assert response["Location"] == "/"


def test_match_by_employee_number_and_then_by_subject(client, sso, anna):
    sso.set_user("abc-2", employee_number="1042", email="other@elsewhere.nl")
    login(client, sso, "abc-2")
    assert int(client.session["_auth_user_id"]) == anna.user_id
    # Next time neither number nor address matches: the stored subject does.
    sso.set_user("abc-2", email="renamed@gemeente.nl")
    client.logout()
    login(client, sso, "abc-2")
    assert int(client.session["_auth_user_id"]) == anna.user_id
    assert ExternalIdentity.objects.count() == 1


def test_oid_claim_is_preferred_over_sub(client, sso, anna):
    sso.set_user("pairwise-sub", oid="stable-oid", email="anna@gemeente.nl")
    login(client, sso, "pairwise-sub")
    assert ExternalIdentity.objects.get().subject == "stable-oid"


def test_roles_become_groups_and_a_removed_role_is_removed(client, sso, anna):
    editors, _ = Group.objects.get_or_create(name="Redactie P&O")
    managers, _ = Group.objects.get_or_create(name="Omgevingsbeheerders")
    own, _ = Group.objects.get_or_create(name="Ambassadeurs")
    RoleGroupMapping.objects.create(role="po-editor", group=editors)
    RoleGroupMapping.objects.create(role="community", group=managers)
    anna.user.groups.add(own)
    sso.set_user("abc-3", email="anna@gemeente.nl", roles=["po-editor", "community", "unmapped"])
    login(client, sso, "abc-3")
    assert set(anna.user.groups.values_list("name", flat=True)) == {
        "Redactie P&O",
        "Omgevingsbeheerders",
        "Ambassadeurs",
    }
    sso.set_user("abc-3", email="anna@gemeente.nl", roles=["community"])
    client.logout()
    login(client, sso, "abc-3")
    assert set(anna.user.groups.values_list("name", flat=True)) == {"Omgevingsbeheerders", "Ambassadeurs"}


def test_groups_claim_when_configured(client, sso, anna, settings):
    settings.OIDC_ROLES_CLAIM = "groups"
    group, _ = Group.objects.get_or_create(name="Facilitair")
    RoleGroupMapping.objects.create(role="0f6c-facilitair", group=group)
    sso.set_user("abc-4", email="anna@gemeente.nl", groups=["0f6c-facilitair"], roles=[])
    login(client, sso, "abc-4")
    assert list(anna.user.groups.values_list("name", flat=True)) == ["Facilitair"]


def test_superuser_and_staff_never_come_from_a_claim(client, sso, anna):
    sso.set_user("abc-5", email="anna@gemeente.nl", roles=["superuser", "admin"], is_superuser=True, is_staff=True)
    login(client, sso, "abc-5")
    anna.user.refresh_from_db()
    assert not anna.user.is_superuser and not anna.user.is_staff


def test_unknown_user_is_refused_when_creation_is_off(client, sso, anna):
    sso.set_user("nobody", email="nobody@gemeente.nl")
    users = User.objects.count()
    response = login(client, sso, "nobody")
    assert_refused(client, response, "Er is geen intranetaccount voor je organisatie-account")
    assert User.objects.count() == users and not ExternalIdentity.objects.exists()


def test_unknown_user_is_created_once_when_creation_is_on(client, sso, settings):
    settings.OIDC_CREATE_USERS = True
    sso.set_user("new-1", email="nieuw@gemeente.nl", given_name="Nina", family_name="Nieuw")
    users = User.objects.count()
    login(client, sso, "new-1")
    user = User.objects.get(pk=client.session["_auth_user_id"])
    assert user.person.first_name == "Nina" and not user.has_usable_password()
    assert not user.is_staff and not user.is_superuser
    client.logout()
    login(client, sso, "new-1")
    assert User.objects.count() == users + 1


@pytest.mark.parametrize("which", ["person", "user"])
def test_deactivated_person_is_refused(client, sso, anna, which):
    target = anna if which == "person" else anna.user
    target.is_active = False
    target.save()
    sso.set_user("abc-6", email="anna@gemeente.nl")
    assert_refused(client, login(client, sso, "abc-6"), "Je intranetaccount is niet actief")


def test_an_address_cannot_take_over_an_account_linked_to_another_subject(client, sso, anna):
    ExternalIdentity.objects.create(user=anna.user, issuer=sso.issuer, subject="the-real-anna")
    sso.set_user("impostor", email="anna@gemeente.nl")
    assert_refused(client, login(client, sso, "impostor"), "Er is geen intranetaccount")
    assert ExternalIdentity.objects.count() == 1


def test_logout_ends_the_provider_session_too(client, sso, anna):
    sso.set_user("abc-11", email="anna@gemeente.nl")
    login(client, sso, "abc-11")
    id_token = client.session["oidc_id_token"]
    response = client.post("/uitloggen/")
    assert response.status_code == 302
    assert response["Location"].startswith(sso.issuer + "/oauth2/end_session?")
    params = query(response["Location"])
    assert params["id_token_hint"] == id_token
    assert params["post_logout_redirect_uri"] == "http://testserver/inloggen/"
    assert "_auth_user_id" not in client.session


def test_local_logout_stays_local(client, sso, anna):
    client.force_login(anna.user)
    assert client.post("/uitloggen/")["Location"] == "/inloggen/"


def test_session_is_renewed_at_the_provider_when_the_token_runs_out(client, sso, anna):
    sso.set_user("abc-12", email="anna@gemeente.nl")
    login(client, sso, "abc-12")
    assert client.get("/").status_code == 200
    session = client.session
    session["oidc_id_token_expiration"] = time.time() - 1
    session.save()
    response = client.get("/")
    assert response.status_code == 302 and response["Location"].startswith(sso.issuer + "/oauth2/authorize?")
    assert query(response["Location"])["prompt"] == "none"


def test_login_page_offers_the_organisation_login_first(client, sso):
    page = client.get("/inloggen/?next=/zoeken/").content.decode()
    assert "Inloggen met je organisatie-account" in page
    assert page.index("/oidc/authenticate/?next=/zoeken/") < page.index('name="password"')
    assert "<details" not in page


def test_hidden_local_login_is_still_reachable(client, sso, settings):
    settings.OIDC_HIDE_LOCAL_LOGIN = True
    page = client.get("/inloggen/").content.decode()
    assert "<details" in page and "Lokaal inloggen (beheerders)" in page and 'name="password"' in page


def test_without_settings_nothing_changes(client, settings):
    assert settings.OIDC_ENABLED is False
    assert client.get("/oidc/authenticate/").status_code == 404
    assert client.get("/oidc/callback/?code=x&state=y").status_code == 404
    page = client.get("/inloggen/").content.decode()
    assert "organisatie-account" not in page and 'name="password"' in page


def test_oidc_urls_open_in_the_login_wall_and_nothing_else(client, sso):
    assert client.get("/oidc/authenticate/").status_code == 302
    assert client.get("/oidc/callback/").status_code == 302
    response = client.get("/zoeken/")
    assert response.status_code == 302 and response["Location"].startswith("/inloggen/")


def test_environment_switches_sso_on():
    import json
    import os
    import subprocess
    import sys

    script = (
        "import json, django; django.setup(); from django.conf import settings as s; "
        "print(json.dumps([s.OIDC_ENABLED, s.OIDC_DISCOVERY_URL, s.AUTHENTICATION_BACKENDS[-1], "
        "'people.sso.SessionRefresh' in s.MIDDLEWARE, s.CONTENT_SECURITY_POLICY['DIRECTIVES']['form-action']]))"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "intranet.settings.test"}
    env.update(OIDC_ISSUER="https://login.example.nl/tenant/v2.0/", OIDC_RP_CLIENT_ID="plein")
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
    enabled, discovery, backend, refresh, form_action = json.loads(out.stdout.strip().splitlines()[-1])
    assert enabled and refresh and backend == "people.sso.PleinOIDCBackend"
    assert discovery == "https://login.example.nl/tenant/v2.0/.well-known/openid-configuration"
    assert form_action == ["'self'", "https://login.example.nl"]


def test_deactivation_ends_a_running_sso_session(client, sso, anna):
    sso.set_user("abc-16", email="anna@gemeente.nl")
    login(client, sso, "abc-16")
    assert client.get("/").status_code == 200
    type(anna).objects.filter(pk=anna.pk).update(is_active=False)
    response = client.get("/")
    assert response.status_code == 302 and response["Location"].startswith("/inloggen/")


def test_admin_maps_roles_and_removes_links_but_never_makes_them(admin_client, anna):
    group, _ = Group.objects.get_or_create(name="Facilitair")
    response = admin_client.post(
        "/admin/people/rolegroupmapping/create/", {"role": "plein.facilitair", "group": group.pk}
    )
    assert response.status_code == 302
    assert RoleGroupMapping.objects.get().group == group
    link = ExternalIdentity.objects.create(user=anna.user, issuer="https://idp", subject="s-1")
    assert "s-1" in admin_client.get("/admin/people/externalidentity/").content.decode()
    assert admin_client.get("/admin/people/externalidentity/create/").status_code in (302, 403)
    assert admin_client.get(f"/admin/people/externalidentity/edit/{link.pk}/").status_code in (302, 403)
    admin_client.post(f"/admin/people/externalidentity/delete/{link.pk}/")
    assert not ExternalIdentity.objects.exists()


def test_employees_cannot_see_the_mappings(employee_client):
    assert employee_client.get("/admin/people/rolegroupmapping/").status_code in (302, 403)
