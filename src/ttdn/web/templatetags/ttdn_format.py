from __future__ import annotations

from decimal import Decimal

from django import template

from ttdn.text import format_vn_number

register = template.Library()


@register.filter
def vn_number(value: Decimal | float | int | None) -> str:
    """Write a number the Vietnamese way ("212.000", "1,5"); empty for no value."""
    if value is None or value == "":
        return ""
    return format_vn_number(value)
