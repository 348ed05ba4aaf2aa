"""What home/ holds about a person: header photos they offered, and that they closed the welcome."""

import posixpath

from home.models import PhotoSubmission, WelcomeDismissal
from intranet.models import IntranetSettings
from intranet.personal_data import Exported, Kind, delete_rows, iso


def _photos_export(user):
    records, files = [], []
    for submission in PhotoSubmission.objects.filter(submitter=user).select_related("image"):
        name = f"{submission.pk}{posixpath.splitext(submission.image.file.name)[1]}"
        records.append(
            {
                "title": submission.title,
                "submitted_at": iso(submission.created_at),
                "chosen_at": iso(submission.chosen_at),
                "file": name,
            }
        )
        files.append((name, submission.image.file))
    return Exported(records=records, files=files)


def _photos_erase(user, erasure):
    submissions = list(PhotoSubmission.objects.filter(submitter=user).select_related("image"))
    in_use = set(IntranetSettings.objects.values_list("header_photo_id", flat=True))
    for submission in submissions:
        image = submission.image
        submission.delete()
        if image.pk not in in_use:
            image.delete()  # Wagtail removes the file and its renditions
    # The photographer's credit under the current header photo names them.
    IntranetSettings.objects.filter(header_photo_credit__in=erasure.names()).update(
        header_photo_credit=erasure.placeholder
    )
    return len(submissions)


def _welcome_export(user):
    return Exported(records=[{"dismissed_at": iso(w.dismissed_at)} for w in WelcomeDismissal.objects.filter(user=user)])


KINDS = [
    Kind(
        "home.header_photos",
        "Photos offered for the homepage header.",
        ("home.PhotoSubmission.submitter",),
        _photos_export,
        _photos_erase,
    ),
    Kind(
        "home.welcome",
        "That the welcome block was closed.",
        ("home.WelcomeDismissal.user",),
        _welcome_export,
        delete_rows(WelcomeDismissal, "user"),
    ),
]
