"""Retire cached people parts (cards, filter menus, counts) whenever what they show changes.

Everything people pages cache lives under one generation (GENERATION, here); any save or
delete of a person, a tag or tagging, a unit, a location or an image bumps it. The bulk write paths
that send no signals (the HR import, services' QuerySet.update) call `changed()` themselves.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import Signal
from wagtail.images import get_image_model

from intranet import caching
from people.models import ExpertiseTag, Location, OrganisationUnit, Person, TaggedExpertise

GENERATION = "people"  # people.selectors and people.cards key their caches on it

# Sent after bulk writes to people that send no post_save (the HR import): apps that copy a person's
# fields (teams keeps each membership's sort name for its member lists) refresh their copies.
people_bulk_changed = Signal()


def changed(**kwargs):
    caching.bump(GENERATION)


def photo_changed(instance, **kwargs):
    if Person.objects.filter(photo_id=instance.pk).exists():
        changed()


def connect():
    for model in (Person, ExpertiseTag, TaggedExpertise, OrganisationUnit, Location):
        for signal in (post_save, post_delete):
            signal.connect(changed, sender=model, dispatch_uid=f"people-cache-{model._meta.label}-{id(signal)}")
    # Images: only someone's photo matters (a news image must not retire 50,000 cached cards). Deleting
    # a photo nulls Person.photo through an UPDATE that sends no signal for the person, and by
    # post_delete that reference is gone: so look before the delete.
    image_model = get_image_model()
    for signal in (post_save, pre_delete):
        signal.connect(photo_changed, sender=image_model, dispatch_uid=f"people-cache-photo-{id(signal)}")
    m2m_changed.connect(changed, sender=TaggedExpertise, dispatch_uid="people-cache-expertise-m2m")
