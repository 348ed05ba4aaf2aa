"""What events tell people, through social's notifications (so the e-mail preferences hold: at once,
in the daily digest, or not by mail), never to anyone who may not see the event (social checks
`user_can_view` when it makes and again when it shows a notification)."""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from social.notifications import notify

NOTICE = "notice"  # a notification whose title is the whole message (teams use the same verb)


def _send(recipients, event, message, actor=None, excerpt=""):
    with translation.override(settings.LANGUAGE_CODE):
        text = str(message)
    return notify(
        list(recipients),
        verb=NOTICE,
        actor=actor,
        target=event,
        title=text,
        url=event.get_absolute_url() or "",
        excerpt=excerpt,
    )


def moved_up(event, users):
    with translation.override(settings.LANGUAGE_CODE):
        message = _("A place became free: you are now signed up for “%(title)s”.") % {"title": event.title}
    return _send(users, event, message)


def reminder(event, users):
    with translation.override(settings.LANGUAGE_CODE):
        message = _("Tomorrow: “%(title)s”.") % {"title": event.title}
    return _send(users, event, message)


def cancelled(event, users, actor):
    with translation.override(settings.LANGUAGE_CODE):
        message = _("Cancelled: “%(title)s”.") % {"title": event.title}
    return _send(users, event, message, actor=actor)


def changed(event, users, actor):
    with translation.override(settings.LANGUAGE_CODE):
        message = _("Changed: “%(title)s” (new time or place).") % {"title": event.title}
    return _send(users, event, message, actor=actor)


def message(event, users, actor, text):
    with translation.override(settings.LANGUAGE_CODE):
        title = _("Message about “%(title)s”") % {"title": event.title}
    return _send(users, event, title, actor=actor, excerpt=text)
