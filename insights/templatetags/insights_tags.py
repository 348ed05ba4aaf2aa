from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def kpi(value):
    """A number the Dutch way (1.234,5), a dash for a figure that cannot be computed, text as it is."""
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return number_format(value, force_grouping=True)
    if isinstance(value, float):
        return number_format(value, decimal_pos=0 if value.is_integer() else 1, force_grouping=True)
    return value


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
