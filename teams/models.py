"""Teams: TeamIndexPage (/teams/) > TeamPage, with memberships and a timeline of posts.

Teams are Wagtail pages so the admin can find and manage them in the page tree, but they are made
from the front end by any employee (teams.services.create_team). Who sees what:
- the team page itself: open and closed teams for every employee, private teams only for members;
- the timeline and documents: open teams for every employee, closed and private for members.
Every list and search filters on that (teams.selectors.visible_teams); serve() answers 404 to a
non-member of a private team, so its existence stays hidden.
"""

import os

from django.conf import settings
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail.url_routing import RouteResult

from intranet.uploads import random_path
from people.models import Person
from social import targets
from teams import slugs
from teams.admin_form import TeamPageForm
from teams.choices import Kind, Role, State, kind_label  # noqa: F401 (imported from here across the apps)

NAME_MAX = 80
DESCRIPTION_MAX = 2000
POST_TEXT_MAX = 5000


def _team_file_path(filename):
    # A random name with an allow-listed extension: the services pass the extension the content check
    # found (intranet.uploads.stored_name); the uploader's name is kept only as data (document_name).
    return random_path("teams", filename)


def team_image_path(instance, filename):
    return _team_file_path(filename)


def post_image_path(instance, filename):
    return _team_file_path(filename)


def post_document_path(instance, filename):
    return _team_file_path(filename)


