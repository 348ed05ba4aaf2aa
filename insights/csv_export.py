"""Every dashboard table as CSV, with cells that cannot run as a formula in a spreadsheet.

A cell that starts with = + - @ (or a tab or carriage return) would be read by Excel or LibreOffice as
a formula; such text cells get a leading apostrophe (CSV injection). Numbers stay numbers.
"""

import csv

from django.http import HttpResponse

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
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    response.write("\ufeff")  # a byte order mark, so that Excel reads the file as UTF-8
    writer = csv.writer(response)
    writer.writerow([safe_cell(column) for column in columns])
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return response
