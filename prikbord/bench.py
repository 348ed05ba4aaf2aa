"""The notice board's pages for `make bench`."""

from prikbord.models import Post


def bench_pages():
    pages = [("Prikbord", "/prikbord/"), ("Prikbord (filter)", "/prikbord/?categorie=te-koop&q=fiets")]
    post = Post.objects.visible().order_by("-created_at", "-pk").only("pk").first()
    if post is not None:
        pages.append(("Prikbordbericht", post.get_absolute_url()))
    return pages
