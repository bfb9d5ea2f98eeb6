"""Numbers as plans print them: a comma before the decimals and a dot between thousands ('85,5%', '1.234,5'),
or a dot before the decimals as other producers write it ('99.5%'); a percentage is a figure before '%'."""

from __future__ import annotations

import re

# a percentage's figure: '85', '85,5', '99.5'
FIGURE = r"\d{1,3}(?:[.,]\d{1,2})?"
PERCENT = re.compile(rf"({FIGURE})\s*%")
# any figure, thousands grouped by dots first ('1.000', '12.500,5'), else a decimal one ('2026', '85,5', '99.5')
NUMBER = re.compile(r"(\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?(?![.\d])|\d{1,4}(?:[.,]\d{1,2})?)")
# a count's words in brackets after its figure, as official letters write amounts: '02 (hai) cuộc', '10 (mười)'
SPELLED = r"(?:\s*\((?:[^\W\d_]+\s?){1,5}\))?"
_GROUPED = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_HAS_PERCENT = re.compile(r"\d\s*%")


def parse_number(text: str) -> float:
    """The value of a printed figure: '85,5' → 85.5, '99.5' → 99.5, '1.000' → 1000.0, '1.234,5' → 1234.5."""
    text = text.strip()
    if _GROUPED.fullmatch(text):
        text = text.replace(".", "")
    return float(text.replace(",", "."))


def has_percentage(text: str) -> bool:
    """Does the text state a percentage ('đạt 100%', '95 %')?"""
    return bool(_HAS_PERCENT.search(text))
