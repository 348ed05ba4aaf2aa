"""Reference numbers stay unique when many requests come in at the same moment (PostgreSQL only)."""

import threading

import pytest
from django.db import connection

from directregelen.services import next_reference
from tests.conftest import is_postgres


@pytest.mark.postgres
@pytest.mark.skipif(not is_postgres(), reason="needs PostgreSQL: SQLite serialises every writer anyway")
@pytest.mark.django_db(transaction=True)
def test_concurrent_submissions_never_share_a_number():
    results, errors = [], []
    start = threading.Barrier(8)

    def submit():
        try:
            start.wait()
            for _ in range(5):
                results.append(next_reference("ICT", 2026))
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert sorted(results) == [f"ICT-2026-{n:05d}" for n in range(1, 41)]
