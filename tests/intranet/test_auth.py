import pytest
from django.core import mail

from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

PASSWORD = "lang-genoeg-wachtwoord"


@pytest.fixture
def account(db):
    user = PersonFactory(user__username="jan", user__email="jan@gemeente.example").user
    user.set_password(PASSWORD)
    user.save()
    return user


def test_login_page_is_dutch_and_accessible_markup(client):
    html = client.get("/inloggen/").content.decode()
    assert '<html lang="nl">' in html
    assert "<h1>Inloggen</h1>" in html
    assert '<label for="id_username">Gebruikersnaam' in html
    assert 'autocomplete="current-password"' in html
    assert html.count("<h1") == 1
    assert 'href="#main"' in html  # skip link


def test_login_redirects_to_where_the_user_wanted(client, account):
    response = client.post("/inloggen/", {"username": "jan", "password": PASSWORD, "next": "/hulp/"})
    assert response.status_code == 302
    assert response["Location"] == "/hulp/"


def test_login_refuses_open_redirects(client, account):
    response = client.post("/inloggen/", {"username": "jan", "password": PASSWORD, "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_wrong_password_gives_dutch_error_and_keeps_username(client, account):
    response = client.post("/inloggen/", {"username": "jan", "password": "fout"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Voer een juiste gebruikersnaam en wachtwoord in" in html
    assert 'value="jan"' in html
    assert 'role="alert"' in html


def test_logout_needs_post_and_ends_the_session(client, account):
    client.force_login(account)
    assert client.get("/uitloggen/").status_code == 405
    response = client.post("/uitloggen/")
    assert response.status_code == 302
    assert client.get("/")["Location"].startswith("/inloggen/")


def test_password_reset_mails_a_working_link(client, account, django_capture_on_commit_callbacks):
    # The mail goes out after the response (intranet.mail); running the commit callbacks sends it.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/wachtwoord-vergeten/", {"email": "jan@gemeente.example"})
    assert response["Location"] == "/wachtwoord-vergeten/verstuurd/"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert "Een nieuw wachtwoord" in message.subject
    link = next(line for line in message.body.splitlines() if "/wachtwoord-herstellen/" in line).strip()
    path = link[link.index("/wachtwoord-herstellen/") :]
    response = client.get(path, follow=True)
    assert "Kies een nieuw wachtwoord" in response.content.decode()
    form_url = response.redirect_chain[-1][0]
    response = client.post(
        form_url, {"new_password1": "Nieuw-Wachtwoord-2026", "new_password2": "Nieuw-Wachtwoord-2026"}
    )
    assert response["Location"] == "/wachtwoord-herstellen/klaar/"
    account.refresh_from_db()
    assert account.check_password("Nieuw-Wachtwoord-2026")


def test_password_reset_does_not_reveal_unknown_addresses(client, account, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/wachtwoord-vergeten/", {"email": "niemand@gemeente.example"})
    assert response["Location"] == "/wachtwoord-vergeten/verstuurd/"
    assert mail.outbox == []


def test_repeated_failures_lock_the_account(client, account, settings):
    from axes.handlers.proxy import AxesProxyHandler
    from axes.models import AccessAttempt

    settings.AXES_ENABLED = True
    AxesProxyHandler.handler = None  # let axes pick up the setting for this test
    try:
        for _ in range(settings.AXES_FAILURE_LIMIT):
            client.post("/inloggen/", {"username": "jan", "password": "fout"})
        response = client.post("/inloggen/", {"username": "jan", "password": PASSWORD})
        assert response.status_code == 429
        assert "Te veel pogingen" in response.content.decode()
        assert AccessAttempt.objects.filter(username="jan").exists()
        # Another colleague on the same machine is not locked out by jan's mistakes.
        other = PersonFactory(user__username="piet").user
        other.set_password(PASSWORD)
        other.save()
        assert client.post("/inloggen/", {"username": "piet", "password": PASSWORD}).status_code == 302
    finally:
        AxesProxyHandler.handler = None


def test_language_can_be_switched_to_english(client, account):
    client.force_login(account)
    client.post("/i18n/setlang/", {"language": "en", "next": "/zoeken/"})
    assert "Search" in client.get("/zoeken/").content.decode()
    assert '<html lang="en">' in client.get("/zoeken/").content.decode()


def test_dutch_is_the_default_whatever_the_browser_says(client, account):
    client.force_login(account)
    html = client.get("/zoeken/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="nl">' in html
    assert "<h1>Zoeken</h1>" in html


def test_permission_denied_page_is_dutch(employee, rf):
    from django.core.exceptions import PermissionDenied

    from intranet.error_views import permission_denied

    request = rf.get("/")
    request.user = employee
    response = permission_denied(request, PermissionDenied())
    assert response.status_code == 403
    html = response.content.decode()
    assert "<h1>Geen toegang</h1>" in html
    assert 'lang="nl"' in html


def test_a_burst_of_guesses_is_stopped_before_the_password_checks(client, account, settings, monkeypatch):
    """axes counts after each (slow) check; the atomic counter refuses the rest of a burst at once."""
    from django.contrib.auth import forms as auth_forms

    settings.THROTTLE_LIMITS = {**settings.THROTTLE_LIMITS, "login": {"minute": 3}}
    checked = []
    real = auth_forms.authenticate
    monkeypatch.setattr(auth_forms, "authenticate", lambda *a, **kw: checked.append(1) or real(*a, **kw))
    for _ in range(5):
        response = client.post("/inloggen/", {"username": "Jan", "password": "fout"})
    html = response.content.decode()
    assert len(checked) == 3  # the 4th and 5th guess never reached a password check
    assert "Te veel inlogpogingen" in html and 'value="Jan"' in html
    # Another username from the same address has its own count.
    assert client.post("/inloggen/", {"username": "piet", "password": "fout"}).status_code == 200
    assert len(checked) == 4


def test_a_successful_login_starts_the_count_of_guesses_afresh(client, account, settings):
    settings.THROTTLE_LIMITS = {**settings.THROTTLE_LIMITS, "login": {"minute": 3}}
    for _ in range(2):
        client.post("/inloggen/", {"username": "jan", "password": "fout"})
    assert client.post("/inloggen/", {"username": "jan", "password": PASSWORD}).status_code == 302
    client.post("/uitloggen/")
    for _ in range(2):  # without the fresh start the second of these would be the fourth try
        response = client.post("/inloggen/", {"username": "jan", "password": "fout"})
    assert "Te veel inlogpogingen" not in response.content.decode()
