from decimal import Decimal

from django import template

register = template.Library()


@register.filter
def num(value, unit: str = "") -> str:
    """A figure the Vietnamese way, without trailing zeros, with its unit: 85.50 → '85,5', 1234 → '1.234',
    (85.5, "%") → '85,5%', (4, "cấp độ") → '4 cấp độ'."""
    if value is None or value == "":
        return ""
    number = Decimal(str(value)).normalize()
    whole, _, fraction = f"{abs(number):f}".partition(".")
    groups = f"{int(whole):,}".replace(",", ".")
    sign = "-" if number < 0 else ""
    shown = f"{sign}{groups},{fraction}" if fraction else f"{sign}{groups}"
    if not unit:
        return shown
    return f"{shown}{unit}" if unit == "%" else f"{shown} {unit}"
