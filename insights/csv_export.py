"""Every dashboard table as CSV, with cells that cannot run as a formula in a spreadsheet.

Cells go through intranet.spreadsheets.safe_cell, the one escape every CSV export in Plein uses.
"""

import csv

from django.http import HttpResponse

from intranet.spreadsheets import safe_cell


def csv_response(filename, columns, rows):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    response.write("\ufeff")  # a byte order mark, so that Excel reads the file as UTF-8
    writer = csv.writer(response)
    writer.writerow([safe_cell(column) for column in columns])
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return response
