"""Direct regelen: the staff departments' service portal and the requests that come in through it."""

from directregelen.models.form_pages import RequestFormField, RequestFormPage
from directregelen.models.log_entries import RequestLogEntry
from directregelen.models.pages import DepartmentPage, DirectRegelenPage, PortalTask, RelatedService, ServicePage
from directregelen.models.requests import ReferenceCounter, Request, RequestAttachment, RequestReply

__all__ = [
    "DepartmentPage",
    "DirectRegelenPage",
    "PortalTask",
    "ReferenceCounter",
    "RelatedService",
    "Request",
    "RequestAttachment",
    "RequestFormField",
    "RequestFormPage",
    "RequestLogEntry",
    "RequestReply",
    "ServicePage",
]
