import re

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField

from intranet import navigation
from intranet.navigation import SectionLinkBlock

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


def _relative_luminance(hex_colour):
    def channel(value):
        c = int(value, 16) / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(hex_colour[i : i + 2]) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_with_white(hex_colour):
    """WCAG contrast ratio between the colour and white text on it."""
    return 1.05 / (_relative_luminance(hex_colour) + 0.05)


def validate_primary_colour(value):
    # The header and buttons put white text on this colour: below 4.5:1 it fails WCAG 2.1 AA.
    if HEX_COLOUR.match(value) and contrast_with_white(value) < 4.5:
        raise ValidationError(
            _("White text on %(colour)s has a contrast of %(ratio).1f:1; choose a darker colour (at least 4.5:1)."),
            params={"colour": value, "ratio": contrast_with_white(value)},
        )


@register_setting(icon="site")
class IntranetSettings(BaseSiteSetting):
    """How the organisation names and dresses its own intranet."""

    name = models.CharField(_("intranet name"), max_length=60, default="Plein")
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    primary_colour = models.CharField(
        _("primary colour"),
        max_length=7,
        default="#154273",
        validators=[RegexValidator(HEX_COLOUR, _("Enter a colour as #RRGGBB.")), validate_primary_colour],
        help_text=_("Used for the header and buttons, with white text on it."),
    )
    header_photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("homepage header photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    header_photo_credit = models.CharField(_("photographer"), max_length=120, blank=True)
    # In this row (not a table of its own) so that the bar on every page costs no query: the frame
    # loads these settings anyway. Empty means the built-in sections (intranet/navigation.py).
    section_links = StreamField(
        [("section", SectionLinkBlock())],
        verbose_name=_("section bar"),
        blank=True,
        help_text=_("The sections on top of every page, in this order. Leave empty for the standard sections."),
    )

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("name"),
                    FieldPanel("logo"),
                    FieldPanel("primary_colour"),
                    MultiFieldPanel(
                        [FieldPanel("header_photo"), FieldPanel("header_photo_credit")], heading=_("Homepage")
                    ),
                ],
                heading=_("Look"),
            ),
            ObjectList([FieldPanel("section_links")], heading=_("Section bar")),
        ]
    )

    class Meta:
        verbose_name = _("intranet settings")


class ScheduledRun(models.Model):
    """One row per periodic job and period it was queued for (intranet.jobs.run_due): the unique pair
    makes a second scheduler, on this machine or another, queue nothing."""

    name = models.CharField(max_length=100)
    period = models.CharField(max_length=20)
    queued_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["name", "period"], name="scheduled_run_once_per_period")]

    def __str__(self):
        return f"{self.name} {self.period}"


class DailyPageView(models.Model):
    """How many employees opened a Wagtail page on a day, each counted once (intranet.page_views); never
    who. The one count of page views: insights reads it for its dashboard, Direct regelen for the
    portal's most used services."""

    day = models.DateField(_("day"))
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="views_per_day")
    views = models.PositiveIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("page views per day")
        verbose_name_plural = _("page views per day")
        constraints = [models.UniqueConstraint(fields=["day", "page"], name="intranet_pageview_unique")]

    def __str__(self):
        return f"{self.day} page {self.page_id}: {self.views}"


@receiver([post_save, post_delete], sender=IntranetSettings, dispatch_uid="nav-settings-changed")
def _settings_changed(sender, instance, **kwargs):
    navigation.settings_changed(sender, instance)
