"""A paginator told how to count: for lists whose length is kept in the cache (the directory, a team's
posts, a news list's articles), so that a page costs no COUNT query."""

from functools import cached_property

from django.core.paginator import Paginator


class CountedPaginator(Paginator):
    """`count` is a function giving the list's length (e.g. a cached count), asked once when needed."""

    def __init__(self, object_list, per_page, count):
        super().__init__(object_list, per_page)
        self._count = count

    @cached_property
    def count(self):
        return self._count()
