"""The vocabulary of teams: a team's kind, a member's role and a membership's state. Their own module so
that the rules, the forms and other apps' lists name them without loading the page models."""

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    OPEN = "open", _("Open: anyone can join")
    CLOSED = "closed", _("Closed: members are approved by an admin")
    PRIVATE = "private", _("Private: invisible to non-members, by invitation")


def kind_label(kind):
    """The short name of a kind ("Open team") for lists, search results and badges."""
    labels = {
        Kind.OPEN: gettext("Open team"),
        Kind.CLOSED: gettext("Closed team"),
        Kind.PRIVATE: gettext("Private team"),
    }
    return labels.get(kind, "")


class Role(models.TextChoices):
    ADMIN = "admin", _("Admin")
    MEMBER = "member", _("Member")


class State(models.TextChoices):
    ACTIVE = "active", _("Member")
    REQUESTED = "requested", _("Asked to join")
    INVITED = "invited", _("Invited")
