"""What news/ holds about a person: the news and blogs that carry them as author."""

from wagtail.models import Revision

from intranet.personal_data import Exported, Kind, iso
from news.models import BlogPage, NewsPage
from people.models import Person


def _authored(user):
    person = Person.objects.filter(user=user).first()
    if person is None:
        return []
    return [*NewsPage.objects.filter(author=person), *BlogPage.objects.filter(author=person)]


def _export(user):
    return Exported(
        records=[
            {
                "type": page.specific_class._meta.model_name,
                "title": page.title,
                "intro": page.intro,
                "date": iso(page.date),
                "live": page.live,
                "url": page.url_path,
            }
            for page in _authored(user)
        ]
    )


def _erase(user, erasure):
    """News is the organisation's publication and stays; the byline goes (Wagtail shows none). A blog
    is the person's own voice: kept like their posts, or unpublished when PRIVACY_KEEP_CONTENT is off
    (editors may then delete it; deleting pages stays an editorial act).

    The author is also taken out of their stored revisions, so that no older version names them again.
    """
    person = Person.objects.filter(user=user).first()
    if person is None:
        return 0
    count = 0
    for model in (NewsPage, BlogPage):
        pages = model.objects.filter(author=person)
        ids = list(pages.values_list("pk", flat=True))
        if model is BlogPage and not erasure.keep_content:
            for blog in pages.live():
                blog.unpublish(log_action=False)
        count += model.objects.filter(pk__in=ids).update(author=None)
        for revision in Revision.page_revisions.filter(object_id__in=[str(pk) for pk in ids]):
            if revision.content.get("author") == person.pk:
                revision.content["author"] = None
                revision.save(update_fields=["content"])
    return count


KINDS = [
    Kind(
        "news.articles",
        "News and blogs with them as author.",
        ("news.NewsPage.author", "news.BlogPage.author"),
        _export,
        _erase,
    ),
]
