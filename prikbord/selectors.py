"""Read queries of the notice board, each a fixed number of queries whatever the number of posts."""

from django.db.models import Prefetch, Q

from prikbord.models import Category, Photo, Post


def categories():
    """[(value, label)] of the notice board's categories (teams offers them as a place to move a post)."""
    return list(Category.choices)


def _with_cards(queryset):
    return queryset.select_related("author__person").prefetch_related(
        Prefetch("photos", queryset=Photo.objects.order_by("position", "pk"))
    )


def board(*, category="", text=""):
    posts = Post.objects.visible()
    if category in Category.values:
        posts = posts.filter(category=category)
    for word in text.split()[:6]:
        posts = posts.filter(Q(title__icontains=word) | Q(text__icontains=word))
    return _with_cards(posts.order_by("-created_at", "-pk"))


def mine(user):
    return _with_cards(Post.objects.filter(author=user).order_by("-created_at", "-pk"))


def detail(pk):
    return _with_cards(Post.objects.filter(pk=pk)).select_related("moderated_by__person").first()
