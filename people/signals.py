"""Retire cached people parts (cards, filter menus, counts) whenever what they show changes.

Everything people pages cache lives under one generation (people.selectors.GENERATION); any save or
delete of a person, a tag or tagging, a unit, a location or an image bumps it. The bulk write paths
that send no signals (the HR import, services' QuerySet.update) call `changed()` themselves.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.images import get_image_model

from intranet import caching

GENERATION = "people"  # people.selectors.GENERATION (not imported: signals load early)


def changed(**kwargs):
    caching.bump(GENERATION)


def connect():
    from people.models import ExpertiseTag, Location, OrganisationUnit, Person, TaggedExpertise

    # Images: a replaced or deleted photo changes the avatar (deleting one nulls Person.photo through
    # an UPDATE that sends no signal for the person).
    for model in (Person, ExpertiseTag, TaggedExpertise, OrganisationUnit, Location, get_image_model()):
        for signal in (post_save, post_delete):
            signal.connect(changed, sender=model, dispatch_uid=f"people-cache-{model._meta.label}-{id(signal)}")
    m2m_changed.connect(changed, sender=TaggedExpertise, dispatch_uid="people-cache-expertise-m2m")
