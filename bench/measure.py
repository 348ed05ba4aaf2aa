"""The measuring loops: timed loopback requests, and a query count per page in the harness itself."""

from dataclasses import dataclass, field

from bench.pages import Target
from bench.stats import summarise


@dataclass
class PageResult:
    target: Target
    samples_ms: list = field(default_factory=list)
    seconds_spent: float = 0.0
    queries: int | None = None
    size_bytes: int = 0
    note: str = ""

    @property
    def measured(self):
        return bool(self.samples_ms)

    def add_note(self, text):
        self.note = f"{self.note}; {text}" if self.note else text

    def summary(self):
        return summarise(self.samples_ms) if self.samples_ms else None


def _refusal(response):
    """Why a page cannot be measured, or "" when it answered 200."""
    if response.status == 200:
        return ""
    if 300 <= response.status < 400:
        return f"HTTP {response.status} to {response.location or '?'}"
    return f"HTTP {response.status}"


def client_for(client, target):
    """`client` is one logged-in client, or a dict of them by demo username ("" for the employee)."""
    return client.get(target.user) or client[""] if isinstance(client, dict) else client


def measure(client, targets, warmup=3, rounds=30, budget_seconds=120.0, min_samples=5, server_alive=None):
    """Warm every page up, then time `rounds` requests per page, round-robin over the pages.

    Round-robin spreads the noise of a shared machine over all pages alike, which keeps the ratios
    to the reference page honest. A page that has used its time budget stops after `min_samples`.
    Every loop is bounded: len(targets) * (warmup + rounds) requests at most.
    """
    results = [PageResult(target) for target in targets]
    active = []
    for result in results:
        for _ in range(max(warmup, 1)):
            if not _request(client, result, timed=False):
                break
        else:
            active.append(result)
    for _ in range(rounds):
        if server_alive is not None and not server_alive():
            for result in active:
                result.add_note("server stopped during the run")
            break
        for result in list(active):
            if result.seconds_spent >= budget_seconds and len(result.samples_ms) >= min_samples:
                continue
            if not _request(client, result, timed=True):
                active.remove(result)
    return results


def _request(client, result, timed):
    try:
        response = client_for(client, result.target).get(result.target.path)
    except OSError as exc:
        result.note = f"request failed ({exc.__class__.__name__})"
        return False
    result.note = _refusal(response)
    if result.note:
        return False
    result.size_bytes = len(response.body)
    if timed:
        result.samples_ms.append(response.seconds * 1000)
        result.seconds_spent += response.seconds
    return True


def count_queries(django_client, path):
    """(status, queries) of one request through Django's test client in this process.

    The first request warms the same per-process caches (content types, site root paths) that the
    server's worker has warmed, so the second one counts what a warm worker runs per request.
    """
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    django_client.get(path)
    with CaptureQueriesContext(connection) as captured:
        response = django_client.get(path)
    return response.status_code, len(captured)


def add_query_counts(django_client, results):
    for result in results:
        if not result.measured:
            continue
        try:
            status, queries = count_queries(client_for(django_client, result.target), result.target.path)
        except Exception as exc:  # a page that rendered over HTTP should render here too; note it if not
            result.add_note(f"query count failed ({exc.__class__.__name__})")
            continue
        if status == 200:
            result.queries = queries
        else:
            result.add_note(f"query count: HTTP {status} through the test client")
