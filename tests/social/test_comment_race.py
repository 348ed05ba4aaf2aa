import threading

import pytest
from django.core.cache import cache
from django.db import connections

from social import services
from tests.conftest import is_postgres


@pytest.mark.slow
@pytest.mark.skipif(not is_postgres(), reason="SQLite serialises writers; the race needs PostgreSQL")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_comment_limit_holds_when_twelve_comments_arrive_at_once(news_page, employee, settings):
    """The outside test got 7 comments through in 0.5 s against 5 a minute: the count must be atomic."""
    settings.SOCIAL_COMMENTS_PER_MINUTE = 5
    cache.delete_many([f"plein:throttle:comment:auth.user:{employee.pk}:{w}" for w in ("minute", "hour", "day")])
    start, outcomes = threading.Barrier(12), []

    def comment(number):
        try:
            start.wait()
            services.post_comment(employee, news_page, f"Reactie {number}")
            outcomes.append("saved")
        except Exception as exc:  # the refusal being counted
            outcomes.append(getattr(exc, "code", type(exc).__name__))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=comment, args=(n,)) for n in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes.count("saved") == 5, outcomes
    assert outcomes.count("throttled") == 7, outcomes
