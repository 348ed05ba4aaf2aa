"""Issue 14: login lockout per (username, client address) behind the proxy, and a cap per address."""

import pytest
from axes.models import AccessAttempt
from django.test import RequestFactory

from intranet.client_ip import client_ip
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

PASSWORD = "lang-genoeg-wachtwoord"
PROXY = "127.0.0.1"  # REMOTE_ADDR as gunicorn sees it behind nginx


@pytest.fixture
def axes_on(settings):
    settings.AXES_ENABLED = True
    settings.TRUSTED_PROXY_COUNT = 1
    return settings


@pytest.fixture
def jan(db):
    user = PersonFactory(user__username="jan").user
    user.set_password(PASSWORD)
    user.save()
    return user


def login(client, username, password, forwarded_for):
    return client.post(
        "/inloggen/",
        {"username": username, "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )


def test_a_strangers_failures_do_not_lock_the_colleague_out_elsewhere(client, axes_on, jan):
    # The attacker also writes a forged address of their own in front; nginx appends the real one.
    statuses = [login(client, "jan", "fout", "10.0.0.99, 203.0.113.7").status_code for _ in range(5)]
    assert statuses == [200] * (axes_on.AXES_FAILURE_LIMIT - 1) + [429]
    # The attacker's address is locked for jan, even with the right password or another forged prefix...
    assert login(client, "jan", PASSWORD, "203.0.113.7").status_code == 429
    assert login(client, "jan", PASSWORD, "10.0.0.5, 203.0.113.7").status_code == 429
    # ...but jan at his own desk, behind the same proxy, logs in.
    assert login(client, "jan", PASSWORD, "10.1.2.3").status_code == 302
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.7"}


def test_spraying_one_password_over_many_usernames_is_stopped(client, axes_on, jan):
    refused = []
    for number in range(25):
        response = login(client, f"medewerker{number}", "Zomer2026!", "198.51.100.4")
        refused.append(response.status_code == 429)
    # The failure that reaches the limit is answered with the lockout page, and so is every one after it.
    assert not any(refused[: axes_on.AXES_IP_FAILURE_LIMIT - 1])
    assert all(refused[axes_on.AXES_IP_FAILURE_LIMIT - 1 :])
    # From that address even a right password is refused now; other addresses are not affected.
    assert login(client, "jan", PASSWORD, "198.51.100.4").status_code == 429
    assert login(client, "jan", PASSWORD, "198.51.100.5").status_code == 302


def test_logging_in_to_an_own_account_does_not_clear_the_address_counter(client, axes_on, jan):
    for number in range(axes_on.AXES_IP_FAILURE_LIMIT - 1):
        login(client, f"medewerker{number}", "Zomer2026!", "198.51.100.4")
    # The sprayer's own account: a success resets only the jan/address pair.
    assert login(client, "jan", PASSWORD, "198.51.100.4").status_code == 302
    client.logout()
    login(client, "medewerker99", "Zomer2026!", "198.51.100.4")
    assert login(client, "medewerker100", "Zomer2026!", "198.51.100.4").status_code == 429


def test_the_lockout_page_is_dutch(client, axes_on, jan):
    for _ in range(axes_on.AXES_FAILURE_LIMIT):
        login(client, "jan", "fout", "203.0.113.7")
    response = login(client, "jan", PASSWORD, "203.0.113.7")
    html = response.content.decode()
    assert response.status_code == 429
    assert '<html lang="nl">' in html
    assert "<h1>Te veel pogingen</h1>" in html
    assert 'href="/wachtwoord-vergeten/"' in html


@pytest.mark.parametrize(
    ("count", "forwarded", "expected"),
    [
        (0, "203.0.113.7", "192.0.2.1"),  # no proxy configured: the header is the client's own claim
        (1, "203.0.113.7", "203.0.113.7"),
        (1, "10.0.0.99, 203.0.113.7", "203.0.113.7"),  # only the entry our proxy wrote counts
        (2, "10.0.0.99, 203.0.113.7, 10.9.9.9", "203.0.113.7"),
        (2, "203.0.113.7", "192.0.2.1"),  # fewer hops than configured: nothing in it is trustworthy
        (1, "niet-een-adres", "192.0.2.1"),
        (1, "", "192.0.2.1"),
    ],
)
def test_client_ip_trusts_only_the_configured_proxies(settings, count, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = count
    request = RequestFactory().get("/", REMOTE_ADDR="192.0.2.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected
