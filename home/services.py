"""Homepage actions: submit a header photo, choose one, and close the welcome for good."""

from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.images import get_image_model
from wagtail.models import Site

from home.models import PhotoSubmission, WelcomeDismissal
from intranet.models import IntranetSettings
from intranet.uploads import HEADER_MAX_PIXELS, check_photo, stored_name

PHOTO_MAX_BYTES = 10 * 1024 * 1024
CHOOSE_PERMISSION = "home.change_photosubmission"


def _require_employee(user: User | AnonymousUser) -> None:
    if not user.is_authenticated or not user.is_active or getattr(user, "person", None) is None:
        raise PermissionDenied(_("Only employees with a profile can submit a photo."))


def submit_photo(user: User, *, title: str | None, upload: UploadedFile) -> PhotoSubmission:
    _require_employee(user)
    title = (title or "").strip()
    if not title:
        raise ValidationError({"title": _("Give your photo a title.")})
    check_photo(upload, limit=PHOTO_MAX_BYTES, max_pixels=HEADER_MAX_PIXELS)
    # Wagtail stores the Image under the upload's name: make it ours, with the content's extension.
    upload.name = stored_name(upload)
    with transaction.atomic():
        image = get_image_model()(title=title, file=upload, uploaded_by_user=user)
        image.save()
        return PhotoSubmission.objects.create(submitter=user, title=title, image=image)


def choose_photo(editor: User, submission: PhotoSubmission, site: Site) -> PhotoSubmission:
    """Make the submission the homepage header photo, credited to its photographer."""
    if not editor.is_authenticated or not editor.has_perm(CHOOSE_PERMISSION):
        raise PermissionDenied(_("Only editors can choose the header photo."))
    person = getattr(submission.submitter, "person", None)
    with transaction.atomic():
        settings = IntranetSettings.for_site(site)
        settings.header_photo = submission.image
        settings.header_photo_credit = person.full_name if person else submission.submitter.get_username()
        settings.save()
        submission.chosen_at = timezone.now()
        submission.save(update_fields=["chosen_at"])
    return submission


def dismiss_welcome(user: User) -> None:
    if not user.is_authenticated:
        raise PermissionDenied("Log in first.")
    try:
        with transaction.atomic():
            WelcomeDismissal.objects.get_or_create(user=user)
    except IntegrityError:  # a double click from two tabs: it is dismissed, which is what was asked
        pass
