"""Notice board's periodic job: posts past their 30 days expire (docs/prikbord.md)."""

from intranet.jobs import Periodic, job


@job()
def expire_posts():
    from prikbord import services

    return services.expire()


PERIODIC = [Periodic("prikbord.expire_posts", expire_posts, "daily", hour=2)]
