"""People and the organisation they work in.

A Person is a plain indexed model, not a Wagtail page: 50,000 tree nodes with revisions would cost
much and give users nothing. The people index page serves them (issue: People).
"""

import unicodedata

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from treebeard.mp_tree import MP_Node
from wagtail.search import index


class OrganisationUnit(MP_Node):
    """directie > afdeling > team, as a materialised-path tree so whole branches load in one query."""

    class Kind(models.TextChoices):
        DIRECTORATE = "directie", _("Directorate")
        DEPARTMENT = "afdeling", _("Department")
        TEAM = "team", _("Team")

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=140, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.DEPARTMENT)
    code = models.CharField(_("HR code"), max_length=30, blank=True, db_index=True)

    node_order_by = ["name"]

    class Meta:
        verbose_name = _("organisation unit")
        verbose_name_plural = _("organisation units")

    def __str__(self):
        return self.name


class Location(models.Model):
    name = models.CharField(_("name"), max_length=120, unique=True)
    address = models.CharField(_("address"), max_length=200, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("location")
        verbose_name_plural = _("locations")

    def __str__(self):
        return self.name


def dutch_sort_key(first_name, tussenvoegsel, last_name):
    """ "Jan de Vries" sorts under V: last name, then first name, the tussenvoegsel ignored.

    Accents are folded so that "Çelik" sits with the C's.
    """
    text = f"{last_name} {first_name}".strip().lower()
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return " ".join(folded.split())


class Person(index.Indexed, models.Model):
    """One employee, linked one-to-one to the login account."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("account"), on_delete=models.CASCADE, related_name="person"
    )
    employee_number = models.CharField(_("employee number"), max_length=30, unique=True)
    slug = models.SlugField(_("slug"), max_length=160, unique=True)
    first_name = models.CharField(_("first name"), max_length=80)
    tussenvoegsel = models.CharField(_("tussenvoegsel"), max_length=20, blank=True)
    last_name = models.CharField(_("last name"), max_length=120)
    sort_name = models.CharField(max_length=220, db_index=True, editable=False)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    job_title = models.CharField(_("function"), max_length=120, blank=True)
    organisation_unit = models.ForeignKey(
        OrganisationUnit,
        verbose_name=_("organisation unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
    )
    location = models.ForeignKey(
        Location, verbose_name=_("location"), null=True, blank=True, on_delete=models.SET_NULL, related_name="people"
    )
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    mobile = models.CharField(_("mobile"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    bio = models.TextField(_("about me"), max_length=2000, blank=True)
    manager = models.ForeignKey(
        "self", verbose_name=_("manager"), null=True, blank=True, on_delete=models.SET_NULL, related_name="reports"
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    is_active = models.BooleanField(_("active"), default=True, db_index=True)
    is_ambassador = models.BooleanField(_("ambassador"), default=False, db_index=True)
    completeness = models.PositiveSmallIntegerField(_("profile completeness"), default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    search_fields = [
        index.SearchField("first_name", boost=3),
        index.SearchField("last_name", boost=5),
        index.AutocompleteField("first_name"),
        index.AutocompleteField("last_name"),
        index.SearchField("job_title", boost=2),
        index.AutocompleteField("job_title"),
        index.SearchField("bio"),
        index.FilterField("is_active"),
        index.FilterField("organisation_unit_id"),
    ]

    class Meta:
        ordering = ["sort_name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        indexes = [models.Index(fields=["is_active", "sort_name"])]

    def __str__(self):
        return self.full_name

    def save(self, *args, **kwargs):
        self.sort_name = dutch_sort_key(self.first_name, self.tussenvoegsel, self.last_name)
        super().save(*args, **kwargs)

    @property
    def full_name(self):
        return " ".join(part for part in (self.first_name, self.tussenvoegsel, self.last_name) if part)

    @property
    def initials(self):
        return (self.first_name[:1] + self.last_name[:1]).upper()
