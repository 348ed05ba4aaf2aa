"""The API's errors: one JSON shape with a Dutch and an English message (docs/api.md).

    {"status": 409, "detail": "<Dutch>", "detail_en": "<English>", "errors": {"field": ["<Dutch>"]}}

`errors` is present only on a 400 and names each refused field (Dutch messages, as in the front end:
pydantic's and django-ninja's English messages are replaced by ours, FIELD_MESSAGES).
"""

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, JsonResponse
from django.utils import translation
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from ninja import Field, Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

MESSAGES = {
    400: _("The call is not valid; see the errors per field."),
    401: _("Send a valid token (Authorization: Bearer …) or log in."),
    403: _("This token may not do this: a scope is missing."),
    404: _("Not found."),
    405: _("This method is not allowed here."),
    409: _("The request was changed in the meantime; read it again and try once more."),
    429: _("Too many calls; wait a while and try again."),
    500: _("Something went wrong on our side."),
}


class ErrorOut(Schema):
    status: int
    detail: str = Field(description="The message in Dutch.")
    detail_en: str = Field(description="The same message in English.")
    errors: dict[str, list[str]] | None = Field(None, description="On a 400: the refused fields, in Dutch.")


def documented(ok, *codes):
    """An operation's responses for the schema: `ok` for 200, ErrorOut for each error code (and 401, 429)."""
    return {**({200: ok} if ok is not None else {}), **{code: ErrorOut for code in sorted({401, 429, *codes})}}


def binary(content_type, description):
    """openapi_extra for an operation that answers a file."""
    content = {content_type: {"schema": {"type": "string", "format": "binary"}}}
    return {"responses": {"200": {"description": description, "content": content}}}


class ApiError(Exception):
    """`message` is a lazy string, `params` fill its %(name)s after it is translated."""

    def __init__(self, status, message=None, *, params=None, errors=None, headers=None):
        super().__init__(str(message or MESSAGES.get(status, "")))
        self.status, self.message, self.params = status, message, params
        self.errors, self.headers = errors, headers or {}


def first_or_404(queryset):
    """The first row, or the API's 404 (a row outside the caller's reach is the same as none)."""
    found = queryset.first()
    if found is None:
        raise ApiError(404)
    return found


def _both(message, params=None):
    texts = []
    for language in ("nl", "en"):
        with translation.override(language):
            text = str(message)
            texts.append(text % params if params else text)
    return texts


def body(status, message=None, errors=None, params=None):
    dutch, english = _both(message or MESSAGES.get(status, MESSAGES[500]), params)
    payload = {"status": status, "detail": dutch, "detail_en": english}
    if errors:
        with translation.override("nl"):
            payload["errors"] = {field: [str(m) for m in messages] for field, messages in errors.items()}
    return payload


# Pydantic's common field errors in Dutch (its own messages are English); %(name)s comes from its ctx.
FIELD_MESSAGES = {
    "missing": _("This field is required."),
    "string_too_long": _("Use at most %(max_length)s characters."),
    "string_too_short": _("Use at least %(min_length)s characters."),
    "string_type": _("Send text here."),
    "int_parsing": _("Send a whole number."),
    "int_type": _("Send a whole number."),
    "int_from_float": _("Send a whole number."),
    "float_parsing": _("Send a number."),
    "float_type": _("Send a number."),
    "bool_parsing": _("Send true or false."),
    "bool_type": _("Send true or false."),
    "datetime_parsing": _("Send a date and time as ISO 8601, e.g. 2026-11-30T09:00:00+01:00."),
    "datetime_from_date_parsing": _("Send a date and time as ISO 8601, e.g. 2026-11-30T09:00:00+01:00."),
    "datetime_type": _("Send a date and time as ISO 8601, e.g. 2026-11-30T09:00:00+01:00."),
    "literal_error": _("Choose one of: %(expected)s."),
    "enum": _("Choose one of: %(expected)s."),
    "extra_forbidden": _("This field is not known here."),
    "json_invalid": _("The body is not valid JSON."),
    "model_attributes_type": _("Send a JSON object."),
    "dict_type": _("Send a JSON object."),
}
# django-ninja's own refusals ({field: English text}, without a type or msg).
NINJA_MESSAGES = {"Invalid Cursor": _("This cursor is not valid; follow the next or previous link as given.")}
INVALID = _("This value is not valid.")


def _translated(message, params):
    """`message` % `params` once it is translated (body() renders it in Dutch and English)."""
    return lazy(lambda: str(message) % params, str)() if params else message


def _field_message(error):
    message = FIELD_MESSAGES.get(error.get("type"))
    if message is None:
        return INVALID
    ctx = {key: str(value).replace(" or ", ", ") for key, value in (error.get("ctx") or {}).items()}
    try:
        str(message) % ctx
    except (KeyError, TypeError, ValueError):
        return INVALID  # a ctx without the named part: the plain message would show %(…)s
    return _translated(message, ctx)


def json_response(status, headers=None):
    """The error shape outside an operation (an unknown path, a wrong method): not Django's HTML pages."""
    response = JsonResponse(body(status), status=status, json_dumps_params={"ensure_ascii": False})
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def _field_errors(exc):
    """Pydantic's error list as {field: [Dutch message]}; the field is the last named part of its location."""
    errors = {}
    for error in exc.errors:
        if "loc" not in error and "type" not in error:
            for field, text in error.items():  # ninja's own, e.g. {"cursor": "Invalid Cursor"}
                errors.setdefault(str(field), []).append(NINJA_MESSAGES.get(text, INVALID))
            continue
        names = [
            str(part) for part in error.get("loc", ()) if part not in ("body", "query", "path", "header", "payload")
        ]
        errors.setdefault(names[-1] if names else "__all__", []).append(_field_message(error))
    return errors


def install(api):
    def respond(request, status, message=None, errors=None, headers=None, params=None):
        response = api.create_response(request, body(status, message, errors, params), status=status)
        for name, value in (headers or {}).items():
            response[name] = value
        return response

    @api.exception_handler(ApiError)
    def api_error(request, exc):
        return respond(request, exc.status, exc.message, exc.errors, exc.headers, exc.params)

    @api.exception_handler(NinjaValidationError)
    def invalid(request, exc):
        return respond(request, 400, errors=_field_errors(exc))

    @api.exception_handler(DjangoValidationError)
    def refused(request, exc):
        errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
        if getattr(exc, "code", None) == "throttled":
            wait = getattr(exc, "retry_after", None)
            return respond(request, 429, headers={"Retry-After": str(wait)} if wait else None)
        return respond(request, 400, errors=errors)

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request, exc):
        return respond(request, 401, headers={"WWW-Authenticate": 'Bearer realm="plein"'})

    @api.exception_handler(PermissionDenied)
    def forbidden(request, exc):
        return respond(request, 403)

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return respond(request, 404)

    @api.exception_handler(HttpError)
    def http_error(request, exc):
        return respond(request, exc.status_code)
