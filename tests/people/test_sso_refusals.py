# ruff: noqa: F811  (fixtures imported from test_sso.py are used as arguments)
"""Single sign-on, what it refuses and how it fails: bad tokens (audience, expiry, nonce, issuer,
state), denial at the provider, lockout and rate limits, a provider that is down, hostile query
strings. Against the same real provider as test_sso.py, whose fixtures and flow this module shares."""

import time
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import User

from people.models import ExternalIdentity
from tests.factories import PersonFactory
from tests.people.test_sso import anna, assert_refused, login, provider, sso  # noqa: F401
from tests.sso_provider import CLIENT_ID, query

pytestmark = pytest.mark.django_db


def test_wrong_audience_is_refused(client, sso, anna):
    sso.set_user("abc-7", email="anna@gemeente.nl")
    sso.tamper = lambda claims: claims.update(aud="another-app")
    response = login(client, sso, "abc-7")
    assert_refused(client, response, "kon niet worden gecontroleerd")
    assert not ExternalIdentity.objects.exists()


def test_second_audience_without_azp_is_refused(client, sso, anna):
    sso.set_user("abc-7", email="anna@gemeente.nl")
    sso.tamper = lambda claims: claims.update(aud=[CLIENT_ID, "another-app"], azp="another-app")
    assert_refused(client, login(client, sso, "abc-7"), "kon niet worden gecontroleerd")


def test_expired_token_is_refused(client, sso, anna):
    sso.set_user("abc-8", email="anna@gemeente.nl")
    sso.tamper = lambda claims: claims.update(iat=int(time.time()) - 7200, exp=int(time.time()) - 3600)
    assert_refused(client, login(client, sso, "abc-8"), "is verlopen")
    assert not ExternalIdentity.objects.exists()


def test_wrong_nonce_is_refused(client, sso, anna):
    sso.set_user("abc-9", email="anna@gemeente.nl")
    sso.tamper = lambda claims: claims.update(nonce="replayed")
    assert_refused(client, login(client, sso, "abc-9"), "kon niet worden gecontroleerd")


def test_wrong_issuer_is_refused(client, sso, anna):
    sso.set_user("abc-9", email="anna@gemeente.nl")
    sso.tamper = lambda claims: claims.update(iss="http://127.0.0.1:1")
    assert_refused(client, login(client, sso, "abc-9"), "kon niet worden gecontroleerd")


def test_wrong_state_is_refused(client, sso, anna):
    sso.set_user("abc-10", email="anna@gemeente.nl")
    start = client.get("/oidc/authenticate/")
    back = sso.authorize(start["Location"], "abc-10")
    parts = urlsplit(back)
    code = query(back)["code"]
    response = client.get(parts.path, {"code": code, "state": "forged"})
    assert_refused(client, response, "Het inloggen duurde te lang")
    # A callback from another browser (no state in its session) alike.
    other = type(client)()
    assert_refused(other, other.get(f"{parts.path}?{parts.query}"), "Het inloggen duurde te lang")
    assert not ExternalIdentity.objects.exists()


def test_denied_at_the_provider(client, sso, anna):
    assert_refused(client, login(client, sso, "x", deny=True), "afgebroken of geweigerd")


def test_with_axes_on_refusals_count_for_the_address_and_success_still_works(client, sso, anna, settings):
    from axes.models import AccessAttempt

    settings.AXES_ENABLED = True
    sso.set_user("nobody", email="nobody@gemeente.nl")
    assert_refused(client, login(client, sso, "nobody"), "Er is geen intranetaccount")
    assert AccessAttempt.objects.filter(ip_address="127.0.0.1").exists()
    sso.set_user("abc-13", email="anna@gemeente.nl")
    login(client, sso, "abc-13")
    assert int(client.session["_auth_user_id"]) == anna.user_id


def test_starting_sso_logins_is_limited_per_address(client, sso, settings):
    settings.THROTTLE_LIMITS = {**settings.THROTTLE_LIMITS, "sso_start": {"minute": 2}}
    assert client.get("/oidc/authenticate/")["Location"].startswith(sso.issuer)
    assert client.get("/oidc/authenticate/")["Location"].startswith(sso.issuer)
    assert_refused(client, client.get("/oidc/authenticate/"), "Te veel inlogpogingen")


