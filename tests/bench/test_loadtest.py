"""The load test's arithmetic (loadtest/report.py, faults.py) and its database door; the run itself
is `make loadtest` (docs/performance.md)."""

import socket
import threading

from loadtest import faults, outcome, report
from loadtest.services import DatabaseDoor, free_port


def _rows(started, spec):
    """spec: {second: (requests, failures)} -> log rows."""
    rows = []
    for second, (total, failed) in spec.items():
        for index in range(total):
            rows.append(
                (
                    started + second + 0.01 * index,
                    "homepage",
                    50.0,
                    index < failed,
                    "HTTP 503" if index < failed else "",
                )
            )
    return rows


def test_recovery_is_the_first_whole_second_without_failures_after_the_service_is_back():
    started = 1000.0
    spec = {s: (10, 0) for s in range(0, 10)}
    spec.update({s: (10, 10) for s in range(10, 20)})  # outage from 10 to 20
    spec.update({20: (10, 4), 21: (10, 1), 22: (10, 0), 23: (10, 0)})
    phase = faults.Phase("PostgreSQL unreachable", start=10.0, end=20.0)
    table = report.fault_table(_rows(started, spec), started, [phase], recovery=10)
    row = table.splitlines()[-1]
    assert row.startswith("| PostgreSQL unreachable | 10 |")
    assert "| 110 | 104 |" in row  # seconds 10..20: 11 seconds of 10 requests, 10×10 + 4 failed
    assert row.endswith("| 2 s |")


def test_the_table_starts_after_the_last_login_when_logins_outlast_the_warmup():
    started = 1000.0
    quick = [(started + 3, "login", 900.0, False, ""), (started + 5, "homepage", 80.0, False, "")]
    assert report.warmup_seconds(quick, started, 20, 60) == 20
    slow = [*quick, (started + 31.5, "login", 21000.0, False, "")]
    assert report.warmup_seconds(slow, started, 20, 60) == 32
    # Logins that never end before the run does still leave 10 s to measure.
    endless = [*quick, (started + 58, "login", 40000.0, False, "")]
    assert report.warmup_seconds(endless, started, 20, 60) == 50


def test_a_service_that_never_recovers_is_reported():
    started = 0.0
    spec = {s: (5, 5) for s in range(0, 30)}
    table = report.fault_table(_rows(started, spec), started, [faults.Phase("Redis", 5, 10)], recovery=10)
    assert table.splitlines()[-1].endswith("not within 10 s |")


def test_pages_are_compared_with_the_reference_page():
    reference = [(0.0, report.REFERENCE, 20.0, False, "")] * 7 + [(0.0, report.REFERENCE, 40.0, True, "HTTP 503")]
    rows = reference + [(0.0, "search results", 80.0, False, "")] * 3
    rows.append((0.0, "search results", 200.0, True, "HTTP 500"))
    table = report.per_page(rows, seconds=10)
    assert table["search results"]["errors"] == 1 and table["search results"]["requests"] == 4
    text = report.page_table(table)
    assert text.splitlines()[0].endswith(
        "| req/s ÷ reference | p50 ÷ reference | p99 ÷ reference | error % ÷ reference |"
    )
    # Half the requests per second, four times the median, five times the p99, twice the error rate.
    assert "| search results | 4 | 0.4 | 80 | 200 | 1 | 25.0 | 0.5× | 4.0× | 5.0× | 2.0× |" in text
    assert f"| {report.REFERENCE} | 8 | 0.8 | 20 | 40 | 1 | 12.5 | 1.0× | 1.0× | 1.0× | 1.0× |" in text
    assert report.failure_reasons(rows) == [(f"{report.REFERENCE}: HTTP 503", 1), ("search results: HTTP 500", 1)]


def test_error_ratios_when_the_reference_page_had_no_errors():
    rows = [(0.0, report.REFERENCE, 20.0, False, "")] * 2 + [(0.0, "homepage", 30.0, False, "")] * 2
    rows.append((0.0, "like", 30.0, True, "logged out"))
    lines = report.page_table(report.per_page(rows, seconds=1)).splitlines()
    assert lines[3].startswith("| homepage |") and lines[3].endswith("| 1.5× | 1.5× | – |")
    assert lines[4].startswith("| like |") and lines[4].endswith("| 100.0 | 0.5× | 1.5× | 1.5× | ∞ |")


def test_without_a_reference_page_there_are_no_ratios():
    lines = report.page_table(report.per_page([(0.0, "homepage", 30.0, False, "")], seconds=1)).splitlines()
    assert lines[2].endswith("| 0.0 | – | – | – | – |")


class _Response:
    def __init__(self, status, url, location=None):
        self.status_code, self.url = status, url
        self.headers = {"Location": location} if location else {}


def test_a_response_that_is_the_login_page_is_a_failure():
    host = "http://127.0.0.1:8000"
    # Not followed (the workday's pages and posts): a redirect to the login page.
    assert outcome.is_login_page(_Response(302, host + "/sociaal/leuk/3/4/", "/inloggen/?next=/sociaal/leuk/3/4/"))
    assert outcome.is_login_page(_Response(302, host + "/", host + "/inloggen/"))
    # Followed (the login itself, the storm's searches): the login form at the end.
    assert outcome.is_login_page(_Response(200, host + "/inloggen/?next=/zoeken/"))
    # A comment's redirect to its post, a login that reached the homepage, a page: no.
    assert not outcome.is_login_page(_Response(302, host + "/sociaal/reacties/3/4/plaatsen/", "/prikbord/4/#c9"))
    assert not outcome.is_login_page(_Response(200, host + "/"))
    assert not outcome.is_login_page(_Response(200, host + "/zoeken/?q=inloggen"))


def test_closing_the_database_door_drops_connections_and_refuses_new_ones():
    upstream = socket.create_server(("127.0.0.1", 0))
    echo_port = upstream.getsockname()[1]

    def echo():
        while True:
            try:
                conn, _ = upstream.accept()
            except OSError:
                return
            threading.Thread(
                target=lambda c=conn: [c.sendall(d) for d in iter(lambda: c.recv(1024), b"")], daemon=True
            ).start()

    threading.Thread(target=echo, daemon=True).start()
    door = DatabaseDoor(echo_port).open()
    try:
        client = socket.create_connection(("127.0.0.1", door.port), timeout=2)
        client.sendall(b"ping")
        assert client.recv(4) == b"ping"
        door.close()
        assert client.recv(4) == b""  # dropped, as by a stopped server
        try:
            socket.create_connection(("127.0.0.1", door.port), timeout=1).close()
            refused = False
        except OSError:
            refused = True
        assert refused
        door.open()
        again = socket.create_connection(("127.0.0.1", door.port), timeout=2)
        again.sendall(b"back")
        assert again.recv(4) == b"back"
        again.close()
    finally:
        door.close()
        upstream.close()


def test_free_port_is_free():
    port = free_port()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", port))
