"""Events: organisation-wide ones are Wagtail pages (EventPage, edited by Communicatie), team events are
plain rows a team's admins make on the team page (TeamEvent). Both share EventFields; sign-ups point at
either through one of two foreign keys (a check constraint says exactly one), so the sign-up service,
the calendar and the reminders treat both alike (docs/events.md says why two models).
"""

from django.conf import settings
from django.db import models
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from intranet.page_visibility import hidden_page_paths
from people.models import Person
from social import targets

DESCRIPTION_MAX = 5000


class EventFields(models.Model):
    """What every event has: when, where, and the sign-up rules."""

    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    all_day = models.BooleanField(_("all day"), default=False, help_text=_("The times are ignored."))
    place = models.CharField(_("place"), max_length=200, blank=True, help_text=_("An address or a room elsewhere."))
    room = models.ForeignKey(
        "rooms.Room",
        verbose_name=_("Plein room"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The room is booked for the event, and moved or freed with it."),
    )
    booking = models.OneToOneField(
        "rooms.Booking", null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )
    online_link = models.URLField(_("online link"), blank=True, max_length=500)
    description = models.TextField(_("description"), max_length=DESCRIPTION_MAX, blank=True)
    signup_enabled = models.BooleanField(_("sign-up"), default=False)
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    signup_deadline = models.DateTimeField(
        _("sign-up deadline"), null=True, blank=True, help_text=_("Leave empty to allow sign-up until the start.")
    )
    waiting_list = models.BooleanField(_("waiting list"), default=True)
    # Calendar clients replace their copy when SEQUENCE rises (RFC 5545): bumped on every change.
    sequence = models.PositiveIntegerField(default=0, editable=False)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True, editable=False)

    class Meta:
        abstract = True

    @property
    def is_cancelled(self):
        return self.cancelled_at is not None

    @property
    def is_past(self):
        return self.end < timezone.now()

    @property
    def deadline(self):
        return self.signup_deadline or self.start

    def signup_open(self, now=None):
        now = now or timezone.now()
        return self.signup_enabled and not self.is_cancelled and now < self.deadline

    @property
    def multi_day(self):
        return timezone.localtime(self.start).date() != timezone.localtime(self.end).date()

    @property
    def where(self):
        if self.room_id:
            return f"{self.room.name}, {self.room.building.name}"
        return self.place


class EventIndexPage(RoutablePageMixin, Page):
    """The agenda (/agenda/): upcoming events, the month, the archive; EventPages live below it."""

    intro = models.TextField(_("intro"), blank=True)
    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count = 1

    class Meta:
        verbose_name = _("agenda")

    @path("")
    def upcoming(self, request):
        # Imported here: at the top it makes an import cycle (agenda.views needs this module loaded first).
        from agenda import views

        return views.agenda(request, self)

    @path("maand/", name="month")
    def month(self, request):
        # Imported here: at the top it makes an import cycle (agenda.views needs this module loaded first).
        from agenda import views

        return views.month(request, self)

    @path("archief/", name="archive")
    def archive(self, request):
        # Imported here: at the top it makes an import cycle (agenda.views needs this module loaded first).
        from agenda import views

        return views.archive(request, self)


