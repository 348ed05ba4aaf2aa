"""Direct regelen's jobs: the request and reply mails, and the weekly review reminder (docs/directregelen.md)."""

from directregelen.freshness import remind_owners
from directregelen.mail import send_reply_to_requester, send_request_to_department
from directregelen.models import RequestReply
from intranet.jobs import Periodic, job


@job()
def mail_request_to_department(request_pk, done=()):
    return send_request_to_department(request_pk)


@job()
def mail_reply_to_requester(reply_pk, done=()):
    if done:
        return False  # it went out; only something after the send failed
    reply = RequestReply.objects.select_related("request__requester", "request__department").get(pk=reply_pk)
    return send_reply_to_requester(reply)


@job()
def remind_service_owners(done=()):
    sent, _orphans = remind_owners(done=done)
    return sent


PERIODIC = [Periodic("directregelen.remind_service_owners", remind_service_owners, "weekly", hour=8)]
