"""The measuring loop with a fake client: which pages are kept, how many requests, which notes."""

from bench.loopback import Response
from bench.measure import measure
from bench.pages import Target


class FakeClient:
    def __init__(self, answers, seconds=0.01):
        self.answers, self.seconds = answers, seconds
        self.calls = []

    def get(self, path):
        self.calls.append(path)
        answer = self.answers.get(path, 200)
        if isinstance(answer, Exception):
            raise answer
        status, location = answer if isinstance(answer, tuple) else (answer, "")
        return Response(status, b"<html>ok</html>", self.seconds, location)


def targets(*paths):
    return [Target("home", path, path, reference=(i == 0)) for i, path in enumerate(paths)]


def test_warmup_then_rounds_for_every_page():
    client = FakeClient({})
    results = measure(client, targets("/hulp/", "/"), warmup=2, rounds=5)
    assert client.calls == ["/hulp/", "/hulp/", "/", "/"] + ["/hulp/", "/"] * 5  # round-robin after warm-up
    assert [len(r.samples_ms) for r in results] == [5, 5]
    assert results[0].samples_ms[0] == 10.0  # milliseconds
    assert results[0].size_bytes == len(b"<html>ok</html>")


def test_404_redirect_and_connection_error_are_skipped_with_notes():
    client = FakeClient({"/weg/": 404, "/dicht/": (302, "/inloggen/?next=/dicht/"), "/stuk/": ConnectionResetError()})
    results = measure(client, targets("/hulp/", "/weg/", "/dicht/", "/stuk/"), warmup=3, rounds=4)
    notes = {r.target.path: r.note for r in results}
    assert notes == {
        "/hulp/": "",
        "/weg/": "HTTP 404",
        "/dicht/": "HTTP 302 to /inloggen/?next=/dicht/",
        "/stuk/": "request failed (ConnectionResetError)",
    }
    assert client.calls.count("/weg/") == 1  # not retried
    assert [r.measured for r in results] == [True, False, False, False]


def test_time_budget_caps_a_slow_page_at_the_minimum_samples():
    client = FakeClient({}, seconds=1.0)
    results = measure(client, targets("/traag/"), warmup=0, rounds=30, budget_seconds=2.0, min_samples=5)
    assert len(results[0].samples_ms) == 5
    assert len(client.calls) == 1 + 5  # one untimed check, then the capped samples


def test_a_stopped_server_ends_the_rounds():
    client = FakeClient({})
    alive = iter([True, True, False])
    results = measure(client, targets("/hulp/"), warmup=1, rounds=10, server_alive=lambda: next(alive))
    assert len(results[0].samples_ms) == 2
    assert results[0].note == "server stopped during the run"


def test_each_page_is_requested_by_the_client_of_its_account():
    employee, manager = FakeClient({}), FakeClient({})
    pages = targets("/hulp/", "/")
    pages.append(Target("insights", "Dashboard", "/admin/inzichten/", user="beheerder"))
    results = measure({"": employee, "beheerder": manager}, pages, warmup=1, rounds=2)
    assert manager.calls == ["/admin/inzichten/"] * 3
    assert set(employee.calls) == {"/hulp/", "/"}
    assert all(len(r.samples_ms) == 2 for r in results)
