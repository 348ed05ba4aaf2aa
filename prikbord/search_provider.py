"""Notice-board posts in the one search box (owned by search/, issue 7): only what the board shows
everyone (open, not expired); removed or expired posts are never found."""

from django.utils.translation import gettext_lazy as _

from intranet.plugins import SearchResult
from prikbord.models import Post
from search.model_provider import FieldsSearchProvider


class NoticeBoardProvider(FieldsSearchProvider):
    kind = "prikbord"
    label = _("Notice board")
    order = 50
    fields = ("title", "text")
    ordering = ("-created_at", "-pk")

    def queryset(self, user):
        return Post.objects.visible()

    def to_result(self, post):
        return SearchResult(
            title=post.title, url=post.get_absolute_url(), kind=self.kind, subtitle=post.get_category_display()
        )


def providers():
    return [NoticeBoardProvider()]
