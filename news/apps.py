from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News and blogs")

    def ready(self):
        # Imported in ready(): the app registry is complete only now (app loading order).
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from news.cards import categories_changed
        from news.models import BlogIndexPage, BlogPage, Category, NewsIndexPage, NewsPage

        post_save.connect(_index_created, sender=NewsIndexPage, dispatch_uid="news_index_setup")
        post_save.connect(_index_created, sender=BlogIndexPage, dispatch_uid="blog_index_setup")
        # The list pages cache their cards and archive links (news.cards); publishing bumps the
        # page-tree generation, a category's own change is bumped here.
        for signal in (post_save, post_delete):
            signal.connect(categories_changed, sender=Category, dispatch_uid=f"news-categories-{signal}")
        for model in (NewsPage, BlogPage):
            m2m_changed.connect(
                categories_changed, sender=model.categories.through, dispatch_uid=f"news-categories-{model.__name__}"
            )


def _index_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        # Imported here: apps.py loads before the models exist (app loading order).
        from news.models import BlogIndexPage
        from news.services import set_up_index

        set_up_index(instance, bloggers_may_write=isinstance(instance, BlogIndexPage))
