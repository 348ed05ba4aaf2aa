"""search/'s own providers: the sections by name, pages no app claims, and Wagtail documents."""

import os

from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model

from intranet.page_visibility import hidden_collection_ids
from intranet.plugins import SearchProvider, SearchResult
from search.page_provider import PageSearchProvider
from search.registry import claimed_page_models
from search.sections import SectionsProvider


class OtherPagesProvider(PageSearchProvider):
    kind = "pages"
    label = _("Pages")
    order = 80

    def queryset(self, user):
        queryset = super().queryset(user)
        claimed = claimed_page_models()
        return queryset.not_type(*claimed) if claimed else queryset


class DocumentsProvider(SearchProvider):
    kind = "documents"
    label = _("Documents")
    order = 70

    def queryset(self, user):
        documents = get_document_model().objects.all()
        hidden = hidden_collection_ids(user)
        return documents.exclude(collection_id__in=hidden) if hidden else documents

    def visibility_key(self, user):
        return "c:" + ",".join(str(pk) for pk in sorted(hidden_collection_ids(user)))

    def to_result(self, document):
        extension = os.path.splitext(document.file.name)[1].lstrip(".").upper()
        return SearchResult(title=document.title, url=document.url, kind=self.kind, subtitle=extension)

    def search(self, query, user, limit, offset=0):
        found = self.queryset(user).search(query.wagtail_query())
        total = found.count()
        return total, [self.to_result(document) for document in (found[offset : offset + limit] if limit else [])]

    def suggest(self, query, user, limit):
        return [self.to_result(document) for document in self.queryset(user).autocomplete(query.normalised)[:limit]]


def providers():
    return [SectionsProvider(), OtherPagesProvider(), DocumentsProvider()]
