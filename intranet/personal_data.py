"""Personal data: the plug-in point through which every app says what it holds about a person (AVG).

Each app declares, in `<app>/personal_data.py`, a list `KINDS` of `Kind`s: one kind of data (its
name in the export, e.g. "social.likes"), the relations to the user model or to people's Person it
covers ("app_label.Model.field"), and two functions:
- `export(user)` returns an `Exported` (JSON-able records plus files to put beside them);
- `erase(user, erasure)` removes or anonymises that kind and returns how many rows it touched.
Apps are found in INSTALLED_APPS order, like home blocks and seeders; erasure runs them in reverse,
so feature apps go before people/ and social/, and the frame's own kinds (the account itself) last.

This module is also the frame's own declaration: the account, and what third-party apps keep about
it (Wagtail, the admin log, django-axes, sessions). tests/privacy/test_coverage.py fails when a
relation to a user or Person is declared by no app and is not listed in EXEMPT below.
"""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.apps import apps
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone
from wagtail.admin.models import EditingSession, FormState
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    APIToken,
    ModelLogEntry,
    Page,
    PageLogEntry,
    PageSubscription,
    Revision,
    TaskState,
    UploadedFile,
    WorkflowState,
)
from wagtail.models import Comment as PageComment
from wagtail.models import CommentReply as PageCommentReply
from wagtailmedia.models import get_media_model

from intranet.plugins import app_modules

# Relations to a user or Person that need no declaration, with the reason. Keep this the one place.
# e.g. {"someapp.Model.field": "why nothing personal is kept there"}; none needed so far.
EXEMPT: dict[str, str] = {}


@dataclass
class Exported:
    records: list[dict[str, Any]] = field(default_factory=list)
    # (name inside the ZIP, a Django File/FieldFile); the builder prefixes "files/<kind>/".
    files: list[tuple[str, Any]] = field(default_factory=list)


@dataclass
class Erasure:
    """What an erase function needs to know beyond the account."""

    user: Any
    person: Any = None
    keep_content: bool = True  # posts and comments kept as "Former colleague" (PRIVACY_KEEP_CONTENT)

    @property
    def placeholder(self) -> str:
        return settings.PRIVACY_FORMER_COLLEAGUE

    def names(self) -> list[str]:
        """Strings that name the person, longest first: replaced in records that must be kept."""
        user, person = self.user, self.person
        found = {user.get_username(), user.email, user.get_full_name(), user.first_name, user.last_name}
        if person is not None:
            found |= {person.full_name, person.email, f"{person.first_name} {person.last_name}"}
            # Alone too ("Beste Sanne,"), in the records kept about them (their requests).
            found |= {person.first_name, person.last_name}
        return sorted((s for s in found if s and len(s) > 2), key=len, reverse=True)

    def scrub(self, text: Any) -> Any:
        if not isinstance(text, str):
            return text
        for name in self.names():
            text = _replace_folded(text, name, self.placeholder)
        return text


def delete_files_on_commit(files: Iterable[Any]) -> None:
    """Remove stored files once the erasure is committed (a rolled-back erasure keeps them)."""
    names = [(f.storage, f.name) for f in files if f]
    transaction.on_commit(lambda: [storage.delete(name) for storage, name in names])


def delete_rows(model: Any, field: str) -> Callable[[Any, Erasure], int]:
    """An erase function that deletes the person's rows of `model` (found by `field`)."""
    return lambda user, erasure: model._default_manager.filter(**{field: user}).delete()[0]


def unlink(model: Any, field: str) -> Callable[[Any, Erasure], int]:
    """An erase function that keeps the rows of `model` but takes the person out of `field`."""
    return lambda user, erasure: model._default_manager.filter(**{field: user}).update(**{field: None})


def iso(value: Any) -> str | None:
    return value.isoformat() if value else None


def _replace_folded(text: str, name: str, replacement: str) -> str:
    # Whole words only: erasing "Jan" must not turn "januari" into nonsense.
    return re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", replacement, text, flags=re.IGNORECASE)


@dataclass(frozen=True)
class Kind:
    name: str
    description: str
    covers: tuple[str, ...]  # "app_label.Model.field" relations to the user model or Person
    export: Callable[[Any], Exported]  # export(user)
    erase: Callable[[Any, Erasure], int]  # erase(user, erasure) -> rows touched


def app_kinds() -> list[tuple[str, list[Kind]]]:
    """[(app name, [Kind])] in INSTALLED_APPS order."""
    return [(name, list(getattr(module, "KINDS", []))) for name, module in app_modules("personal_data")]


def kinds() -> list[Kind]:
    return [kind for _app, app_list in app_kinds() for kind in app_list]


def covered_relations() -> set[str]:
    return {relation for kind in kinds() for relation in kind.covers}


def relation_key(model: Any, field_name: str) -> str:
    return f"{model._meta.label}.{field_name}"


def person_of(user: Any) -> Any:
    Person = apps.get_model("people", "Person")
    return Person.objects.filter(user=user).first()


# --- The frame's own kinds: the account and what the platform's apps keep about it ---------------


def _iso(value: Any) -> str | None:
    return value.isoformat() if value else None


def _account_export(user: Any) -> Exported:
    return Exported(
        records=[
            {
                "username": user.get_username(),
                "first_name": user.first_name,
                "last_name": user.last_name,
                "email": user.email,
                "date_joined": _iso(user.date_joined),
                "last_login": _iso(user.last_login),
                "is_active": user.is_active,
                "groups": sorted(user.groups.values_list("name", flat=True)),
            }
        ]
    )


