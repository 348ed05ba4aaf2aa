"""What directregelen/ holds about a person: their requests (answers, attachments, the department's
replies), the replies they wrote as staff, and service pages that name them as contact or owner.

Erasure keeps a request as a record with the requester's name replaced: a request is part of the
organisation's handling of a matter, which the Archiefwet 1995 and the selection list
(selectielijst) may require to be kept for years (docs/privacy.md). Attachments stay with it."""

from django.db.models import Q

from directregelen.models import Request, RequestLogEntry, RequestReply, ServicePage
from intranet.media_headers import safe_download_name
from intranet.personal_data import Exported, Kind, iso
from people.models import Person


def _requests_export(user):
    records, files = [], []
    requests = Request.objects.filter(requester=user).prefetch_related("replies", "attachments")
    for request in requests:
        attachments = []
        for attachment in request.attachments.all():
            name = f"{request.reference}/{attachment.pk}-{safe_download_name(attachment.original_name, attachment.file.name)}"
            attachments.append({"field": attachment.field_name, "file": name, "size": attachment.size})
            files.append((name, attachment.file))
        records.append(
            {
                "reference": request.reference,
                "subject": request.title,
                "answers": request.data,
                "status": request.status,
                "submitted_at": iso(request.submitted_at),
                "done_at": iso(request.done_at),
                # The department's messages to them (without the staff member's name).
                "replies": [
                    {"text": r.body, "new_status": r.new_status, "at": iso(r.created_at)} for r in request.replies.all()
                ],
                "attachments": attachments,
            }
        )
    return Exported(records=records, files=files)


def _scrub_data(data, erasure):
    return [{**item, "value": erasure.scrub(item.get("value"))} if isinstance(item, dict) else item for item in data]


def _requests_erase(user, erasure):
    count = 0
    for request in Request.objects.filter(requester=user).prefetch_related("replies"):
        request.requester = None
        request.data = _scrub_data(request.data, erasure)
        request.save(update_fields=["requester", "data"])
        for reply in request.replies.all():
            scrubbed = erasure.scrub(reply.body)
            if scrubbed != reply.body:
                RequestReply.objects.filter(pk=reply.pk).update(body=scrubbed)
        count += 1
    return count


def _replies_export(user):
    return Exported(
        records=[
            {"request": r.request.reference, "text": r.body, "at": iso(r.created_at)}
            for r in RequestReply.objects.filter(author=user).select_related("request")
        ]
    )


def _replies_erase(user, erasure):
    # The reply stays with the request (a record); who of the department wrote it does not.
    count = RequestReply.objects.filter(author=user).update(author=None)
    return count + RequestLogEntry.objects.filter(user_id=user.pk).update(user=None)


def _contact_export(user):
    person = Person.objects.filter(user=user).first()
    if person is None:
        return Exported()
    pages = ServicePage.objects.filter(Q(contact_person=person) | Q(content_owner=person))
    return Exported(
        records=[
            {
                "service": p.title,
                "contact_person": p.contact_person_id == person.pk,
                "content_owner": p.content_owner_id == person.pk,
            }
            for p in pages
        ]
    )


def _contact_erase(user, erasure):
    person = Person.objects.filter(user=user).first()
    if person is None:
        return 0
    return ServicePage.objects.filter(contact_person=person).update(contact_person=None) + ServicePage.objects.filter(
        content_owner=person
    ).update(content_owner=None)


KINDS = [
    Kind(
        "directregelen.requests",
        "Requests sent, with the answers, attachments and the department's replies.",
        ("directregelen.Request.requester",),
        _requests_export,
        _requests_erase,
    ),
    Kind(
        "directregelen.replies_written",
        "Replies written to requests as department staff, and their actions in the request log.",
        ("directregelen.RequestReply.author", "directregelen.RequestLogEntry.user"),
        _replies_export,
        _replies_erase,
    ),
    Kind(
        "directregelen.service_contact",
        "Service pages that name them as contact or content owner.",
        ("directregelen.ServicePage.contact_person", "directregelen.ServicePage.content_owner"),
        _contact_export,
        _contact_erase,
    ),
]
