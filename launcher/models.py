"""The applications employees open every day, and each employee's own pinned order of them."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.templatetags.static import static
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin


class Icon(models.TextChoices):
    """A small local SVG set (launcher/static/launcher/icons): nothing is fetched from outside."""

    MAIL = "mail", _("E-mail")
    CALENDAR = "calendar", _("Calendar")
    PERSON = "person", _("Person")
    FOLDER = "folder", _("Folder")
    MAP = "map", _("Map")
    EURO = "euro", _("Money")
    HELPDESK = "helpdesk", _("Helpdesk")
    CHART = "chart", _("Chart")
    DOCUMENT = "document", _("Document")
    CLOCK = "clock", _("Clock")
    BOOK = "book", pgettext_lazy("icon", "Book")
    LINK = "link", _("Link")


class Category(models.TextChoices):
    COMMUNICATION = "communicatie", _("Communication and planning")
    PEOPLE = "personeel", _("HR and personnel")
    CASES = "zaken", _("Cases and documents")
    MAPS = "gegevens", _("Maps and data")
    FINANCE = "financien", _("Finance")
    SERVICE = "service", _("IT and facilities")
    OTHER = "overig", _("Other")


def validate_app_url(value):
    # Internal paths (/zalen/) and web addresses only: no javascript: or data: links in the launcher.
    if not (value.startswith("/") and not value.startswith("//")) and not value.startswith(("https://", "http://")):
        raise ValidationError(_("Enter a web address (https://…) or a path on the intranet (/…)."))


class AppQuerySet(SearchableQuerySetMixin, models.QuerySet):
    pass


class App(index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=80)
    url = models.CharField(_("address"), max_length=500, validators=[validate_app_url])
    icon = models.CharField(_("icon"), max_length=20, choices=Icon.choices, default=Icon.LINK)
    category = models.CharField(_("category"), max_length=20, choices=Category.choices, default=Category.OTHER)
    description = models.CharField(_("description"), max_length=250, blank=True)
    units = models.ManyToManyField(
        "people.OrganisationUnit",
        verbose_name=_("meant for"),
        blank=True,
        related_name="apps",
        help_text=_("Employees of these units (and their sub-units) get this app by default. Empty: everyone."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    sort_order = models.PositiveIntegerField(_("order"), default=100)

    objects = AppQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("url"),
        FieldPanel("icon"),
        FieldPanel("category"),
        FieldPanel("description"),
        FieldPanel("units"),
        FieldPanel("sort_order"),
        FieldPanel("is_active"),
    ]
    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.FilterField("is_active"),
        index.FilterField("category"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("app")
        verbose_name_plural = _("apps")

    def __str__(self):
        return self.name

    @property
    def icon_url(self):
        return static(f"launcher/icons/{self.icon}.svg")

    @property
    def is_external(self):
        return not self.url.startswith("/")


class Pin(models.Model):
    """An app an employee pinned to their own launcher, at their own position."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="app_pins")
    app = models.ForeignKey(App, on_delete=models.CASCADE, related_name="pins")
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [models.UniqueConstraint(fields=["user", "app"], name="launcher_pin_once")]

    def __str__(self):
        return f"{self.user_id}: {self.app_id}"
