"""What happened to a request, for whoever listens (the API's webhooks), sent inside the change's transaction.

`request_changed(sender=Request, request=..., event="request.created" | "request.status_changed" |
"request.replied")`: a receiver that queues work does so with intranet.jobs.enqueue, so the work
exists exactly when the change was committed. directregelen knows no receiver.
"""

from django.dispatch import Signal

request_changed = Signal()

CREATED = "request.created"
STATUS_CHANGED = "request.status_changed"
REPLIED = "request.replied"
