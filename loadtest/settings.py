"""Production settings for the load test: plain HTTP on the loopback address, so the cookies may
not be marked Secure (a browser-like client would not send them back)."""

from bench.settings import *  # noqa: F401,F403

SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
