"""Weighted profile completeness: what a colleague can add to their own profile, heaviest first.

The weights sum to 100; the order decides which missing field the nudge names (the heaviest one).
HR-owned fields (name, function, unit, manager) are not scored: the employee cannot change them.
"""

from django.utils.translation import gettext_lazy as _

# (key, weight, what the nudge asks for)
WEIGHTS = [
    ("photo", 20, _("add a profile photo")),
    ("expertise", 20, _("tell what people can ask you about")),
    ("bio", 15, _("write a few lines about yourself")),
    ("phone", 15, _("add your phone number")),
    ("location", 10, _("choose your work location")),
    ("working_days", 10, _("fill in your working days")),
    ("mobile", 10, _("add your mobile number")),
]
assert sum(weight for _key, weight, _label in WEIGHTS) == 100


def filled_fields(person, has_expertise):
    return {
        "photo": bool(person.photo_id),
        "expertise": bool(has_expertise),
        "bio": bool(person.bio.strip()),
        "phone": bool(person.phone),
        "location": bool(person.location_id),
        "working_days": bool(person.working_days),
        "mobile": bool(person.mobile),
    }


def score(person, has_expertise):
    filled = filled_fields(person, has_expertise)
    return sum(weight for key, weight, _label in WEIGHTS if filled[key])


def most_valuable_missing(person, has_expertise):
    """The label of the heaviest field still empty, or None when the profile is complete."""
    filled = filled_fields(person, has_expertise)
    for key, _weight, label in WEIGHTS:
        if not filled[key]:
            return label
    return None
