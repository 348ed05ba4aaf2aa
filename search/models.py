"""Editor-managed synonyms and the anonymous, per-day search statistics."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Synonym(models.Model):
    """A group of terms that mean the same to searchers ("verlof, vakantie")."""

    terms = models.CharField(
        _("equivalent terms"),
        max_length=300,
        help_text=_("Comma separated, e.g. 'P&O, HR, personeelszaken'. A search for one also finds the others."),
    )

    class Meta:
        ordering = ["terms"]
        verbose_name = _("synonym")
        verbose_name_plural = _("synonyms")

    def __str__(self):
        return self.terms

    @property
    def term_list(self):
        return split_terms(self.terms)


def split_terms(text):
    seen = []
    for term in text.split(","):
        term = " ".join(term.lower().split())
        if term and term not in seen:
            seen.append(term)
    return seen


class DailyQuery(models.Model):
    """How often a (normalised) query was searched on a day; never who searched."""

    day = models.DateField(_("day"), db_index=True)
    query = models.CharField(_("query"), max_length=100)
    searches = models.PositiveIntegerField(_("searches"), default=0)
    zero_results = models.PositiveIntegerField(_("searches without results"), default=0)

    class Meta:
        verbose_name = _("search query per day")
        verbose_name_plural = _("search queries per day")
        constraints = [models.UniqueConstraint(fields=["day", "query"], name="search_dailyquery_unique")]

    def __str__(self):
        return f"{self.day} {self.query}"


class DailyClick(models.Model):
    """How often a result was opened from search on a day; never who opened it."""

    day = models.DateField(_("day"), db_index=True)
    url = models.CharField(_("address"), max_length=500)
    title = models.CharField(_("title"), max_length=255, blank=True)
    kind = models.CharField(_("kind"), max_length=30, blank=True)
    clicks = models.PositiveIntegerField(_("opened"), default=0)

    class Meta:
        verbose_name = _("opened result per day")
        verbose_name_plural = _("opened results per day")
        constraints = [models.UniqueConstraint(fields=["day", "url"], name="search_dailyclick_unique")]

    def __str__(self):
        return f"{self.day} {self.url}"