def test_provider_down_sends_back_to_the_login_page(client, sso, settings):
    settings.OIDC_DISCOVERY_URL = "http://127.0.0.1:9/.well-known/openid-configuration"
    settings.OIDC_TIMEOUT = 2
    assert_refused(client, client.get("/oidc/authenticate/"), "nu niet beschikbaar")
    assert client.get("/inloggen/").status_code == 200


def test_a_left_over_account_name_refuses_instead_of_failing(client, sso, settings):
    import hashlib

    settings.OIDC_CREATE_USERS = True
    digest = hashlib.sha256(f"{sso.issuer} left-over".encode()).hexdigest()[:12]
    User.objects.create(username=f"sso-{digest}")
    sso.set_user("left-over", email="weg@gemeente.nl")
    assert_refused(client, login(client, sso, "left-over"), "Er is geen intranetaccount")


def test_renewal_with_the_provider_down_ends_the_session_with_a_message(client, sso, anna, settings):
    sso.set_user("abc-14", email="anna@gemeente.nl")
    login(client, sso, "abc-14")
    session = client.session
    session["oidc_id_token_expiration"] = time.time() - 1
    session.save()
    # A new discovery URL is a new cache key, so the metadata is read again (and fails); clearing the
    # whole cache would also drop the session, which lives in Redis in production and CI.
    settings.OIDC_DISCOVERY_URL = "http://127.0.0.1:9/.well-known/openid-configuration"
    settings.OIDC_TIMEOUT = 2
    assert_refused(client, client.get("/"), "nu niet beschikbaar")


def test_provider_down_leaves_local_login_and_running_sessions_alone(client, sso, anna, settings):
    sso.set_user("abc-15", email="anna@gemeente.nl")
    login(client, sso, "abc-15")
    settings.OIDC_DISCOVERY_URL = "http://127.0.0.1:9/.well-known/openid-configuration"
    assert client.get("/").status_code == 200  # the token's time is not up yet
    admin = PersonFactory(user__username="beheer").user
    admin.set_password("lang-genoeg-wachtwoord")
    admin.save()
    other = type(client)()
    response = other.post("/inloggen/", {"username": "beheer", "password": "lang-genoeg-wachtwoord"})
    assert response.status_code == 302 and int(other.session["_auth_user_id"]) == admin.pk


def test_an_address_locked_by_axes_cannot_sign_in_either(client, sso, anna, settings):
    settings.AXES_ENABLED = True
    settings.AXES_IP_FAILURE_LIMIT = 2
    sso.set_user("nobody", email="nobody@gemeente.nl")
    assert_refused(client, login(client, sso, "nobody"), "Er is geen intranetaccount")
    assert login(client, sso, "nobody").status_code == 429  # the second failure locks the address
    sso.set_user("abc-17", email="anna@gemeente.nl")
    response = login(client, sso, "abc-17")  # axes answers with its lockout page, as for the local form
    assert response.status_code == 429 and "Te veel pogingen" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert not ExternalIdentity.objects.exists()


def test_hostile_query_strings_at_the_sso_doors_never_break_them(client, sso, anna):
    """The strings of tests/security/test_hostile_input.py, with SSO on: the open doors answer with a
    redirect (or the login page's message), never a 500, and nobody is signed in or created."""
    from tests.security.test_hostile_input import HOSTILE  # already percent-encoded

    users = User.objects.count()
    for encoded in HOSTILE:
        for url in (
            f"/oidc/callback/?code={encoded}&state={encoded}",
            f"/oidc/callback/?error={encoded}&state={encoded}",
            f"/oidc/authenticate/?next={encoded}",
        ):
            response = client.get(url)
            assert response.status_code < 500, (url, response.status_code)
            if response.status_code == 302 and url.startswith("/oidc/authenticate/"):
                assert response["Location"].startswith(sso.issuer + "/"), url
            assert "_auth_user_id" not in client.session, url
    assert User.objects.count() == users