class EventPage(EventFields, Page):
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organisers = ParentalManyToManyField(Person, verbose_name=_("organisers"), blank=True, related_name="+")

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("start"), FieldPanel("end"), FieldPanel("all_day")],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [FieldPanel("room"), FieldPanel("place"), FieldPanel("online_link")],
            heading=_("Where"),
        ),
        FieldPanel("description"),
        FieldPanel("image"),
        FieldPanel("organisers"),
        MultiFieldPanel(
            [
                FieldPanel("signup_enabled"),
                FieldPanel("capacity"),
                FieldPanel("signup_deadline"),
                FieldPanel("waiting_list"),
            ],
            heading=_("Sign-up"),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("description"), index.SearchField("place")]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    # A copy is a new event: no room (the original holds it then; the editor chooses one), no booking, its
    # own calendar SEQUENCE, not cancelled; sign-ups stay with the original (a plain foreign key).
    exclude_fields_in_copy = ["room", "booking", "cancelled_at", "sequence"]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    team = None
    team_id = None

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # A revision carries the booking, SEQUENCE and cancellation of its own moment; publishing an
        # older revision must not point at a booking that was freed since, lower SEQUENCE (calendars
        # would ignore the update) or take back a cancellation. The database holds the truth of these.
        if self.pk:
            where = ("start", "end", "all_day", "room_id", "place")
            stored = (
                EventPage.objects.filter(pk=self.pk)
                .values("booking_id", "sequence", "cancelled_at", "live", *where)
                .first()
            )
            if stored:
                # Published with a new time or place: agenda.services tells those signed up.
                self._moved = stored["live"] and any(getattr(self, f) != stored[f] for f in where)
                self._new_start = self.start != stored["start"]
                self.booking_id = stored["booking_id"]
                self.sequence = max(self.sequence or 0, stored["sequence"])
                self.cancelled_at = stored["cancelled_at"] or self.cancelled_at
        return super().save(*args, **kwargs)

    def get_absolute_url(self):
        return self.get_url()

    def user_can_view(self, user):
        """Live, and outside every section whose view restriction the user fails (as the agenda lists)."""
        if not (self.live and user is not None and user.is_authenticated):
            return False
        return not any(self.path.startswith(path) for path in hidden_page_paths(user))

    def can_manage(self, user):
        person = getattr(user, "person", None)
        if user.is_superuser or (
            person is not None
            and EventPage.organisers.through.objects.filter(eventpage_id=self.pk, person_id=person.pk).exists()
        ):
            return True
        return self.permissions_for_user(user).can_edit()

    def get_context(self, request, *args, **kwargs):
        # Imported here: at the top it makes an import cycle (agenda.views needs this module loaded first).
        from agenda import views

        context = super().get_context(request, *args, **kwargs)
        context.update(views.event_context(request, self))
        return context

    def serve(self, request, *args, **kwargs):
        if not self.user_can_view(request.user):
            raise Http404
        return super().serve(request, *args, **kwargs)


class TeamEvent(EventFields):
    team = models.ForeignKey("teams.TeamPage", verbose_name=_("team"), on_delete=models.CASCADE, related_name="events")
    title = models.CharField(_("title"), max_length=200)
    organisers = models.ManyToManyField(Person, verbose_name=_("organisers"), blank=True, related_name="+")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    image = None

    class Meta:
        ordering = ["start", "pk"]
        verbose_name = _("team event")
        verbose_name_plural = _("team events")
        indexes = [models.Index(fields=["team", "start"])]
        constraints = [models.CheckConstraint(condition=models.Q(end__gte=models.F("start")), name="team_event_end")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:team_event", args=[self.pk])

    def user_can_view(self, user):
        """As the team's timeline: open teams for everyone, others for members (superusers too)."""
        return self.team.content_visible_to(user)

    @classmethod
    def social_visible(cls, user):
        # Imported here: at the top it makes an import cycle (agenda.selectors needs this module loaded first).
        from agenda.selectors import visible_team_events

        return visible_team_events(user)

    def can_manage(self, user):
        return user.is_superuser or self.team.is_admin(user)


class Signup(models.Model):
    class Status(models.TextChoices):
        GOING = "going", _("Going")
        MAYBE = "maybe", _("Maybe")
        NOT_GOING = "not_going", _("Not going")
        WAITING = "waiting", _("On the waiting list")

    page = models.ForeignKey(EventPage, null=True, blank=True, on_delete=models.CASCADE, related_name="signups")
    team_event = models.ForeignKey(TeamEvent, null=True, blank=True, on_delete=models.CASCADE, related_name="signups")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="event_signups")
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    # The waiting list's order: the moment someone joined it.
    waiting_since = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("sign-up")
        verbose_name_plural = _("sign-ups")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(page__isnull=True, team_event__isnull=False)
                | models.Q(page__isnull=False, team_event__isnull=True),
                name="signup_one_event",
            ),
            models.UniqueConstraint(
                fields=["page", "person"], condition=models.Q(page__isnull=False), name="signup_once_per_page"
            ),
            models.UniqueConstraint(
                fields=["team_event", "person"],
                condition=models.Q(team_event__isnull=False),
                name="signup_once_per_team_event",
            ),
        ]
        indexes = [models.Index(fields=["person", "status"])]

    def __str__(self):
        return f"{self.person} {self.status}"

    @property
    def event(self):
        return self.page if self.page_id else self.team_event


def signups_of(event):
    """The sign-up rows of either kind of event."""
    if isinstance(event, EventPage):
        return Signup.objects.filter(page_id=event.pk)
    return Signup.objects.filter(team_event_id=event.pk)


def event_key(event):
    return {"page": event} if isinstance(event, EventPage) else {"team_event": event}


targets.register_notice_target(EventPage)
targets.register_notice_target(TeamEvent)
