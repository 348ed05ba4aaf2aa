"""Charts as server-rendered SVG: no JavaScript library, nothing from outside, readable without colour.

Every chart is an image with a title and a description (role="img", aria-labelledby); the numbers it
shows are in the table printed under it, which is what screen-reader users and the CSV export get.
Text uses currentColor so it follows the admin's light or dark theme; series differ by dash pattern
and marker as well as colour.
"""

import itertools
import math

from django.utils.html import escape
from django.utils.safestring import mark_safe

SERIES_STYLES = [
    ("#1f5faa", ""),  # solid blue
    ("#b3591a", "6 4"),  # dashed orange
    ("#2e7d32", "2 3"),  # dotted green
    ("#7b3fa0", "10 3 2 3"),  # dash-dot purple
]
_ids = itertools.count(1)


def _nice_max(value, ticks=4):
    """The top of the axis: `ticks` whole steps of 1, 2, 2.5 or 5 times a power of ten, so that counts
    never get an axis of 0,25 people."""
    rough = value / ticks
    if rough <= 1:
        return ticks
    magnitude = 10 ** math.floor(math.log10(rough))
    for step in (1, 2, 2.5, 5, 10):
        candidate = step * magnitude
        if candidate >= rough and float(candidate).is_integer():
            return candidate * ticks
    return 10 * magnitude * ticks


def _number(value):
    if value is None:
        return "–"
    if isinstance(value, float) and not value.is_integer():
        return f"{value:.1f}".replace(".", ",")
    return f"{int(value):,}".replace(",", ".")


def _frame(width, height, title, description, body, css_class):
    uid = next(_ids)
    # Every piece of text in it went through escape(); numbers and our own markup are safe.
    return mark_safe(  # noqa: S308
        f'<svg class="insights-chart {css_class}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="chart-{uid}-title chart-{uid}-desc" xmlns="http://www.w3.org/2000/svg" '
        f'preserveAspectRatio="xMinYMin meet">'
        f'<title id="chart-{uid}-title">{escape(title)}</title><desc id="chart-{uid}-desc">{escape(description)}</desc>'
        f"{body}</svg>"
    )


def line_chart(title, labels, series, description=""):
    """labels: the x values (already formatted); series: [(name, [value or None, ...]), ...]."""
    width, height = 760, 260
    left, right, top, bottom = 56, 16, 36, 36
    plot_w, plot_h = width - left - right, height - top - bottom
    values = [v for _name, points in series for v in points if v is not None]
    top_value = _nice_max(max(values, default=0))
    count = max(len(labels), 1)

    def x(i):
        return left + (plot_w * i / (count - 1) if count > 1 else plot_w / 2)

    def y(v):
        return top + plot_h - plot_h * v / top_value

    parts = []
    for tick in range(5):
        value = top_value * tick / 4
        ty = y(value)
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{ty:.1f}" y2="{ty:.1f}" stroke="currentColor" '
            f'stroke-opacity="0.2"/><text x="{left - 6}" y="{ty + 4:.1f}" text-anchor="end" font-size="12" '
            f'fill="currentColor">{_number(value)}</text>'
        )
    if labels:
        shown = sorted({0, (count - 1) // 2, count - 1})
        for i in shown:
            anchor = "start" if i == 0 and count > 1 else ("end" if i == count - 1 and count > 1 else "middle")
            parts.append(
                f'<text x="{x(i):.1f}" y="{height - 12}" text-anchor="{anchor}" font-size="12" '
                f'fill="currentColor">{escape(labels[i])}</text>'
            )
    for index, (name, points) in enumerate(series):
        colour, dash = SERIES_STYLES[index % len(SERIES_STYLES)]
        coordinates = [f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(points) if v is not None]
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        if len(coordinates) > 1:
            parts.append(
                f'<polyline fill="none" stroke="{colour}" stroke-width="2.5"{dash_attr} '
                f'points="{" ".join(coordinates)}"/>'
            )
        elif coordinates:
            cx, cy = coordinates[0].split(",")
            parts.append(f'<circle cx="{cx}" cy="{cy}" r="4" fill="{colour}"/>')
        legend_x = left + index * 180
        parts.append(
            f'<line x1="{legend_x}" x2="{legend_x + 28}" y1="14" y2="14" stroke="{colour}" stroke-width="3"'
            f'{dash_attr}/><text x="{legend_x + 34}" y="18" font-size="13" fill="currentColor">{escape(name)}</text>'
        )
    if not values:
        parts.append(
            f'<text x="{width / 2}" y="{height / 2}" text-anchor="middle" font-size="14" fill="currentColor">–</text>'
        )
    return _frame(width, height, title, description or title, "".join(parts), "insights-chart--line")


def bar_chart(title, rows, description="", unit=""):
    """Horizontal bars: rows [(label, value), ...]; the value is printed at the end of each bar."""
    bar_h, gap, label_w, width = 22, 8, 220, 760
    top = 8
    height = top + len(rows) * (bar_h + gap) + 8
    plot_w = width - label_w - 90
    top_value = _nice_max(max((v or 0 for _label, v in rows), default=0))
    parts = []
    for i, (label, value) in enumerate(rows):
        y = top + i * (bar_h + gap)
        length = plot_w * (value or 0) / top_value
        text = str(label)
        short = text if len(text) <= 30 else text[:29] + "…"
        colour = SERIES_STYLES[0][0]
        parts.append(
            f'<text x="{label_w - 8}" y="{y + 15}" text-anchor="end" font-size="13" fill="currentColor">'
            f"{escape(short)}</text>"
            f'<rect x="{label_w}" y="{y}" width="{length:.1f}" height="{bar_h}" fill="{colour}"/>'
            f'<text x="{label_w + length + 6:.1f}" y="{y + 15}" font-size="13" fill="currentColor">'
            f"{escape(_number(value))}{escape(unit)}</text>"
        )
    return _frame(width, max(height, 40), title, description or title, "".join(parts), "insights-chart--bars")
