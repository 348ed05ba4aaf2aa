"""CSV cells that a spreadsheet never runs as a formula, for every export in Plein (CSV injection).

A text cell starting with = + - @ (or a tab or carriage return) would be read by Excel or LibreOffice
as a formula, e.g. `=HYPERLINK("http://evil","click")`; such cells get a leading apostrophe. Numbers
stay numbers. Plein's own exports call `safe_cell`; Wagtail's exports (form submissions, reports,
modeladmin and snippet listings) all go through `SpreadsheetExportMixin.preprocess_field_value`, which
`install()` wraps once at start-up (with the headings). In XLSX Wagtail already stores formula-like
cells as text.
"""

import csv

from django.http import HttpResponse
from wagtail.admin.views.mixins import SpreadsheetExportMixin

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_response(filename, columns, rows):
    """A CSV download Excel opens as UTF-8, every cell through safe_cell."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    response.write("\ufeff")  # a byte order mark, so that Excel reads the file as UTF-8
    writer = csv.writer(response)
    writer.writerow([safe_cell(column) for column in columns])
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return response


def install():
    original = SpreadsheetExportMixin.preprocess_field_value
    if getattr(original, "plein_safe_cells", False):
        return
    original_heading = SpreadsheetExportMixin.get_heading

    def preprocess_field_value(self, field, value, export_format):
        value = original(self, field, value, export_format)
        return safe_cell(value) if export_format == self.FORMAT_CSV else value

    def get_heading(self, queryset, field):
        # Headings can be editors' text (a survey's questions); Wagtail writes them unprocessed.
        return safe_cell(original_heading(self, queryset, field))

    preprocess_field_value.plein_safe_cells = True
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
    SpreadsheetExportMixin.get_heading = get_heading
