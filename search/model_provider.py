"""A provider for small plain tables (apps, notice-board posts): every word must match a field."""

from django.db.models import Q

from intranet.plugins import SearchProvider


class FieldsSearchProvider(SearchProvider):
    """Subclasses give `fields` (title field first), `queryset(user)` and `to_result(obj)`."""

    fields = ()
    ordering = ("pk",)

    def queryset(self, user):
        raise NotImplementedError

    def visibility_key(self, user):
        return ""  # apps and notice-board posts: the same for every colleague

    def matching(self, query, user, fields=None):
        found = self.queryset(user)
        for word in query.normalised.split()[:8]:
            match = Q()
            for field in fields or self.fields:
                match |= Q(**{f"{field}__icontains": word})
            found = found.filter(match)
        return found.order_by(*self.ordering)

    def search(self, query, user, limit, offset=0):
        if not query.normalised:
            return 0, []
        found = self.matching(query, user)
        return found.count(), [self.to_result(obj) for obj in (found[offset : offset + limit] if limit else [])]

    def suggest(self, query, user, limit):
        return [self.to_result(obj) for obj in self.matching(query, user, fields=self.fields[:1])[:limit]]
