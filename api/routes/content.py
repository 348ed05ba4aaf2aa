"""What every employee sees on the front end, for a narrowcasting screen or an app: news, pages, people.

Open to a token with the read scope and to an employee's own session (GET only). Only live pages
without view restrictions of the types listed below, so no team page (and no private team's
content) can ever be listed; people only with the fields their directory card shows.
"""

import datetime

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from ninja import Router, Schema
from ninja.pagination import CursorPagination, paginate
from wagtail.models import Page
from wagtail.rich_text import expand_db_html

from api.auth import require, token_or_session
from api.errors import ApiError, documented, first_or_404
from directregelen.models import DepartmentPage, ServicePage
from home.models import ContentPage
from news.models import Category, NewsPage
from people import routing
from people import selectors as people_selectors
from people.models import OrganisationUnit

router = Router(auth=token_or_session, tags=["content"])

# The page types an employee reads as pages; teams (and anything else) are never listed.
PAGE_TYPES = (ContentPage, ServicePage, DepartmentPage)


class NewsItem(Schema):
    id: int
    title: str
    intro: str
    date: datetime.datetime
    url: str
    categories: list[str]
    author: str | None
    pinned: bool

    @staticmethod
    def resolve_url(obj, context):
        return obj.get_url(request=context["request"]) or ""

    @staticmethod
    def resolve_categories(obj):
        return [category.name for category in obj.categories.all()]

    @staticmethod
    def resolve_author(obj):
        return obj.author.full_name if obj.author_id else None


class NewsDetail(NewsItem):
    body_html: str

    @staticmethod
    def resolve_body_html(obj):
        return str(obj.body.render_as_block()) if obj.body else ""


class PageItem(Schema):
    id: int
    title: str
    type: str
    url: str
    last_published_at: datetime.datetime | None
    search_description: str

    @staticmethod
    def resolve_type(obj):
        return obj.content_type.model

    @staticmethod
    def resolve_url(obj, context):
        return obj.get_url(request=context["request"]) or ""


class PageDetail(PageItem):
    intro: str
    body_html: str

    @staticmethod
    def resolve_intro(obj):
        return getattr(obj, "intro", "") or getattr(obj, "summary", "") or ""

    @staticmethod
    def resolve_body_html(obj):
        parts = [getattr(obj, name, "") for name in ("body", "what_you_arrange", "steps", "conditions")]
        return "".join(expand_db_html(str(part)) for part in parts if part)


class PersonItem(Schema):
    """The directory card's fields (people/includes/person_card.html), nothing more."""

    slug: str
    name: str
    job_title: str
    organisation_unit: str | None
    location: str | None
    ambassador: bool
    expertise: list[str]
    url: str

    @staticmethod
    def resolve_name(obj):
        return obj.full_name

    @staticmethod
    def resolve_organisation_unit(obj):
        return obj.organisation_unit.name if obj.organisation_unit_id else None

    @staticmethod
    def resolve_location(obj):
        return obj.location.name if obj.location_id else None

    @staticmethod
    def resolve_ambassador(obj):
        return obj.is_ambassador

    @staticmethod
    def resolve_expertise(obj):
        return [tag.name for tag in obj.expertise.all()]

    @staticmethod
    def resolve_url(obj):
        return routing.profile_url(obj)


def news():
    return (
        NewsPage.objects.live()
        .public()
        .select_related("author", "content_type")
        .prefetch_related(Prefetch("categories", queryset=Category.objects.order_by("name")))
    )


@router.get("/news", response=documented(list[NewsItem], 400, 403), summary="Published news, newest first")
@paginate(CursorPagination, ordering=("-date", "-pk"), page_size=20, max_page_size=100)
def list_news(request, since: datetime.datetime | None = None, category: str | None = None, pinned: bool | None = None):
    require(request, "news:read")
    queryset = news()
    if since:
        queryset = queryset.filter(date__gte=since)
    if category:
        queryset = queryset.filter(categories__slug=category)
    if pinned is not None:
        queryset = queryset.filter(pinned=pinned)
    return queryset


@router.get("/news/{news_id}", response=documented(NewsDetail, 403, 404), summary="One news item with its text")
def read_news(request, news_id: int):
    require(request, "news:read")
    return first_or_404(news().filter(pk=news_id))


def pages():
    return Page.objects.live().public().type(*PAGE_TYPES).select_related("content_type")


@router.get(
    "/pages", response=documented(list[PageItem], 400, 403), summary="Published pages (content, services, departments)"
)
@paginate(CursorPagination, ordering=("path",), page_size=50, max_page_size=200)
def list_pages(request, type: str | None = None, changed_since: datetime.datetime | None = None):  # noqa: A002
    require(request, "news:read")
    queryset = pages()
    if type:
        models = [model for model in PAGE_TYPES if model._meta.model_name == type]
        if not models:
            raise ApiError(400, errors={"type": [_("Choose one of: %(types)s.") % {"types": _type_names()}]})
        queryset = queryset.type(*models)
    if changed_since:
        queryset = queryset.filter(last_published_at__gte=changed_since)
    return queryset


def _type_names():
    return ", ".join(model._meta.model_name for model in PAGE_TYPES)


@router.get("/pages/{page_id}", response=documented(PageDetail, 403, 404), summary="One published page with its text")
def read_page(request, page_id: int):
    require(request, "news:read")
    return first_or_404(pages().filter(pk=page_id)).specific


@router.get(
    "/people", response=documented(list[PersonItem], 400, 403), summary="The people directory: active colleagues"
)
@paginate(CursorPagination, ordering=("sort_name", "pk"), page_size=50, max_page_size=200)
def list_people(request, q: str = "", unit: str | None = None):
    """`q`: words that must each match a name, function or expertise; `unit`: an organisation unit's slug
    (that unit and everything below it)."""
    require(request, "people:read")
    unit_obj = None
    if unit:
        unit_obj = OrganisationUnit.objects.filter(slug=unit).first()
        if unit_obj is None:
            raise ApiError(400, errors={"unit": [_("Unknown organisation unit.")]})
    return people_selectors.directory(text=q[:200], unit=unit_obj).prefetch_related("expertise")


@router.get("/people/{slug}", response=documented(PersonItem, 403, 404), summary="One colleague's directory card")
def read_person(request, slug: str):
    require(request, "people:read")
    found = people_selectors.active_people().filter(slug=slug).select_related("organisation_unit", "location")
    return first_or_404(found.prefetch_related("expertise"))
