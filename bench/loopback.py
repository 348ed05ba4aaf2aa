"""A tiny HTTP client for the server under test: 127.0.0.1 only, cookies kept by hand.

Production settings mark cookies Secure; the standard cookie jar would then refuse to send them over
the plain-HTTP loopback, so the session and CSRF cookies are carried explicitly.
"""

import html
import http.client
import re
import time
from dataclasses import dataclass
from http.cookies import SimpleCookie
from urllib.parse import urlencode

CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken"\s+value="([^"]+)"')


@dataclass
class Response:
    status: int
    body: bytes
    seconds: float
    location: str = ""


class LoopbackClient:
    def __init__(self, port, timeout=300):
        self.port, self.timeout = port, timeout
        self.cookies = {}

    def request(self, method, path, body=None, headers=None):
        """One request on a fresh connection (gunicorn's sync worker closes it anyway), timed from
        sending the request until the whole body has arrived."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
        all_headers = {"Accept-Language": "nl", "Connection": "close", **(headers or {})}
        if self.cookies:
            all_headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        try:
            started = time.perf_counter()
            conn.request(method, path, body=body, headers=all_headers)
            response = conn.getresponse()
            payload = response.read()
            seconds = time.perf_counter() - started
            for header in response.headers.get_all("Set-Cookie") or []:
                for name, morsel in SimpleCookie(header).items():
                    if morsel.value:
                        self.cookies[name] = morsel.value
                    else:
                        self.cookies.pop(name, None)
            return Response(response.status, payload, seconds, response.getheader("Location", ""))
        finally:
            conn.close()

    def get(self, path):
        return self.request("GET", path)

    def login(self, username, password, login_path="/inloggen/"):
        """Through the real login form, CSRF token and all, as a person would (django-axes is on)."""
        page = self.get(login_path)
        match = CSRF_FIELD.search(page.body.decode("utf-8", "replace"))
        if page.status != 200 or not match:
            raise RuntimeError(f"login page answered {page.status} without a CSRF token")
        form = urlencode(
            {"csrfmiddlewaretoken": html.unescape(match.group(1)), "username": username, "password": password}
        )
        answer = self.request(
            "POST", login_path, body=form, headers={"Content-Type": "application/x-www-form-urlencoded"}
        )
        if answer.status != 302 or "sessionid" not in self.cookies:
            raise RuntimeError(f"logging in as {username} failed (HTTP {answer.status})")
