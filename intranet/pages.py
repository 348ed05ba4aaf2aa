"""The page tree as the frame sees it: the homepage, and index pages the apps keep under it.

The homepage model belongs to home/, but people/, teams/ and the seeders need only "the homepage", so
they ask here instead of importing home/ (the frame wires the apps; no app imports home's models).
"""

from __future__ import annotations

from typing import TypeVar

from django.apps import apps
from wagtail.models import Page

P = TypeVar("P", bound=Page)


def homepage() -> Page | None:
    """The site's homepage (the first HomePage), or None before there is one."""
    return apps.get_model("home", "HomePage").objects.first()


def index_page(model: type[P], title: str, slug: str) -> P | None:
    """The one page of `model` (an app's index page: /mensen/, /teams/); the migrations make it, and this
    puts it back under the homepage, published, if someone deleted it. None while there is no homepage."""
    page = model.objects.first()
    if page is not None:
        return page
    home = homepage()
    if home is None:
        return None
    page = home.add_child(instance=model(title=title, slug=slug))
    page.save_revision().publish()
    return page
