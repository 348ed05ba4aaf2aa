"""Actions on people, with their permission checks: called by views, the admin, commands and tests."""

from collections.abc import Iterable, Mapping

from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage
from wagtail.models import Collection
from wagtail.search import index

from intranet.uploads import stored_name
from people import signals
from people.models import Person

PHOTO_COLLECTION = "Profielfoto's"
HR_GROUP = "HR-redactie"
AMBASSADOR_GROUPS = (HR_GROUP, "Moderators")


def can_edit_profile(user: User | AnonymousUser, person: Person) -> bool:
    """Only the person themself and HR editors (change_person permission) may change a profile."""
    if not user.is_authenticated or not user.is_active:
        return False
    return person.user_id == user.pk or user.has_perm("people.change_person")


def can_mark_ambassador(user: User | AnonymousUser) -> bool:
    """Community managers (Moderators) and HR editors mark ambassadors."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name__in=AMBASSADOR_GROUPS).exists()


def photo_collection() -> Collection:
    """Profile photos go to a collection of their own, made by migration people/0004."""
    return Collection.objects.filter(name=PHOTO_COLLECTION).first() or Collection.get_first_root_node()


def _store_photo(person: Person, upload: UploadedFile, user: User, description: str = "") -> AbstractImage:
    Image = get_image_model()
    upload.name = stored_name(upload)  # random, with the extension the photo check found
    image = Image(
        title=person.full_name,
        file=upload,
        description=description,
        collection=photo_collection(),
        uploaded_by_user=user,
    )
    image.save()
    return image


@transaction.atomic
def update_profile(
    user: User,
    person: Person,
    *,
    fields: Mapping[str, object],
    expertise: Iterable[str] | None = None,
    photo: UploadedFile | None = None,
    remove_photo: bool = False,
    photo_description: str | None = None,
) -> Person:
    """Save what an employee may change on their profile and score it again.

    `fields` holds the plain model fields of ProfileForm (phone, mobile, location, bio, working_days);
    `expertise` a list of tag names (None leaves the tags alone); `photo` an already validated upload;
    `photo_description` the photo's alt text, kept in the Wagtail image's `description` (None: unchanged).
    """
    if not can_edit_profile(user, person):
        raise PermissionDenied("You may only change your own profile.")
    allowed = {"phone", "mobile", "location", "bio", "working_days"}
    unknown = set(fields) - allowed
    if unknown:
        raise PermissionDenied(f"These fields are not yours to change: {', '.join(sorted(unknown))}")
    for name, value in fields.items():
        setattr(person, name, value)
    old_photo = person.photo if (photo or remove_photo) and person.photo_id else None
    description = None if photo_description is None else " ".join(photo_description.split())[:250]
    if photo:
        person.photo = _store_photo(person, photo, user, description or "")
    elif remove_photo:
        person.photo = None
    elif description is not None and person.photo is not None and person.photo.description != description:
        person.photo.description = description
        person.photo.save(update_fields=["description"])
    if expertise is not None:
        person.expertise.set(expertise, clear=False)
    person.save()
    if old_photo is not None:
        old_photo.delete()  # a replaced profile photo has no other use; don't let the library grow
    index.insert_or_update_object(person)
    return person


@transaction.atomic
def set_ambassador(user: User, person: Person, value: object) -> Person:
    if not can_mark_ambassador(user):
        raise PermissionDenied("Only community managers and HR editors mark ambassadors.")
    person.is_ambassador = bool(value)
    Person.objects.filter(pk=person.pk).update(is_ambassador=person.is_ambassador)
    signals.changed()  # the badge is on the cached cards; update() sends no signal
    return person
