"""Every query string cleaned in one place, before any view (ours or Wagtail's) reads it.

A NUL byte reaches PostgreSQL as an error ("A string literal cannot contain NUL"), other control
characters end up in search statistics and echoed forms, and a very long value costs every search
backend time. So, for every request:

- a control character in the path answers 404: no page, route or file name holds one;
- control characters are removed from each query parameter's name and value (tab, newline and
  carriage return stay in values: a GET textarea may hold them);
- each name and value is cut to MAX_VALUE_LENGTH characters;
- more than MAX_PARAMETERS parameters answer 400 (Django's own limit is much higher);
- a path segment that is a number of more than 18 digits, or a route's number beyond the
  database's range (e.g. `zaal-<int>.ics`), answers 404: it is no id of ours, and the database
  would refuse it as out of range (a 500 on every `<int:...>` route). Only whole numbers count:
  a random file name ("5260931176914174891b93….pdf") or a scanner's "scan_2026120710153012345.pdf"
  is a name, not an id (about one random name in 1,100 has such a run of digits), and nothing under
  /media/ or /documenten/ is checked, where every segment after the id is a file's name;
- posted form fields lose their control characters too (not their length: a post may be long), so
  no view that reads `request.POST` directly can hand PostgreSQL a NUL.

`request.GET` and `META["QUERY_STRING"]` are both replaced, so `get_full_path()` (login redirects,
`next` links) carries the cleaned query too.
"""

import re

from django.conf import settings
from django.core.exceptions import TooManyFieldsSent
from django.http import Http404, QueryDict

MAX_VALUE_LENGTH = 1000
MAX_PARAMETERS = 200

PATH_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
OVERSIZED_SEGMENT = re.compile(r"(?<![^/])[0-9]{19,}(?![^/])")
LARGEST_ID = 2**63 - 1  # bigint; smaller id columns are handled by Django's out-of-range lookups
# Uploaded files and Wagtail documents are named by their path: a scanner's "20261207101530123456"
# is a file name there, and their ids are looked up safely by Django (out-of-range is "not found").
FILE_PREFIXES = (settings.MEDIA_URL, "/documenten/")
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
VALUE_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
NAME_CONTROL = PATH_CONTROL


def clean_value(value):
    return VALUE_CONTROL.sub("", value)[:MAX_VALUE_LENGTH]


def clean_name(name):
    return NAME_CONTROL.sub("", name)[:MAX_VALUE_LENGTH]


def cleaned_form(form):
    """The posted fields without control characters, or None when they were clean. Files stay."""
    items = list(form.lists())
    cleaned = [
        (NAME_CONTROL.sub("", name), [VALUE_CONTROL.sub("", value) for value in values]) for name, values in items
    ]
    if cleaned == items:
        return None
    result = QueryDict(mutable=True)
    for name, values in cleaned:
        result.setlist(name, values)
    result._mutable = False
    return result


def cleaned_query(query):
    """A new immutable QueryDict without control characters, or the same one when it was clean."""
    items = list(query.lists())
    if sum(len(values) for _name, values in items) > MAX_PARAMETERS:
        raise TooManyFieldsSent(f"More than {MAX_PARAMETERS} query parameters.")
    cleaned = [(clean_name(name), [clean_value(value) for value in values]) for name, values in items]
    if cleaned == items:
        return None
    result = QueryDict(mutable=True)
    for name, values in cleaned:
        for value in values:
            result.appendlist(name, value)
    result._mutable = False
    return result


class QueryCleaningMiddleware:
    """Place early: before the login wall (its redirect copies the query) and every view."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if PATH_CONTROL.search(request.path_info) or PATH_CONTROL.search(request.path):
            raise Http404
        if OVERSIZED_SEGMENT.search(request.path_info) and not request.path_info.startswith(FILE_PREFIXES):
            raise Http404
        if request.META.get("QUERY_STRING"):
            cleaned = cleaned_query(request.GET)
            if cleaned is not None:
                request.GET = cleaned
                request.META["QUERY_STRING"] = cleaned.urlencode()
        if request.method == "POST" and request.content_type in FORM_TYPES:
            posted = cleaned_form(request.POST)
            if posted is not None:
                request.POST = posted
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # A converter inside a segment ("zaal-<int:room_id>.ics") hands the view a number the path
        # check above does not see as a segment of its own.
        for value in (*view_args, *view_kwargs.values()):
            if _oversized_id(value):
                raise Http404
        return None


def _oversized_id(value):
    # Only what a converter made a number: text (a file's name) is a name, whatever its characters.
    return isinstance(value, int) and not isinstance(value, bool) and abs(value) > LARGEST_ID
