"""The page tree: portal > department > service (and request forms, see form_pages)."""

import datetime
import string

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

RICH_FEATURES = ["bold", "italic", "ol", "ul", "link", "h3"]


def free_prefix(prefix):
    """`prefix` with a letter added that no department uses yet (ICT → ICTB, ICTC, ...)."""
    stem = prefix[:5]
    taken = set(
        DepartmentPage.objects.filter(reference_prefix__startswith=stem).values_list("reference_prefix", flat=True)
    )
    free = next((stem + letter for letter in string.ascii_uppercase[1:] if stem + letter not in taken), None)
    if free is None:
        raise ValidationError(
            {"reference_prefix": _("Every prefix starting with %(stem)s is in use; choose another.") % {"stem": stem}}
        )
    return free


class DirectRegelenPage(Page):
    """The one central entry for every staff department's services."""

    intro = models.CharField(_("intro"), max_length=250, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel("tasks", heading=_("I want to..."), label=_("task")),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["directregelen.DepartmentPage"]
    max_count = 1

    class Meta:
        verbose_name = _("Direct regelen portal")

    def get_context(self, request, *args, **kwargs):
        # Imported here: at the top it makes an import cycle (directregelen.selectors needs this module loaded first).
        from directregelen import selectors

        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.portal_context(self))
        return context


class PortalTask(Orderable):
    """A task-shaped entry on the portal ("Ik wil... op vakantie") that leads straight to a page."""

    portal = ParentalKey(DirectRegelenPage, related_name="tasks", on_delete=models.CASCADE)
    label = models.CharField(_("label"), max_length=80, help_text=_("Completes 'I want to...', e.g. 'take leave'."))
    link_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [
        FieldPanel("label"),
        PageChooserPanel("link_page", ["directregelen.ServicePage", "directregelen.RequestFormPage"]),
    ]


class DepartmentPage(Page):
    """One staff department (P&O, ICT, ...) with its own editors, workflow and request queue."""

    intro = models.TextField(_("intro"), max_length=600, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=30, blank=True)
    visiting_address = models.CharField(_("where to find us"), max_length=200, blank=True)
    opening_hours = models.TextField(_("opening hours"), max_length=400, blank=True)
    mailbox = models.EmailField(
        _("request mailbox"), blank=True, help_text=_("Every request submitted to this department is mailed here.")
    )
    reference_prefix = models.CharField(
        _("reference prefix"),
        max_length=6,
        default="DR",
        unique=True,  # API write scopes (requests:write:ICT) name a department by it
        validators=[RegexValidator(r"^[A-Z]{2,6}$", _("Use 2 to 6 capital letters."))],
        error_messages={"unique": _("Another department already uses this prefix.")},
        help_text=_("Starts every reference number, e.g. ICT gives ICT-2026-00042."),
    )
    # Set by directregelen.access when the department is made; not editable by the department itself.
    editors_group = models.ForeignKey(
        Group, null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )
    lead_editors_group = models.ForeignKey(
        Group, null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("visiting_address"),
                FieldPanel("opening_hours"),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            # Only superusers change the prefix: API tokens' write scopes and reference numbers hang on it.
            [FieldPanel("mailbox"), FieldPanel("reference_prefix", permission="superuser")],
            heading=_("Requests"),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["directregelen.DirectRegelenPage"]
    subpage_types = ["directregelen.ServicePage", "directregelen.RequestFormPage"]
    # A copy (or alias) is another department: its own prefix (save() finds a free one), and its own
    # groups (wagtail_hooks), not the original's editors.
    exclude_fields_in_copy = ["reference_prefix", "editors_group", "lead_editors_group"]

    class Meta:
        verbose_name = _("department")

    def save(self, *args, **kwargs):
        # A new department whose prefix is in use did not get it from a superuser (the form refuses that):
        # a copy, or one made by an editor who does not see the field. It gets a free one instead of a
        # 500 on the unique index; a superuser then sets the right one.
        if self._state.adding and DepartmentPage.objects.filter(reference_prefix=self.reference_prefix).exists():
            self.reference_prefix = free_prefix(self.reference_prefix)
        return super().save(*args, **kwargs)

    def with_content_json(self, content):
        page = super().with_content_json(content)
        if self.alias_of_id:  # an alias follows its original's content, but the prefix stays its own (unique)
            page.reference_prefix = self.reference_prefix
        # Group links are not content: a revision made before they were set (a copy's, a new page's) or
        # an original's (an alias) must not unset or swap them when it is published.
        page.editors_group_id, page.lead_editors_group_id = self.editors_group_id, self.lead_editors_group_id
        return page

    def get_context(self, request, *args, **kwargs):
        # Imported here: at the top it makes an import cycle (directregelen.selectors needs this module loaded first).
        from directregelen import selectors

        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.department_context(self))
        return context


