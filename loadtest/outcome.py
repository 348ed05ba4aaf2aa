"""When a load-test response counts as a failure beyond its status code (loadtest/locustfile.py).

A session that ended sends every page to the login page: as a redirect (the locustfile does not follow
them) or, where redirects are followed, as a 200 that is the login form. Both are failures, or a
run whose logins broke would report nothing but successes."""

from urllib.parse import urlsplit

LOGIN_PATH = "/inloggen/"


def is_login_page(response):
    """True for a redirect to the login page, and for a response whose final URL (after any followed
    redirects) is the login page."""
    if response.status_code in (301, 302, 303, 307, 308):
        if urlsplit(response.headers.get("Location", "")).path == LOGIN_PATH:
            return True
    return urlsplit(getattr(response, "url", "") or "").path == LOGIN_PATH
