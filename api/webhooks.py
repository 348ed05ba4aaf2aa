"""Webhooks: a department's system hears about new requests and status changes (docs/api.md).

directregelen sends `request_changed` inside the change's transaction; for each active webhook of the
request's department a WebhookDelivery row is written and its job queued in that same transaction.
The job POSTs the JSON, signed with HMAC-SHA256:

    X-Plein-Signature: t=<unix time>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>

A receiver that fails (no answer, not 2xx) makes the job raise, so intranet.jobs retries it with
back-off; each attempt is counted on the delivery, which the admin lists. Receivers on loopback,
private, link-local or reserved addresses are refused (SSRF) unless API_WEBHOOK_ALLOW_PRIVATE is set.
The payload names the request, not its answers: the receiver reads those with its token.
"""

import hashlib
import hmac
import ipaddress
import json
import socket
import time
from urllib.parse import unquote, urlsplit, urlunsplit

import requests as http
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from requests.adapters import HTTPAdapter

from api.models import Webhook, WebhookDelivery
from directregelen.signals import REPLIED, request_changed
from intranet.jobs import enqueue

TIMEOUT = 10  # seconds for connecting and for the answer


def connect():
    request_changed.connect(on_request_changed, dispatch_uid="api.webhooks")


def sign(secret, timestamp, body):
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={mac}"


def verify(secret, header, body, tolerance=300, now=None):
    """What a receiver does (docs/api.md): the signature matches and is at most `tolerance` seconds old."""
    try:
        parts = dict(item.split("=", 1) for item in header.split(","))
        timestamp = int(parts["t"])
    except (KeyError, ValueError):
        return False
    if abs((now or time.time()) - timestamp) > tolerance:
        return False
    return hmac.compare_digest(sign(secret, timestamp, body), header)


# IPv6 prefixes that carry an IPv4 address in their last 32 bits (NAT64, RFC 6052 and RFC 8215).
NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))


def _embedded_ipv4(ip):
    """IPv4 addresses an IPv6 address leads to (mapped, 6to4, Teredo, NAT64, IPv4-compatible)."""
    if ip.version != 6:
        return []
    found = [ip.ipv4_mapped, ip.sixtofour, *(ip.teredo or ())]
    if any(ip in network for network in NAT64) or int(ip) >> 32 == 0:
        found.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    return [address for address in found if address is not None]


def _private(address):
    ip = ipaddress.ip_address(address)
    return any(not each.is_global or each.is_multicast for each in (ip, *_embedded_ipv4(ip)))


def check_url(url, resolve=True):
    """Refuse what a webhook may not call: no https, or (resolved) a loopback/private address.

    Returns the checked addresses (empty when not resolved): deliver() connects to one of these and
    never resolves the name again, so a second DNS answer cannot lead it inside (DNS rebinding)."""
    allow_private = getattr(settings, "API_WEBHOOK_ALLOW_PRIVATE", False)
    parts = urlsplit(url)
    if parts.scheme not in _PORTS or (parts.scheme != "https" and not allow_private):
        raise ValidationError({"url": _("Use an https:// address.")})
    try:
        parts.port  # noqa: B018  (URLValidator lets :99999 through; this raises for it)
    except ValueError as error:
        raise ValidationError({"url": _("Enter a valid URL.")}) from error
    if not parts.hostname:
        raise ValidationError({"url": _("Enter a valid URL.")})
    if not resolve:
        try:
            private = _private(parts.hostname)
        except ValueError:
            return []  # a host name: resolved and checked when delivering
        if private and not allow_private:
            raise ValidationError({"url": _("Addresses inside the organisation's network are not allowed.")})
        return []
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or _PORTS[parts.scheme], proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as error:
        raise ValidationError({"url": _("This address cannot be found.")}) from error
    addresses = list(dict.fromkeys(info[4][0] for info in infos))
    if not allow_private and any(_private(address) for address in addresses):
        raise ValidationError({"url": _("Addresses inside the organisation's network are not allowed.")})
    return addresses


_PORTS = {"https": 443, "http": 80}


class PinnedAdapter(HTTPAdapter):
    """Connects to a checked address while TLS still checks the certificate for the host name (SNI too)."""

    def __init__(self, hostname):
        self.hostname = hostname
        super().__init__(max_retries=0)

    def init_poolmanager(self, *args, **kwargs):
        super().init_poolmanager(*args, server_hostname=self.hostname, assert_hostname=self.hostname, **kwargs)