def one_year_from_today():
    return timezone.localdate() + datetime.timedelta(days=365)


class ServicePage(Page):
    """One thing an employee can arrange, written as a task: what, how, conditions, cost, who to ask."""

    summary = models.CharField(_("one-line summary"), max_length=200)
    what_you_arrange = RichTextField(_("what you arrange here"), features=RICH_FEATURES, blank=True)
    steps = RichTextField(_("steps"), features=RICH_FEATURES, blank=True)
    conditions = RichTextField(_("conditions"), features=RICH_FEATURES, blank=True)
    costs = models.CharField(_("costs"), max_length=200, blank=True)
    lead_time = models.CharField(_("lead time"), max_length=200, blank=True)
    action_label = models.CharField(_("button text"), max_length=60, blank=True)
    action_page = models.ForeignKey(
        "directregelen.RequestFormPage",
        verbose_name=_("online form"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action_url = models.URLField(_("application link"), blank=True, help_text=_("Or a link to the application."))
    contact_person = models.ForeignKey(
        "people.Person",
        verbose_name=_("contact person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    keywords = models.CharField(
        _("search keywords and synonyms"),
        max_length=400,
        blank=True,
        help_text=_("Words people search with, comma separated: 'vakantie, vrije dag' for leave."),
    )
    content_owner = models.ForeignKey(
        "people.Person",
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Keeps this page correct and gets the review reminders; without one, the page's creator gets them."
        ),
    )
    review_by = models.DateField(_("review by"), default=one_year_from_today, db_index=True)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("what_you_arrange"),
        FieldPanel("steps"),
        FieldPanel("conditions"),
        MultiFieldPanel([FieldPanel("costs"), FieldPanel("lead_time")], heading=_("Costs and lead time")),
        MultiFieldPanel(
            [FieldPanel("action_label"), PageChooserPanel("action_page"), FieldPanel("action_url")],
            heading=_("Button"),
        ),
        FieldPanel("contact_person"),
        InlinePanel("related_services", heading=_("Related services"), label=_("related service")),
    ]
    promote_panels = Page.promote_panels + [
        FieldPanel("keywords"),
        MultiFieldPanel([FieldPanel("content_owner"), FieldPanel("review_by")], heading=_("Freshness")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("keywords", boost=3),
        index.AutocompleteField("keywords"),
        index.SearchField("what_you_arrange"),
        index.SearchField("steps"),
        index.SearchField("conditions"),
        index.FilterField("review_by"),
    ]
    parent_page_types = ["directregelen.DepartmentPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("service")
        verbose_name_plural = _("services")

    def clean(self):
        super().clean()
        if self.action_page_id and self.action_url:
            raise ValidationError({"action_url": _("Choose either an online form or a link, not both.")})

    @property
    def is_overdue(self):
        return self.review_by < timezone.localdate()

    def get_context(self, request, *args, **kwargs):
        # Imported here: at the top it makes an import cycle (directregelen.selectors needs this module loaded first).
        from directregelen import selectors

        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.service_context(self))
        return context

    def serve(self, request, *args, **kwargs):
        # Imported here: at the top it makes an import cycle (directregelen.services needs this module loaded first).
        from directregelen.services import record_service_view

        if request.method == "GET" and not getattr(request, "is_preview", False):
            record_service_view(self, user=request.user)
        return super().serve(request, *args, **kwargs)


class RelatedService(Orderable):
    page = ParentalKey(ServicePage, related_name="related_services", on_delete=models.CASCADE)
    service = models.ForeignKey(ServicePage, verbose_name=_("service"), on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("service")]
