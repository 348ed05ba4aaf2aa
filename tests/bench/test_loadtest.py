"""The load test's arithmetic (loadtest/report.py, faults.py) and its database door; the run itself
is `make loadtest` (docs/performance.md)."""

import socket
import threading

from loadtest import faults, report
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
    rows = [(0.0, report.REFERENCE, 20.0, False, "")] * 3 + [(0.0, "search results", 80.0, False, "")] * 3
    rows.append((0.0, "search results", 90.0, True, "HTTP 500"))
    table = report.per_page(rows, seconds=10)
    assert table["search results"]["errors"] == 1 and table["search results"]["requests"] == 4
    text = report.page_table(table)
    assert "| search results | 4 | 0.4 | 80 | 90 | 1 | 4.0× |" in text
    assert report.failure_reasons(rows) == [("search results: HTTP 500", 1)]


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
