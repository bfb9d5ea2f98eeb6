from decimal import Decimal

from django import template

register = template.Library()


@register.filter
def num(value) -> str:
    """A figure the Vietnamese way, without trailing zeros: 85.50 → '85,5', 1234 → '1.234'."""
    if value is None or value == "":
        return ""
    number = Decimal(str(value)).normalize()
    whole, _, fraction = f"{abs(number):f}".partition(".")
    groups = f"{int(whole):,}".replace(",", ".")
    sign = "-" if number < 0 else ""
    return f"{sign}{groups},{fraction}" if fraction else f"{sign}{groups}"
