"""What the searcher typed, normalised and widened with the editors' synonyms."""

import re
from dataclasses import dataclass, field

from django.core.cache import cache
from wagtail.search.query import Or, PlainText

from intranet.text import fold
from search.models import Synonym

MAX_QUERY_LENGTH = 200
MAX_ALTERNATIVES = 8
SYNONYM_CACHE_KEY = "search:synonyms:v1"


def normalise(text):
    """Lower case, single spaces, at most 100 characters: the form queries are counted in."""
    return " ".join((text or "").lower().split())[:100]


@dataclass
class SearchQuery:
    text: str
    alternatives: list = field(default_factory=list)

    @property
    def normalised(self):
        return normalise(self.text)

    @property
    def words(self):
        return [word for word in fold(self.normalised).split() if word][:8]

    @property
    def all_texts(self):
        return [self.normalised, *self.alternatives]

    def wagtail_query(self):
        """The query for Wagtail's search backend: the text OR any synonym variant of it."""
        texts = self.all_texts
        if len(texts) == 1:
            return PlainText(texts[0])
        return Or([PlainText(text) for text in texts])


def synonym_groups():
    groups = cache.get(SYNONYM_CACHE_KEY)
    if groups is None:
        groups = [synonym.term_list for synonym in Synonym.objects.all()]
        groups = [group for group in groups if len(group) > 1]
        cache.set(SYNONYM_CACHE_KEY, groups, 300)
    return groups


def forget_synonyms(**kwargs):
    cache.delete(SYNONYM_CACHE_KEY)


def _term_pattern(term):
    # Word boundaries that also hold around "P&O": no letter or digit directly before or after.
    return re.compile(rf"(?<![\w]){re.escape(term)}(?![\w])")


def expand(text):
    """Variants of the text with each matching synonym swapped in: "verlof aanvragen" -> "vakantie aanvragen"."""
    base = normalise(text)
    variants = []
    for group in synonym_groups():
        for term in group:
            pattern = _term_pattern(term)
            if not pattern.search(base):
                continue
            for other in group:
                if other == term:
                    continue
                variant = pattern.sub(other, base)
                if variant != base and variant not in variants:
                    variants.append(variant)
    return variants[:MAX_ALTERNATIVES]


def build(text):
    # Control characters (NUL above all: PostgreSQL refuses it in a string) are no part of a query.
    text = "".join(char if char.isprintable() else " " for char in str(text or "")[: MAX_QUERY_LENGTH * 5])
    text = text.strip()[:MAX_QUERY_LENGTH]
    return SearchQuery(text=text, alternatives=expand(text) if text else [])


def title_score(query, title):
    """How well the words (or a synonym variant) match a title: 3 every word is a whole word of it,
    2 every word starts one, 1 found otherwise (body text, stem, function)."""
    title_words = re.findall(r"\w+", fold(title.lower()))
    best = 1
    for text in query.all_texts:
        words = re.findall(r"\w+", fold(text))
        if not words or not title_words:
            continue
        if all(word in title_words for word in words):
            return 3
        if all(any(t.startswith(word) for t in title_words) for word in words):
            best = 2
    return best
