"""Figures print the Vietnamese way: comma for decimals, dot for thousands, the unit after the number."""

from decimal import Decimal

import pytest

from cchc.numbers import num


@pytest.mark.parametrize(
    ("value", "unit", "shown"),
    [
        (Decimal("85.50"), "", "85,5"),
        (1234, "", "1.234"),
        (Decimal("85.50"), "%", "85,5%"),
        (4, "cấp độ", "4 cấp độ"),
        (Decimal("-2.0"), "%", "-2%"),
        (None, "%", ""),
    ],
)
def test_it_prints_a_figure_with_its_unit(value, unit, shown):
    assert num(value, unit) == shown
