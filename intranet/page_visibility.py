"""Which pages and documents a user may not see (Wagtail view restrictions), without a request: for
search providers, the agenda, must-read lists and any list that must leave such pages out."""

from functools import reduce
from operator import or_

from django.db.models import Q
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from intranet.plugins import pages_slot, remember_pages

RESTRICTIONS_SECONDS = 60  # a net under the bumps: access decisions, so short
RESTRICTIONS_PARTS = ("page-restrictions",)


def restrictions_slot():
    """Where the restrictions are kept, for a page that prefetches its cached parts (the homepage)."""
    return pages_slot(RESTRICTIONS_PARTS)


def _page_restrictions():
    """[(section path, restriction type, group ids)] of every page view restriction: the same for
    everyone, asked on most pages (search, agenda, must-reads, the social layer), so kept until the
    page tree or a restriction (or its groups) changes (intranet.plugins.pages_changed)."""

    def compute():
        restrictions = PageViewRestriction.objects.select_related("page").prefetch_related("groups")
        return [(r.page.path, r.restriction_type, [g.pk for g in r.groups.all()]) for r in restrictions]

    return remember_pages(RESTRICTIONS_PARTS, compute, seconds=RESTRICTIONS_SECONDS)


def _passes(kind, group_ids, user):
    """Mirrors BaseViewRestriction.accept_request without a request; passwords are never assumed
    (unlocking one happens on the page itself)."""
    if kind == PageViewRestriction.LOGIN:
        return user.is_authenticated
    if kind == PageViewRestriction.GROUPS:
        return user.is_superuser or bool(set(group_ids) & _group_ids(user))
    return False


def _group_ids(user):
    if not hasattr(user, "_search_group_ids"):
        user._search_group_ids = set(user.groups.values_list("pk", flat=True)) if user.is_authenticated else set()
    return user._search_group_ids


def hidden_page_paths(user):
    """Tree paths of restricted sections this user fails (cached on the user for one request)."""
    if not hasattr(user, "_search_hidden_paths"):
        user._search_hidden_paths = [
            path for path, kind, groups in _page_restrictions() if not _passes(kind, groups, user)
        ]
    return user._search_hidden_paths


def visible_pages(queryset, user):
    """Live pages outside every section the user may not open."""
    queryset = queryset.live().filter(depth__gt=1)
    for path in hidden_page_paths(user):
        queryset = queryset.exclude(path__startswith=path)
    return queryset


def page_visibility_key(user):
    """Users with the same hidden sections see the same pages: the cache key part for page kinds."""
    return "p:" + ",".join(sorted(hidden_page_paths(user)))


def hidden_collection_ids(user):
    if not hasattr(user, "_search_hidden_collections"):
        restrictions = CollectionViewRestriction.objects.select_related("collection").prefetch_related("groups")
        paths = [
            r.collection.path
            for r in restrictions
            if not _passes(r.restriction_type, [group.pk for group in r.groups.all()], user)
        ]
        ids = []
        if paths:  # the restricted collections and everything below them, in one query
            below = reduce(or_, (Q(path__startswith=path) for path in paths))
            ids = list(Collection.objects.filter(below).values_list("pk", flat=True))
        user._search_hidden_collections = ids
    return user._search_hidden_collections