def _account_erase(user: Any, erasure: Erasure) -> int:
    # Last of all: what still points here with SET_NULL becomes "Former colleague", CASCADE goes.
    get_user_model().objects.filter(pk=user.pk).delete()
    return 1


def _wagtail_export(user: Any) -> Exported:
    records = []
    for page in Page.objects.filter(owner=user).only("title", "url_path", "live"):
        records.append({"type": "page_owned", "title": page.title, "live": page.live})
    records.append({"type": "revisions", "count": Revision.objects.filter(user=user).count()})
    records.append({"type": "page_log_entries", "count": PageLogEntry.objects.filter(user=user).count()})
    for comment in PageComment.objects.filter(user=user):
        records.append({"type": "admin_comment", "text": comment.text, "created_at": _iso(comment.created_at)})
    profile = getattr(user, "wagtail_userprofile", None)
    if profile is not None:
        records.append(
            {
                "type": "admin_settings",
                "language": profile.preferred_language,
                "time_zone": profile.current_time_zone,
                "theme": profile.theme,
            }
        )
    return Exported(records=records)


def _wagtail_erase(user: Any, erasure: Erasure) -> int:
    count = 0
    for model, fields in (
        (Page, ("owner", "locked_by")),
        (Revision, ("user",)),
        (PageLogEntry, ("user",)),
        (ModelLogEntry, ("user",)),
        (PageComment, ("resolved_by",)),
        (WorkflowState, ("requested_by",)),
        (TaskState, ("finished_by",)),
        (get_image_model(), ("uploaded_by_user",)),
        (get_document_model(), ("uploaded_by_user",)),
        (UploadedFile, ("uploaded_by_user",)),
    ):
        for name in fields:
            count += model._default_manager.filter(**{name: user}).update(**{name: None})

    count += get_media_model().objects.filter(uploaded_by_user=user).update(uploaded_by_user=None)
    for model in (PageCommentReply, PageComment, PageSubscription, EditingSession, FormState, APIToken):
        count += model._default_manager.filter(user=user).delete()[0]
    return count


def _admin_log_export(user: Any) -> Exported:
    entries: Iterable[Any] = LogEntry.objects.filter(user=user)  # get_action_flag_display is made at runtime
    return Exported(
        records=[
            {"action_time": _iso(e.action_time), "object": e.object_repr, "action": e.get_action_flag_display()}
            for e in entries
        ]
    )


def _admin_log_erase(user: Any, erasure: Erasure) -> int:
    return LogEntry.objects.filter(user=user).delete()[0]


def _logins_export(user: Any) -> Exported:
    username = user.get_username()
    records = [
        {"type": "login", "at": _iso(e.attempt_time), "ip_address": e.ip_address}
        for e in AccessLog.objects.filter(username=username)
    ]
    records += [
        {"type": "failed_login", "at": _iso(e.attempt_time), "ip_address": e.ip_address}
        for e in AccessFailureLog.objects.filter(username=username)
    ]
    records += [
        {"type": "lockout_counter", "failures": e.failures_since_start, "ip_address": e.ip_address}
        for e in AccessAttempt.objects.filter(username=username)
    ]
    return Exported(records=records)


def _logins_erase(user: Any, erasure: Erasure) -> int:
    username = user.get_username()
    return sum(
        model.objects.filter(username=username).delete()[0] for model in (AccessAttempt, AccessFailureLog, AccessLog)
    )


def _sessions_erase(user: Any, erasure: Erasure) -> int:
    """Database sessions are looked through; cached ones die with the account (its auth hash is gone)."""
    if settings.SESSION_ENGINE != "django.contrib.sessions.backends.db":
        return 0
    mine = [
        s.pk
        for s in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
        if str(s.get_decoded().get("_auth_user_id")) == str(user.pk)
    ]
    return Session.objects.filter(pk__in=mine).delete()[0]


KINDS = [
    Kind(
        "wagtail",
        "Pages owned, revisions and log entries, admin comments and settings in the Wagtail admin.",
        (
            "wagtailcore.Page.owner",
            "wagtailcore.Page.locked_by",
            "wagtailcore.Revision.user",
            "wagtailcore.PageLogEntry.user",
            "wagtailcore.ModelLogEntry.user",
            "wagtailcore.Comment.user",
            "wagtailcore.Comment.resolved_by",
            "wagtailcore.CommentReply.user",
            "wagtailcore.PageSubscription.user",
            "wagtailcore.WorkflowState.requested_by",
            "wagtailcore.TaskState.finished_by",
            "wagtailcore.UploadedFile.uploaded_by_user",
            "wagtailcore.APIToken.user",
            "wagtailimages.Image.uploaded_by_user",
            "wagtaildocs.Document.uploaded_by_user",
            "wagtailmedia.Media.uploaded_by_user",
            "wagtailadmin.EditingSession.user",
            "wagtailadmin.FormState.user",
            "wagtailusers.UserProfile.user",
        ),
        _wagtail_export,
        _wagtail_erase,
    ),
    Kind(
        "admin_log",
        "Django admin log entries.",
        ("admin.LogEntry.user",),
        _admin_log_export,
        _admin_log_erase,
    ),
    Kind(
        "logins",
        "Login history and lockout counters (django-axes), by username and IP address.",
        (),
        _logins_export,
        _logins_erase,
    ),
    Kind("sessions", "Login sessions.", (), lambda user: Exported(), _sessions_erase),
    Kind(
        "account",
        "The login account: username, name, e-mail, groups.",
        ("auth.User_groups.user", "auth.User_user_permissions.user"),
        _account_export,
        _account_erase,
    ),
]
