"""Webhook connections: TLS checked for the host name at the pinned address, basic auth from the URL, an
internal CA through API_WEBHOOK_CA_BUNDLE, and URLs that cannot be called failing the attempt (not stuck)."""

import base64
import datetime
import socket
import ssl
import threading

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from django.core.exceptions import ValidationError

from api import webhooks
from api.models import Webhook, WebhookDelivery
from tests.api.test_webhooks import receiver  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db


def self_signed(tmp_path, name):
    """A certificate for `name` (and no IP address) signed by its own key: files for the server and a CA bundle."""
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(name)]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = tmp_path / f"{name}.pem", tmp_path / f"{name}.key"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return str(cert_file), str(key_file)


def _read_request(tls):
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = tls.recv(65536)
        if not chunk:
            return b""
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = next(
        (int(line.split(b":", 1)[1]) for line in head.split(b"\r\n") if line.lower().startswith(b"content-length:")),
        0,
    )
    while len(body) < length:
        chunk = tls.recv(65536)
        if not chunk:
            break
        body += chunk
    return head + b"\r\n\r\n" + body


class TlsReceiver:
    """An HTTPS server on 127.0.0.1 answering 200; keeps the names clients asked for (SNI) per connection."""

    def __init__(self, cert_file, key_file):
        self.context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.context.load_cert_chain(cert_file, key_file)
        self.server_names, self.answered = [], 0
        self.context.sni_callback = lambda _sock, name, _ctx: self.server_names.append(name)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        while True:
            try:
                conn, _address = self.listener.accept()
            except OSError:
                return
            with conn:
                try:
                    with self.context.wrap_socket(conn, server_side=True) as tls:
                        # All of it: closing on unread body bytes would reset the connection under load.
                        if not _read_request(tls):
                            continue  # the client refused the certificate and left without asking
                        self.answered += 1
                        tls.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                except (ssl.SSLError, OSError):
                    pass  # the client refused our certificate

    def close(self):
        self.listener.close()


@pytest.fixture
def tls(tmp_path, settings, monkeypatch):
    settings.API_WEBHOOK_ALLOW_PRIVATE = True  # the receiver is on loopback
    real = socket.getaddrinfo
    monkeypatch.setattr(
        socket, "getaddrinfo", lambda host, *a, **k: real("127.0.0.1" if host.endswith(".test") else host, *a, **k)
    )
    made = []

    def make(name):
        cert_file, key_file = self_signed(tmp_path, name)
        made.append(TlsReceiver(cert_file, key_file))
        return made[-1], cert_file

    yield make
    for item in made:
        item.close()


def deliver_to(department, url):
    webhook = Webhook.objects.create(name="TOPdesk", department=department, url=url)
    delivery = WebhookDelivery.objects.create(webhook=webhook, event="request.created", payload={})
    try:
        webhooks.deliver(delivery.pk)
    except Exception:  # noqa: BLE001, S110  (a failed attempt raises so the job retries; we read the row)
        pass
    delivery.refresh_from_db()
    return delivery


def test_a_certificate_nobody_vouches_for_fails_the_delivery(tls, ict):
    server, _cert = tls("receiver.test")
    delivery = deliver_to(ict, f"https://receiver.test:{server.port}/plein")
    assert delivery.status == "failed" and "CERTIFICATE_VERIFY_FAILED" in delivery.error
    assert server.server_names == ["receiver.test"] and server.answered == 0  # connected, then refused


def test_an_internal_ca_is_trusted_through_the_setting_and_checked_for_the_host_name(tls, ict, settings):
    server, cert_file = tls("receiver.test")
    settings.API_WEBHOOK_CA_BUNDLE = cert_file
    delivered = deliver_to(ict, f"https://receiver.test:{server.port}/plein")
    assert delivered.status == "delivered" and server.answered == 1
    # Connected to 127.0.0.1, yet the certificate is checked for the URL's name: another name fails.
    other, other_cert = tls("other.test")
    settings.API_WEBHOOK_CA_BUNDLE = other_cert
    wrong = deliver_to(ict, f"https://receiver.test:{other.port}/plein")
    assert wrong.status == "failed" and "doesn't match 'other.test'" in wrong.error and other.answered == 0


def test_user_and_password_in_the_url_are_sent_as_basic_auth(receiver, ict):  # noqa: F811
    good = receiver()
    url = good.url.replace("http://", "http://topdesk:ge%40heim@")
    assert deliver_to(ict, url).status == "delivered"
    headers = good.received[0][0]
    assert headers["Authorization"] == "Basic " + base64.b64encode(b"topdesk:ge@heim").decode()
    assert headers["Host"] == f"127.0.0.1:{good.server.server_port}"  # the password is not in the Host


@pytest.mark.parametrize("url", ["https://hooks.example:99999/plein", "ftp://hooks.example/plein"])
def test_a_url_that_cannot_be_called_is_refused_when_saved_and_fails_the_attempt(url, ict, settings):
    settings.API_WEBHOOK_ALLOW_PRIVATE = True  # also then
    with pytest.raises(ValidationError):
        Webhook(name="TOPdesk", department=ict, url=url).full_clean()
    delivery = deliver_to(ict, url)  # saved without clean(), e.g. before this check
    assert delivery.status == "failed" and delivery.attempts == 1 and delivery.error


def test_any_value_error_while_delivering_fails_the_attempt(ict, monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("Port out of range 0-65535")

    monkeypatch.setattr(webhooks, "post_pinned", broken)
    monkeypatch.setattr(webhooks, "check_url", lambda url: ["93.184.216.34"])
    delivery = deliver_to(ict, "https://hooks.example/plein")
    assert delivery.status == "failed" and delivery.attempts == 1 and "Port out of range" in delivery.error
