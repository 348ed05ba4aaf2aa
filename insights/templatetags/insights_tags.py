import html

from django import template
from django.template.base import render_value_in_context
from django.utils import numberformat
from django.utils.formats import get_format, number_format
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

register = template.Library()


def _kpi(value, number):
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return number(value)
    if isinstance(value, float):
        return number(value, 0 if value.is_integer() else 1)
    return value


def _grouped(value, decimal_pos=None):
    return number_format(value, decimal_pos=decimal_pos, force_grouping=True)


@register.filter
def kpi(value):
    """A number the Dutch way (1.234,5), a dash for a figure that cannot be computed, text as it is."""
    return _kpi(value, _grouped)


class _Cells:
    """{{ value }} and {{ value|kpi }} for many cells of one render, with the same output.

    The language's separators are looked up once instead of per number, and plain strings and
    numbers skip the template engine's general path: together they were most of a year's table.
    """

    def __init__(self, context):
        self.context = context
        language = get_language()
        self.decimal_sep = get_format("DECIMAL_SEPARATOR", language)
        self.grouping = get_format("NUMBER_GROUPING", language)
        self.thousand_sep = get_format("THOUSAND_SEPARATOR", language)
        # A whole number grouped by threes is what Python's "," format makes, with our separator.
        self.fast_ints = self.grouping == 3 and context.autoescape
        self.escaped_thousand_sep = html.escape(self.thousand_sep)

    def _number(self, value, decimal_pos=None):
        return numberformat.format(
            value, self.decimal_sep, decimal_pos, self.grouping, self.thousand_sep, force_grouping=True
        )

    def plain(self, value):
        """{{ value }}"""
        if type(value) is str and self.context.autoescape:
            return html.escape(value)  # what conditional_escape() does to a plain str
        return render_value_in_context(value, self.context)

    def kpi(self, value):
        """{{ value|kpi }}"""
        if type(value) is int and self.fast_ints:
            return f"{value:,}".replace(",", self.escaped_thousand_sep)
        return self.plain(_kpi(value, self._number))


@register.simple_tag(takes_context=True)
def table_rows(context, table):
    """The body rows of an insights table: its first cell as {{ cell }} (linked when the row has a
    link), the others as {{ cell|kpi }}.

    Built in Python: a year's daily table has about 1,800 cells, and the template loop over them was
    the bulk of the dashboard's time (/admin/inzichten/?dagen=365).
    """
    cells = _Cells(context)
    rows = []
    for row, link in table.linked_rows():
        parts = ["<tr>"]
        if row:
            first = cells.plain(row[0])
            if link:
                first = f'<a href="{cells.plain(link)}">{first}</a>'
            parts.append(f'<th scope="row">{first}</th>')
        parts.extend(f"<td>{cells.kpi(cell)}</td>" for cell in row[1:])
        parts.append("</tr>\n")
        rows.append("".join(parts))
    # Every value in it went through cells.plain() or is a number we formatted.
    return mark_safe("".join(rows))  # noqa: S308


@register.filter
def signed(value):
    """A change with its sign: +12 or −3,5."""
    if value is None:
        return "–"
    text = kpi(abs(value))
    if value > 0:
        return f"+{text}"
    if value < 0:
        return f"−{text}"
    return text
