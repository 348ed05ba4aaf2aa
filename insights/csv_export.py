"""Every dashboard table as CSV, with cells that cannot run as a formula in a spreadsheet.

The response is intranet.spreadsheets.csv_response, the one CSV download every export in Plein uses.
"""

from intranet.spreadsheets import csv_response

__all__ = ["csv_response"]
