"""Notice board's periodic job: posts past their 30 days expire (docs/prikbord.md)."""

from intranet.jobs import Periodic, job
from prikbord import services


@job()
def expire_posts():
    return services.expire()


PERIODIC = [Periodic("prikbord.expire_posts", expire_posts, "daily", hour=2)]
