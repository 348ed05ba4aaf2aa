from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.blocks import block_choices, collect
from people import selectors as people
from social import targets


class HomePage(Page):
    """The start of the workday. Each block asks its own app for content (see home/blocks.py)."""

    intro = models.CharField(_("welcome line"), max_length=250, blank=True)
    welcome_text = models.CharField(
        _("welcome for first visitors"),
        max_length=500,
        blank=True,
        default="Welkom op het intranet! Hier begin je je werkdag: je apps, het nieuws, je aanvragen en je collega's.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("welcome_text"),
        InlinePanel(
            "block_settings",
            heading=_("Blocks"),
            label=_("Block"),
            help_text=_("The order of the blocks on the homepage; blocks not listed follow in their own order."),
        ),
    ]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("homepage")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        person = visitor(request)
        context["person"] = person
        context["blocks"] = collect(request, page=self)
        context["show_welcome"] = person is not None and not person.welcome_dismissed
        return context


def visitor(request):
    """The greeted person and whether they closed the welcome, in one query. The person is also
    kept as `request.user.person`, so blocks that need it do not load the same row again, and as
    people's current person (header avatar, profile nudge)."""
    if not request.user.is_authenticated:
        return None

    dismissed = WelcomeDismissal.objects.filter(user_id=OuterRef("user_id"))
    person = (
        people.current_person_query(request.user.pk)
        .annotate(welcome_dismissed=Exists(dismissed))
        .select_related("organisation_unit")  # for the must-read block (mustread.audience.employee)
        .first()
    )
    people.share_current_person(request, person)
    if person is not None:
        request.user.person = person
    return person


class HomeBlockSetting(Orderable):
    """One line of the editors' block list: which block, in this position, shown or not."""

    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="block_settings")
    key = models.CharField(_("block"), max_length=60, choices=block_choices)
    visible = models.BooleanField(_("show"), default=True)

    panels = [FieldPanel("key"), FieldPanel("visible")]

    class Meta(Orderable.Meta):
        verbose_name = _("homepage block")
        constraints = [models.UniqueConstraint(fields=["page", "key"], name="home_block_setting_once")]


class WelcomeDismissal(models.Model):
    """Remembers on the server that someone closed the welcome and tour, on every device."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    dismissed_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"{self.user_id}"


class PhotoSubmission(models.Model):
    """A colleague's photo offered for the homepage header; editors choose one each month."""

    submitter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="header_photo_submissions"
    )
    title = models.CharField(_("title"), max_length=120)
    image = models.ForeignKey("wagtailimages.Image", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(_("submitted"), default=timezone.now)
    chosen_at = models.DateTimeField(_("chosen as header photo"), null=True, blank=True)

    panels = [FieldPanel("title"), FieldPanel("image")]

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("header photo submission")
        verbose_name_plural = _("header photo submissions")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return f"{reverse('home:photos')}#foto-{self.pk}"

    def social_owner(self):
        return self.submitter


targets.register(PhotoSubmission)


class ContentPage(Page):
    """A plain page with a title, intro and text: help pages, quick guides, anything editorial."""

    intro = models.CharField(_("intro"), max_length=250, blank=True)
    body = RichTextField(_("text"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("content page")
