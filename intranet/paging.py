"""A paginator told its count: for lists whose length is kept in the cache (a team's posts, a news
list's articles), so that a page costs no COUNT query."""

from functools import cached_property

from django.core.paginator import Paginator


class CountedPaginator(Paginator):
    def __init__(self, object_list, per_page, count):
        super().__init__(object_list, per_page)
        self._known_count = count

    @cached_property
    def count(self):
        return self._known_count
