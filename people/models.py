"""People and the organisation they work in.

A Person is a plain indexed model, not a Wagtail page: 50,000 tree nodes with revisions would cost
much and give users nothing. The people index page serves them (issue: People).
"""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.signals import m2m_changed
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from taggit.managers import TaggableManager
from taggit.models import ItemBase, TagBase
from treebeard.mp_tree import MP_Node
from wagtail.search import index

from intranet.text import fold
from people import completeness
from people.pages import PeopleIndexPage  # noqa: F401  (Wagtail finds page models in models.py)
from people.routing import profile_url


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
    folded = fold(text)
    return " ".join(folded.split())


def name_words(text):
    """Lower-case, accent-folded words of a name as people type it: apostrophes dropped ("'t" -> "t"),
    other signs split words ("Berg, van den" -> "berg van den")."""
    folded = fold(str(text or "").lower())
    return re.sub(r"[^a-z0-9]+", " ", re.sub(r"['`]", "", folded)).split()


def search_name_key(first_name, tussenvoegsel, last_name):
    """The full name as written ("jan in t veld"): search matches each typed word against its words."""
    return " ".join(name_words(f"{first_name} {tussenvoegsel} {last_name}"))


class ExpertiseTag(TagBase):
    """ "Vraag mij over": a tag vocabulary of its own, apart from the tags on news and pages."""

    class Meta:
        ordering = ["name"]
        verbose_name = _("expertise")
        verbose_name_plural = _("expertise")


class TaggedExpertise(ItemBase):
    tag = models.ForeignKey(ExpertiseTag, on_delete=models.CASCADE, related_name="tagged_people")
    content_object = models.ForeignKey("Person", on_delete=models.CASCADE, related_name="tagged_expertise")

    class Meta:
        unique_together = [("content_object", "tag")]


WEEKDAYS = [_("Monday"), _("Tuesday"), _("Wednesday"), _("Thursday"), _("Friday")]
DAY_PARTS = [_("morning"), _("afternoon")]


# Paths of the people page's own routes: a profile slug may not shadow them.
RESERVED_SLUGS = {"nieuw", "ambassadeurs", "organisatie", "mijn-profiel"}


def working_day_bit(day, part):
    """Working days are a bit mask: one bit per weekday morning/afternoon (Monday morning = bit 0)."""
    return 1 << (day * 2 + part)


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
    # Matched by search word by word (trigram-indexed on PostgreSQL, see search's migrations).
    search_name = models.CharField(max_length=260, blank=True, editable=False)
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
    working_days = models.PositiveSmallIntegerField(_("working days"), default=0)
    expertise = TaggableManager(
        verbose_name=_("ask me about"),
        help_text=_("Topics colleagues may ask you about, separated by commas."),
        through=TaggedExpertise,
        blank=True,
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    is_active = models.BooleanField(_("active"), default=True, db_index=True)
    # Set by the HR import when someone leaves; the leavers' job erases them a grace period later.
    deactivated_at = models.DateTimeField(_("deactivated at"), null=True, blank=True, editable=False)
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
        index.RelatedFields("expertise", [index.SearchField("name", boost=2)]),
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
        self.search_name = search_name_key(self.first_name, self.tussenvoegsel, self.last_name)
        self.completeness = completeness.score(self, self.has_expertise())
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "sort_name", "search_name", "completeness"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return profile_url(self)

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": _("This web address is reserved; choose another.")})
        if self.manager_id and self.manager_id == self.pk:
            raise ValidationError({"manager": _("Someone cannot be their own manager.")})

    def has_expertise(self):
        if not self.pk:
            return False
        cache = getattr(self, "_prefetched_objects_cache", {})
        if "expertise" in cache:
            return bool(cache["expertise"])
        return TaggedExpertise.objects.filter(content_object_id=self.pk).exists()

    def refresh_completeness(self):
        self.completeness = completeness.score(self, self.has_expertise())
        Person.objects.filter(pk=self.pk).update(completeness=self.completeness)

    def missing_field(self):
        """What the nudge asks for next, or None at 100%."""
        return completeness.most_valuable_missing(self, self.has_expertise())

    @property
    def working_day_table(self):
        """[(weekday, works in the morning, works in the afternoon)] for the profile's little table."""
        return [
            (day, bool(self.working_days & working_day_bit(i, 0)), bool(self.working_days & working_day_bit(i, 1)))
            for i, day in enumerate(WEEKDAYS)
        ]

    def _full_name(self):
        return " ".join(part for part in (self.first_name, self.tussenvoegsel, self.last_name) if part)

    _full_name.short_description = _("name")  # the admin's column heading, not "Full name"
    full_name = property(_full_name)

    @property
    def initials(self):
        return (self.first_name[:1] + self.last_name[:1]).upper()


@receiver(m2m_changed, sender=TaggedExpertise)
def _expertise_changed(sender, instance, action, **kwargs):
    """Tags are saved after the person (admin forms, services): score again once they change."""
    if action in ("post_add", "post_remove", "post_clear") and isinstance(instance, Person):
        instance.__dict__.get("_prefetched_objects_cache", {}).pop("expertise", None)
        instance.refresh_completeness()


class ExternalIdentity(models.Model):
    """The identity provider's stable id for an account (docs/sso.md): the first match at every SSO login."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.CASCADE,
        related_name="external_identities",
    )
    issuer = models.CharField(_("issuer"), max_length=255)
    subject = models.CharField(pgettext_lazy("login identity", "subject"), max_length=255)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("external identity")
        verbose_name_plural = _("external identities")
        constraints = [
            models.UniqueConstraint(fields=["issuer", "subject"], name="people_identity_unique_subject"),
            models.UniqueConstraint(fields=["issuer", "user"], name="people_identity_one_per_issuer"),
        ]

    def __str__(self):
        return f"{self.issuer} {self.subject}"


class RoleGroupMapping(models.Model):
    """A role (or group) value from the identity provider that puts its holders in a Django group.

    Applied at every SSO login: groups named here are added and removed after the claim; other groups stay.
    """

    role = models.CharField(_("role at the identity provider"), max_length=255)
    group = models.ForeignKey("auth.Group", verbose_name=_("group"), on_delete=models.CASCADE, related_name="+")

    class Meta:
        ordering = ["role"]
        verbose_name = _("role mapping")
        verbose_name_plural = _("role mappings")
        constraints = [models.UniqueConstraint(fields=["role", "group"], name="people_role_group_unique")]

    def __str__(self):
        return f"{self.role} → {self.group}"
