"""Numbers the Vietnamese way: shown with a decimal comma and thousands dots (``num``, also the ``num`` template
filter), and typed written out, never in exponent form. "1E2" is 100 to a computer but no official writes a
percentage so; it is refused with a message (forms, figures, spreadsheets, the API), not read."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

_EXPONENT = re.compile(r"\d\s*[eE]\s*[+-]?\s*\d")


def exponent_message(raw: object) -> str | None:
    """The message for a number typed in exponent form ("1E2", "8,5e1"); None for any other text."""
    if isinstance(raw, str) and _EXPONENT.search(raw):
        return (
            f"“{raw.strip()[:30]}” không phải là cách ghi số: hãy ghi số thường (VD: 100 hoặc 85,5), "
            "không dùng dạng lũy thừa."
        )
    return None


def num(value, unit: str = "", places: int | None = None) -> str:
    """A figure the Vietnamese way, without trailing zeros, with its unit: 85.50 → '85,5', 1234 → '1.234',
    (85.5, "%") → '85,5%', (4, "cấp độ") → '4 cấp độ'; with ``places``, rounded to at most that many decimals
    (99.84, "%", 1) → '99,8%'."""
    if value is None or value == "":
        return ""
    number = Decimal(str(value))
    if places is not None:
        number = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    number = number.normalize()
    whole, _, fraction = f"{abs(number):f}".partition(".")
    groups = f"{int(whole):,}".replace(",", ".")
    sign = "-" if number < 0 else ""
    shown = f"{sign}{groups},{fraction}" if fraction else f"{sign}{groups}"
    if not unit:
        return shown
    return f"{shown}{unit}" if unit == "%" else f"{shown} {unit}"


def rate(value) -> str:
    """A rate (satisfaction, a share of answers) as the survey pages and charts show it: at most one decimal,
    '93,2%' (93,92), '95%'; empty for no value."""
    return num(value, "%", places=1)