class TeamIndexPage(RoutablePageMixin, Page):
    intro = RichTextField(_("intro"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["teams.TeamPage"]
    max_count = 1

    class Meta:
        verbose_name = _("teams overview")

    def route(self, request, path_components):
        """A team's address in one query: Wagtail's own route loads the child as a Page and then again
        as its TeamPage, on every request for a team, its members or a post. The overview's own
        routes ("nieuw/") come first, as in RoutablePageMixin."""
        if not path_components or not self.live:
            return super().route(request, path_components)
        try:
            request.routable_resolver_match = self.resolve_subpage("/" + "/".join(path_components) + "/")
        except Http404:
            pass
        else:
            view, args, kwargs = request.routable_resolver_match
            return RouteResult(self, args=(view, args, kwargs))
        team = TeamPage.objects.child_of(self).filter(slug=path_components[0]).first()
        if team is None:
            raise Http404
        team._cached_parent_obj = self
        return team.route(request, path_components[1:])

    @path("")
    def team_list(self, request):
        # Imported here: at the top it makes an import cycle (teams.views needs this module loaded first).
        from teams import views

        return views.team_list(request, self)

    @path("nieuw/", name="new")
    def new_team(self, request):
        # Imported here: at the top it makes an import cycle (teams.views needs this module loaded first).
        from teams import views

        return views.new_team(request, self)


class TeamPage(RoutablePageMixin, Page):
    description = models.TextField(_("description"), max_length=DESCRIPTION_MAX, blank=True)
    image = models.FileField(_("image"), upload_to=team_image_path, blank=True, max_length=255, db_index=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.OPEN)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    last_activity_at = models.DateTimeField(_("last activity"), default=timezone.now, db_index=True)
    archived_at = models.DateTimeField(_("archived"), null=True, blank=True, db_index=True)
    archive_notified_at = models.DateTimeField(null=True, blank=True)
    keep_until = models.DateTimeField(_("keep until"), null=True, blank=True)
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="merged_teams"
    )
    pinned_post = models.ForeignKey(
        "teams.TeamPost", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    member_count = models.PositiveIntegerField(_("members"), default=0)

    content_panels = Page.content_panels + [
        FieldPanel("description"),
        FieldPanel("image"),
        MultiFieldPanel(
            [FieldPanel("kind"), FieldPanel("archived_at"), FieldPanel("keep_until")],
            heading=_("About this team"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("description"),
        index.FilterField("kind"),
        index.FilterField("archived_at"),
    ]
    parent_page_types = ["teams.TeamIndexPage"]
    subpage_types = []
    base_form_class = TeamPageForm

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")

    @property
    def is_archived(self):
        return self.archived_at is not None

    def _membership(self, user):
        """The user's membership, looked up once per page object and user."""
        if user is None or not user.is_authenticated or self.pk is None:
            return None
        cache = self.__dict__.setdefault("_membership_cache", {})
        if user.pk not in cache:
            cache[user.pk] = Membership.objects.filter(team=self, user=user).first()
        return cache[user.pk]

    def is_member(self, user):
        membership = self._membership(user)
        return membership is not None and membership.state == State.ACTIVE

    def role_of(self, user):
        """ "admin" or "member" for an active member, else None."""
        membership = self._membership(user)
        if membership is None or membership.state != State.ACTIVE:
            return None
        return membership.role

    def is_admin(self, user):
        return self.role_of(user) == Role.ADMIN

    @classmethod
    def social_visible(cls, user):
        """user_can_view as a queryset: notifications about a team (an invitation, archiving, a merge)
        show only to those who may still open its page."""
        teams = cls.objects.all()
        if user is None or not user.is_authenticated:
            return teams.none()
        if user.is_superuser:
            return teams
        member_or_invited = Membership.objects.filter(
            team=models.OuterRef("pk"), user_id=user.pk, state__in=[State.ACTIVE, State.INVITED]
        )
        return teams.filter(~models.Q(kind=Kind.PRIVATE) | models.Exists(member_or_invited))

    def get_workflow(self):
        # A private team never enters a workflow: its moderators would get its name by mail and on their
        # dashboard (teams.wagtail_hooks turns "submit" into a draft save for one).
        return None if self.kind == Kind.PRIVATE else super().get_workflow()

    @property
    def has_workflow(self):
        # Page.has_workflow does not ask get_workflow; "submit for moderation" is offered on this.
        return self.get_workflow() is not None

    def user_can_view(self, user):
        """The page itself (name, description, members): hidden only for private teams."""
        if user is None or not user.is_authenticated:
            return False
        if self.kind != Kind.PRIVATE or user.is_superuser:
            return True
        # Someone invited sees the page (not its timeline) to accept or decline.
        membership = self._membership(user)
        return membership is not None and membership.state in (State.ACTIVE, State.INVITED)

    def content_visible_to(self, user):
        """Timeline, documents and images of posts (none while the page is unpublished)."""
        if user is None or not user.is_authenticated or not self.live:
            return False
        if self.kind == Kind.OPEN:
            return True
        return self.is_member(user) or (self.kind == Kind.PRIVATE and user.is_superuser)

    def can_post(self, user):
        return not self.is_archived and self.is_member(user)

    def get_absolute_url(self):
        return self.get_url()

    def save(self, *args, **kwargs):
        # Whatever the path (front end, admin, a published revision), a private team never keeps the
        # plain slug of its name: a new team's address would tell that it exists (teams.slugs).
        update_fields = kwargs.get("update_fields")
        slug_saved = update_fields is None or "slug" in update_fields
        if slug_saved and self.kind == Kind.PRIVATE and self.path and not slugs.is_private_slug(self.slug, self.title):
            siblings = Page.objects.filter(path__startswith=self.path[: -self.steplen], depth=self.depth)
            taken = siblings.exclude(pk=self.pk).values_list("slug", flat=True)
            self.slug = slugs.unique_slug(self.title, taken, private=True)
        return super().save(*args, **kwargs)

    def serve(self, request, *args, **kwargs):
        if not self.user_can_view(request.user):
            raise Http404
        return super().serve(request, *args, **kwargs)

    @path("")
    def team_page(self, request):
        # Imported here: at the top it makes an import cycle (teams.views needs this module loaded first).
        from teams import views

        return views.team_page(request, self)

    @path("bericht/<int:post_id>/", name="post")
    def post_page(self, request, post_id):
        # Imported here: at the top it makes an import cycle (teams.views needs this module loaded first).
        from teams import views

        return views.post_page(request, self, post_id)

    @path("leden/", name="members")
    def members_page(self, request):
        # Imported here: at the top it makes an import cycle (teams.views needs this module loaded first).
        from teams import views

        return views.members_page(request, self)

    @path("bewerken/", name="edit")
    def edit_page(self, request):
        # Imported here: at the top it makes an import cycle (teams.views needs this module loaded first).
        from teams import views

        return views.edit_team(request, self)


class Membership(models.Model):
    team = models.ForeignKey(TeamPage, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="team_memberships")
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.ACTIVE)
    created_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)
    # A copy of the person's sort name, so that a member list of thousands sorts and pages on an index
    # of this table alone (teams.signals keeps it current when a name changes).
    sort_name = models.CharField(max_length=220, blank=True, default="", editable=False)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [models.UniqueConstraint(fields=["team", "user"], name="teams_one_membership")]
        indexes = [
            models.Index(fields=["user", "state"], name="teams_member_user_state"),
            models.Index(fields=["team", "state", "role"], name="teams_member_team_state"),
            # The member list (admins first, then by name) and the team page's sample (by joining).
            models.Index(fields=["team", "state", "role", "sort_name", "id"], name="teams_member_by_name"),
            models.Index(fields=["team", "state", "role", "created_at", "id"], name="teams_member_by_joined"),
        ]

    def __str__(self):
        return f"{self.user} @ {self.team_id} ({self.role}, {self.state})"

    def save(self, *args, **kwargs):
        if not self.sort_name and self.user_id:
            self.sort_name = (
                Person.objects.filter(user_id=self.user_id).values_list("sort_name", flat=True).first() or ""
            )
        super().save(*args, **kwargs)


class TeamPost(models.Model):
    team = models.ForeignKey(TeamPage, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="team_posts"
    )
    text = models.TextField(_("text"), max_length=POST_TEXT_MAX)
    link = models.URLField(_("link"), blank=True, max_length=500)
    image = models.FileField(_("image"), upload_to=post_image_path, blank=True, max_length=255, db_index=True)
    image_alt = models.CharField(_("description of the photo"), max_length=250, blank=True)
    document = models.FileField(_("document"), upload_to=post_document_path, blank=True, max_length=255, db_index=True)
    document_name = models.CharField(_("document name"), blank=True, max_length=255)
    is_question = models.BooleanField(_("question"), default=False)
    accepted_answer = models.ForeignKey(
        "django_comments_xtd.XtdComment", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    first_answer_at = models.DateTimeField(null=True, blank=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    moved_from = models.ForeignKey(TeamPage, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    move_reason = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("team post")
        verbose_name_plural = _("team posts")
        indexes = [
            models.Index(fields=["team", "-created_at"], name="teams_post_timeline"),
            models.Index(fields=["is_question", "first_answer_at"], name="teams_post_question"),
            # The dashboard's oldest unanswered questions: read in date order, stopping after 20.
            models.Index(
                fields=["created_at", "id"],
                condition=models.Q(is_question=True, first_answer_at__isnull=True),
                name="teams_post_unanswered",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        # A page of its own (not an anchor on the timeline): comment links append "#c<id>" to it.
        # A timeline gives its posts their address at once (teams.selectors.timeline: the team's is
        # asked once, not twice per post).
        return self.__dict__.get("timeline_url") or f"{self.team.get_url()}bericht/{self.pk}/"

    @property
    def author_name(self):
        """As the post's heading names the author (the photo's fallback description uses it too)."""
        person = getattr(self.author, "person", None) if self.author_id else None
        if person:
            return person.full_name
        return self.author.get_username() if self.author_id else gettext("Former colleague")

    @property
    def title(self):
        text = " ".join(self.text.split())
        return text if len(text) <= 60 else text[:59].rstrip() + "…"

    # The social layer's contract (social/targets.py).
    @property
    def allow_comments(self):
        return not self.team.is_archived

    @property
    def allow_likes(self):
        return not self.team.is_archived

    def user_can_view(self, user):
        return self.team.content_visible_to(user)

    @classmethod
    def social_visible(cls, user):
        """user_can_view as a queryset (notifications and the moderation queue filter with it)."""
        # Imported here: at the top it makes an import cycle (teams.visibility needs this module loaded first).
        from teams.visibility import readable_posts

        return readable_posts(user)

    def social_owner(self):
        return self.author

    @property
    def document_extension(self):
        return os.path.splitext(self.document.name)[1].lstrip(".").upper() if self.document else ""


targets.register(TeamPost)
targets.register_notice_target(TeamPage)
