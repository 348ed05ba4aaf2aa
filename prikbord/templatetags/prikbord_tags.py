from decimal import Decimal

from django import template

register = template.Library()


@register.filter
def euro(value):
    """12345.5 -> "€ 12.345,50" (Dutch: dot for thousands, comma for cents, whatever the UI language)."""
    if value in (None, ""):
        return ""
    amount = f"{Decimal(value):,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    return f"€ {amount}"


@register.filter
def get_item(mapping, key):
    return mapping.get(key, 0) if mapping else 0