def post_pinned(url, address, **kwargs):
    """POST to `url` at `address` (already checked), without proxies from the environment.

    The URL's user:password@ becomes basic auth; certificates are checked against API_WEBHOOK_CA_BUNDLE
    (a file or folder of CA certificates, e.g. an internal CA) or, by default, certifi's bundle: with
    trust_env off, requests no longer reads REQUESTS_CA_BUNDLE itself."""
    parts = urlsplit(url)
    if parts.username is not None:
        kwargs.setdefault("auth", (unquote(parts.username), unquote(parts.password or "")))
    host = f"[{address}]" if ":" in address else address
    pinned = urlunsplit((parts.scheme, f"{host}:{parts.port or _PORTS[parts.scheme]}", parts.path, parts.query, ""))
    session = http.Session()
    session.trust_env = False  # an HTTPS_PROXY would resolve the name again (and sees the body)
    session.mount(f"{parts.scheme}://", PinnedAdapter(parts.hostname))
    headers = {**kwargs.pop("headers", {}), "Host": parts.netloc.rsplit("@", 1)[-1]}
    with session:
        return session.post(
            pinned,
            headers=headers,
            allow_redirects=False,
            verify=getattr(settings, "API_WEBHOOK_CA_BUNDLE", True),
            **kwargs,
        )


def payload(request, event):
    return {
        "event": event,
        "request": {
            "reference": request.reference,
            "title": request.title,
            "department": request.department.reference_prefix if request.department else None,
            "status": request.status,
            "version": request.version,
            "external_ticket": request.external_ticket,
            "submitted_at": request.submitted_at,
            "url": reverse("api-v1:read_request", args=[request.reference]),
        },
    }


def on_request_changed(sender, request, event, **kwargs):
    # Imported here: at the top it makes an import cycle (api.tasks needs this module loaded first).
    from api import tasks

    if event == REPLIED or request.department_id is None:
        return  # a reply without a new status is not an event receivers asked for
    body = json.loads(json.dumps(payload(request, event), cls=DjangoJSONEncoder))
    for webhook in Webhook.objects.filter(department_id=request.department_id, active=True):
        delivery = WebhookDelivery.objects.create(webhook=webhook, event=event, payload=body)
        enqueue(tasks.deliver_webhook, delivery.pk)


def deliver(delivery_pk, attempts_allowed=1):
    """One attempt; raises when the receiver did not take it, so the job is retried.

    A failed attempt leaves the delivery "pending" (with its error) while a retry is still to come:
    it is "failed" only after attempt `attempts_allowed`."""
    delivery = WebhookDelivery.objects.select_related("webhook").get(pk=delivery_pk)
    if delivery.status == WebhookDelivery.Status.DELIVERED:
        return False  # a retry of one that went out
    webhook = delivery.webhook
    body = json.dumps({**delivery.payload, "delivery": delivery.pk}, separators=(",", ":")).encode()
    timestamp = int(time.time())
    delivery.attempts += 1
    try:
        if not webhook.active:
            raise RuntimeError("webhook switched off")
        address = check_url(webhook.url)[0]
        response = post_pinned(
            webhook.url,
            address,
            data=body,
            timeout=TIMEOUT,
            headers={
                "Content-Type": "application/json",
                "User-Agent": "Plein-Webhook/1",
                "X-Plein-Event": delivery.event,
                "X-Plein-Delivery": str(delivery.pk),
                "X-Plein-Signature": sign(webhook.secret, timestamp, body),
            },
        )
        delivery.response_status = response.status_code
        if not 200 <= response.status_code < 300:
            raise RuntimeError(f"receiver answered {response.status_code}")
    except (http.RequestException, RuntimeError, ValidationError, ValueError, KeyError) as error:
        # ValueError/KeyError: a URL saved without clean() (e.g. port 99999) fails the attempt like the
        # others; uncaught it left the delivery pending with 0 attempts for ever.
        last = delivery.attempts >= attempts_allowed
        delivery.status = WebhookDelivery.Status.FAILED if last else WebhookDelivery.Status.PENDING
        delivery.error = ("; ".join(error.messages) if isinstance(error, ValidationError) else str(error))[:300]
        delivery.save(update_fields=["attempts", "response_status", "status", "error"])
        raise
    delivery.status, delivery.error, delivery.delivered_at = WebhookDelivery.Status.DELIVERED, "", timezone.now()
    delivery.save(update_fields=["attempts", "response_status", "status", "error", "delivered_at"])
    return True
