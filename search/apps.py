from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        # Imported in ready(): the app registry is complete only now (app loading order).
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from intranet.plugins import changed_in_bulk
        from search.models import Synonym
        from search.query import forget_synonyms

        for signal in (post_save, post_delete):
            signal.connect(forget_synonyms, sender=Synonym, dispatch_uid=f"search-synonyms-{signal}")
        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(_content_changed, dispatch_uid=f"search-results-{signal}")
        changed_in_bulk.connect(_reindex_later, dispatch_uid="search-reindex-bulk")


def _reindex_later(sender, pks, **kwargs):
    """Rows a bulk write changed (the HR import) are re-indexed by the worker, after that commits."""
    # Imported here: apps.py loads before the models exist (app loading order).
    from intranet.jobs import enqueue
    from search import tasks

    enqueue(tasks.reindex, sender._meta.app_label, sender._meta.model_name, list(pks))


# Apps whose rows cached search answers are made of (people, pages, restrictions, documents, apps,
# notice-board posts); statistics, sessions and the like change too often and do not matter.
WATCHED_APPS = {"people", "wagtailcore", "wagtaildocs", "directregelen", "news", "home", "launcher", "prikbord"}


def _content_changed(sender, **kwargs):
    # Imported here: apps.py loads before the models exist (app loading order).
    from wagtail.models import Page

    from search.models import Synonym
    from search.services import forget_results

    meta = getattr(sender, "_meta", None)
    if meta is None:
        return
    if meta.app_label in WATCHED_APPS or sender is Synonym or issubclass(sender, Page):
        forget_results()
        return
    # Imported here: apps.py loads before the models exist (app loading order).
    from search.registry import get_providers

    for provider in get_providers():
        if meta.app_label in provider.watched_apps:
            forget_results(provider.kind)
