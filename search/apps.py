from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from search.models import Synonym
        from search.query import forget_synonyms

        for signal in (post_save, post_delete):
            signal.connect(forget_synonyms, sender=Synonym, dispatch_uid=f"search-synonyms-{signal}")
