"""Wagtail's database search backend, with every query made safe before it becomes FTS syntax.

Wagtail's SQLite backend puts each word between double quotes in an FTS5 MATCH expression without
escaping quotes inside it, so a lone `"` is a syntax error (a 500); PostgreSQL's raw tsquery has its own
operators. Every search goes through here: our providers, Wagtail's admin search and its choosers.
The searcher's words are kept; characters with a meaning in either query language are replaced by
spaces, and very long queries are cut to a number of words that neither engine chokes on.

Set as WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] = "search.backend".
"""

import copy
import re

from wagtail.search.backends.database import SearchBackend as database_backend
from wagtail.search.query import MATCH_ALL, MatchAll

MAX_WORDS = 32
MAX_CHARACTERS = 200
# Anything but letters, digits, spaces and a few in-word signs ("P&O", "auto's",
# "e-mail", "3.5", "j.de.vries@") is no word to search for, and may be syntax to an engine.
UNSAFE = re.compile(r"[^\w\s&'.\-@/]|_")


def safe_text(text):
    """The words of `text` without query syntax: at most MAX_WORDS words, MAX_CHARACTERS characters."""
    words = UNSAFE.sub(" ", str(text or "")[: MAX_CHARACTERS * 5]).split()
    # A word of only signs ("-", "'") is no word; inside one they stay.
    words = [word for word in words if any(char.isalnum() for char in word)]
    return " ".join(words[:MAX_WORDS])[:MAX_CHARACTERS].strip()


def safe_query(query):
    """A copy of a query (a string or a wagtail.search.query tree) with only safe text in it, or "" when
    nothing is left to search for (Wagtail then answers with no results)."""
    if query is None or query is MATCH_ALL or isinstance(query, MatchAll):
        return query
    if isinstance(query, str):
        return safe_text(query)
    if hasattr(query, "query_string"):
        text = safe_text(query.query_string)
        if not text:
            return ""
        clean = copy.copy(query)
        clean.query_string = text
        return clean
    if hasattr(query, "subqueries"):  # And, Or
        parts = [part for part in (safe_query(sub) for sub in query.subqueries) if part != ""]
        if not parts:
            return ""
        if len(parts) == 1:
            return parts[0]
        clean = copy.copy(query)
        clean.subqueries = parts
        return clean
    if hasattr(query, "subquery"):  # Not, Boost
        inner = safe_query(query.subquery)
        if inner == "":
            return ""
        clean = copy.copy(query)
        clean.subquery = inner
        return clean
    if hasattr(query, "subquery_a"):  # AndNot
        first, second = safe_query(query.subquery_a), safe_query(query.subquery_b)
        if first == "":
            return ""
        if second == "":
            return first
        clean = copy.copy(query)
        clean.subquery_a, clean.subquery_b = first, second
        return clean
    return query


class SafeQueryMixin:
    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        return super()._search(query_compiler_class, safe_query(query), model_or_queryset, **kwargs)


_classes = {}


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks up in a backend module)
    """The backend Wagtail would pick for this database (PostgreSQL, SQLite FTS5 or the fallback),
    with SafeQueryMixin in front of it."""
    inner = type(database_backend(params))
    if inner not in _classes:
        _classes[inner] = type(f"Safe{inner.__name__}", (SafeQueryMixin, inner), {})
    return _classes[inner](params)
