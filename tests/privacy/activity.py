"""A person with activity in every app, every text carrying a marker, for the export and erasure tests."""

import io
from datetime import timedelta

from django.contrib.admin.models import ADDITION, LogEntry
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images import get_image_model

from tests.factories import PersonFactory


def png(name="foto.png", colour="#0b5394"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (24, 24), colour).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def make_person(username, first_name, last_name):
    person = PersonFactory(
        user__username=username,
        user__email=f"{username}@gemeente.example",
        user__first_name=first_name,
        user__last_name=last_name,
        first_name=first_name,
        last_name=last_name,
        bio=f"Over mij {username.upper()}-BIO",
        phone="010-1234567",
    )
    person.expertise.add(f"{username}-expertise")
    return person


def build(person, mark, *, shared_team=None, private_team=None):
    """Activity for `person` in every app; `mark` is in every text they write. Returns a dict of things."""
    from axes.models import AccessLog
    from django_comments.models import CommentFlag
    from wagtail.models import Page
    from wagtail.users.models import UserProfile

    from directregelen.models import Request, RequestAttachment, RequestReply
    from directregelen.uploads import private_storage
    from home.models import PhotoSubmission, WelcomeDismissal
    from insights.surveys.models import SurveyAnswer, SurveyPage
    from launcher.models import App, Pin
    from news.models import BlogIndexPage, BlogPage
    from people.models import ExternalIdentity
    from prikbord import services as board
    from privacy.models import DataExport, ErasureLog
    from rooms.models import Booking, Building, CalendarFeed, Room
    from social import services as social
    from social.models import ModerationAction, Notification, NotificationPreference
    from teams import posting
    from teams import services as teams
    from teams.models import Kind, Membership, Role, State

    user = person.user
    Image = get_image_model()
    photo = Image.objects.create(title=person.full_name, file=ImageFile(png(f"{mark}.png"), name=f"{mark}.png"))
    person.photo = photo
    person.save()
    ExternalIdentity.objects.create(user=user, issuer="https://idp.example", subject=f"sub-{mark}")
    UserProfile.get_for_user(user)
    LogEntry.objects.log_actions(user.pk, [photo], ADDITION, change_message=f"{mark} added")
    AccessLog.objects.create(
        username=user.username, ip_address="10.1.2.3", user_agent="test", attempt_time=timezone.now()
    )

    # teams: their own team, a post with an image in it and in the shared team, a question
    own_team = teams.create_team(user, title=f"Team {mark}", description=f"{mark} team", kind=Kind.OPEN)
    post = posting.create_post(user, own_team, text=f"Post {mark}", image=png())
    things = {"team": own_team, "post": post}
    if shared_team is not None:
        Membership.objects.get_or_create(
            team=shared_team, user=user, defaults={"role": Role.MEMBER, "state": State.ACTIVE}
        )
        things["shared_post"] = posting.create_post(user, shared_team, text=f"Shared {mark}", is_question=True)
    if private_team is not None:
        things["private_post"] = posting.create_post(user, private_team, text=f"Private {mark}")

    # social: a comment with an IP address, a like, a report, a notification, a preference, a moderation
    comment = social.post_comment(user, post, f"Comment {mark}", ip_address="192.0.2.7")
    social.like(user, post)
    CommentFlag.objects.create(user=user, comment=comment, flag=CommentFlag.SUGGEST_REMOVAL)
    Notification.objects.create(recipient=user, verb="notice", title=f"Notice {mark}", url="/")
    NotificationPreference.objects.create(user=user, email="off")
    ModerationAction.objects.create(comment=comment, action="hide", reason=f"Reason {mark}", moderator=user)

    # home
    submission_image = Image.objects.create(title=f"Header {mark}", file=ImageFile(png(), name="header.png"))
    PhotoSubmission.objects.create(submitter=user, title=f"Header {mark}", image=submission_image)
    WelcomeDismissal.objects.create(user=user)

    # news: a blog by them
    home = Page.objects.get(depth=2)
    blog_index = BlogIndexPage.objects.first()
    if blog_index is None:
        blog_index = home.add_child(instance=BlogIndexPage(title="Blogs", slug="blogs"))
    blog = blog_index.add_child(
        instance=BlogPage(title=f"Blog {mark}", slug=f"blog-{mark.lower()}", author=person, owner=user)
    )
    blog.save_revision(user=user).publish()

    # directregelen: a request with an attachment and a reply; they answer someone's request as staff
    request = Request.objects.create(
        reference=f"REQ-{mark}",
        requester=user,
        title=f"Request {mark}",
        data=[
            {"name": "naam", "label": "Naam", "value": person.full_name},
            {"name": "x", "label": "Wat", "value": f"Answer {mark}"},
        ],
    )
    stored = private_storage.save(f"aanvragen/{mark}.pdf", ContentFile(b"%PDF-1.4 " + mark.encode()))
    RequestAttachment.objects.create(
        request=request,
        field_name="bijlage",
        file=stored,
        original_name=f"{mark}.pdf",
        content_type="application/pdf",
        size=10,
    )
    RequestReply.objects.create(request=request, body=f"Beste {person.first_name}, reply {mark}")
    RequestReply.objects.create(request=request, author=user, body=f"Staff reply {mark}")

    # rooms
    building, _ = Building.objects.get_or_create(name="Stadhuis")
    room = Room.objects.create(building=building, name=f"Zaal {mark}", capacity=6)  # PostgreSQL refuses overlaps
    start = timezone.now() + timedelta(days=1)
    booking = Booking.objects.create(
        room=room, organiser=person, title=f"Meeting {mark}", start=start, end=start + timedelta(hours=1)
    )
    booking.attendees.add(person)
    CalendarFeed.objects.create(person=person)

    # events: a team event they planned and organise, and their sign-up for it
    if shared_team is not None:
        from agenda.models import Signup, TeamEvent

        team_event = TeamEvent.objects.create(
            team=shared_team, title=f"Event {mark}", start=start, end=start + timedelta(hours=2), created_by=user
        )
        team_event.organisers.add(person)
        Signup.objects.create(team_event=team_event, person=person, status=Signup.Status.GOING)

    # launcher
    app, _ = App.objects.get_or_create(name="Zaaksysteem", defaults={"url": "https://zaak.example"})
    Pin.objects.create(user=user, app=app)

    # prikbord: an item with a photo; they moderated their own for the test's sake
    item = board.create_post(user, category="te-koop", title=f"Fiets {mark}", text=f"Item {mark}", photos=[png()])
    type(item).objects.filter(pk=item.pk).update(moderated_by=user, moderation_reason=f"Moved {mark}")

    # insights: a named survey answer
    survey = SurveyPage.objects.filter(slug="enquete").first()
    if survey is None:
        survey = home.add_child(instance=SurveyPage(title="Enquête", slug="enquete", anonymous=False))
    SurveyAnswer.objects.create(
        page=survey, respondent=user, respondent_key=f"key-{mark}", form_data={"antwoord": f"Survey {mark}"}
    )

    # mustread: a must-read they set up on their blog, and their confirmation of it
    from mustread.models import Confirmation, MustRead

    must_read = MustRead.objects.create(page=blog, created_by=user)
    Confirmation.objects.create(
        must_read=must_read,
        page_title=blog.title,
        version=1,
        user=user,
        name=person.full_name,
        employee_number=person.employee_number,
    )

    # api: a call made with their own session
    from api.models import ApiCall

    ApiCall.objects.create(user=user, method="GET", path="/api/v1/news", status=200)

    # privacy: an erasure they carried out
    ErasureLog.objects.create(subject="account 0", reason="request", actor=user, via="test", counts={})
    DataExport.objects.create(user=user)
    things.update(comment=comment, blog=blog, request=request, booking=booking, item=item, photo=photo)
    return things
