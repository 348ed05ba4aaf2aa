"""The intranet's sections found by name (WCAG 2.4.5: more than one way to every page).

"prikbord", "smoelenboek" or "zalen" in the search box leads to that section first, above pages that
merely mention the word. Sections are either a page type (the first live one is the section) or a
URL of an app. Names and their synonyms are Dutch and English, folded like every query.
"""

from dataclasses import dataclass

from django.apps import apps
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from intranet.page_visibility import visible_pages
from intranet.plugins import SearchProvider, SearchResult
from search.query import fold


@dataclass(frozen=True)
class Section:
    title: str
    keywords: tuple
    subtitle: str = ""
    url_name: str = ""
    page_model: str = ""

    def url(self, user):
        if self.url_name:
            try:
                return reverse(self.url_name)
            except NoReverseMatch:  # the app is not installed
                return ""
        try:
            model = apps.get_model(self.page_model)
        except LookupError:
            return ""
        page = visible_pages(model.objects.live(), user).order_by("path").first()
        return page.url if page is not None else ""


SECTIONS = (
    Section(
        _("Notice board (Prikbord)"),
        ("prikbord", "notice board", "marktplaats", "te koop", "gezocht"),
        _("Items for sale, wanted and free to collect"),
        url_name="prikbord:board",
    ),
    Section(
        _("People (Smoelenboek)"),
        ("mensen", "smoelenboek", "collega", "personen", "people", "telefoonboek", "wie is wie"),
        _("Find colleagues"),
        page_model="people.PeopleIndexPage",
    ),
    Section(
        _("Teams"), ("teams", "groepen", "werkgroepen"), _("Teams and their posts"), page_model="teams.TeamIndexPage"
    ),
    Section(
        _("Meeting rooms (Zalen)"),
        ("zalen", "zaal", "vergaderzalen", "vergaderruimte", "meeting rooms", "rooms", "reserveren"),
        _("Book a meeting room"),
        url_name="rooms:day",
    ),
    Section(
        _("Direct regelen"),
        ("direct regelen", "regelen", "diensten", "services"),
        _("Arrange HR, IT and facility matters"),
        page_model="directregelen.DirectRegelenPage",
    ),
    Section(
        _("My requests"),
        ("mijn aanvragen", "aanvragen", "requests"),
        _("The status of what you asked for"),
        url_name="directregelen:my_requests",
    ),
    Section(
        _("Apps"),
        ("apps", "applicaties", "toepassingen", "programma's"),
        _("All applications"),
        url_name="launcher:index",
    ),
    Section(
        _("News"), ("nieuws", "news", "berichten"), _("News from the organisation"), page_model="news.NewsIndexPage"
    ),
    Section(_("Blogs"), ("blogs", "blog"), _("Colleagues and managers write"), page_model="news.BlogIndexPage"),
    Section(
        _("Notifications"),
        ("meldingen", "notificaties", "notifications"),
        _("What happened for you"),
        url_name="social:notifications",
    ),
)


def matching_sections(text):
    """Sections whose name or a synonym starts with what was typed (at least 3 letters), or is typed."""
    typed = fold(text).lower().strip()
    if len(typed) < 3:
        return []
    return [
        section
        for section in SECTIONS
        if any(
            keyword.startswith(typed) or typed == keyword
            for keyword in (fold(word).lower() for word in section.keywords)
        )
    ]


class SectionsProvider(SearchProvider):
    kind = "sections"
    label = _("Sections")
    order = 0  # before everything: a section's own name says where someone wants to go
    cheap = True

    def _results(self, query, user):
        results = []
        for section in matching_sections(query.normalised):
            url = section.url(user)
            if url:
                results.append(
                    SearchResult(title=str(section.title), url=url, kind=self.kind, subtitle=str(section.subtitle))
                )
        return results

    def search(self, query, user, limit, offset=0):
        results = self._results(query, user)
        return len(results), (results[offset : offset + limit] if limit else [])

    def suggest(self, query, user, limit):
        return self._results(query, user)[:limit]
