"""Whatever a person types, or a spreadsheet cell holds, the parsers answer with a value or with the error the
caller turns into a message (FigureError, ValidationError, ValueError for an ETag), never with another exception."""

from decimal import Decimal

import pytest
from django import forms
from hypothesis import given
from hypothesis import strategies as st

from apps.plans.forms import ForgivingDecimalField
from apps.plans.models import Target
from apps.tracking.figures import FIRST_YEAR, LAST_YEAR, FigureError, compute, parse_number, parse_period
from apps.tracking.models import PeriodKind
from cchc.versioning import parse_etag

# numbers as people and spreadsheets write them, and as they should not: separators, exponents, signs, percents
number_text = st.from_regex(r"\A\s?[+-]?[0-9.,\s]{0,45}([eE][+-]?[0-9]{1,12})?\s?%?\Z")
special_text = st.sampled_from(["NaN", "sNaN", "-nan", "Infinity", "-inf", "1e30", "1" * 27, "1e999999999", "٣", "²"])
anything = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.just(10**5000),
    st.floats(),
    st.decimals(),
    number_text,
    special_text,
    st.text(max_size=60),
)
targets = st.sampled_from(
    [
        Target(text="Tỷ lệ hồ sơ trực tuyến", value=85, unit="%"),
        Target(text="Số TTHC được rà soát", value=20, unit="TTHC"),
    ]
)
kinds = st.sampled_from(["Quý I", "Quý III", "6 tháng", "Năm", "Q1", "q3", "h1", "year", "quý 2", ""])
period_text = st.one_of(
    st.text(max_size=40),
    st.builds(lambda k, y, sep: f"{k}{sep}{y}", kinds, st.integers(0, 99999), st.sampled_from([" ", "/", "-", ""])),
    st.builds(lambda y, k: f"{y}-{k}", st.integers(0, 99999), st.sampled_from(PeriodKind.values + ["q2", "x"])),
)


@given(anything)
def test_parse_number_gives_a_bounded_number_or_a_figure_error(raw):
    try:
        number = parse_number(raw)
    except FigureError as error:
        assert str(error)
        return
    assert number is None or (number.is_finite() and abs(number) < Decimal("1e12"))


@given(targets, anything, anything, anything)
def test_compute_gives_a_storable_figure_or_a_figure_error(target, value, numerator, denominator):
    try:
        figure = compute(target, value, numerator, denominator)
    except FigureError as error:
        assert str(error)
        return
    assert figure.value == figure.value.quantize(Decimal("0.01"))
    assert Decimal(0) <= figure.value < Decimal("1e10")
    if target.unit == "%":
        assert figure.value <= 100
    for part in (figure.numerator, figure.denominator):
        assert part is None or (part >= 0 and len(part.as_tuple().digits) <= 14)


@pytest.mark.django_db
@given(period_text)
def test_parse_period_gives_a_period_of_a_kept_year_or_a_figure_error(raw):
    try:
        period = parse_period(raw)
    except FigureError as error:
        assert str(error)
        return
    assert FIRST_YEAR <= period.year <= LAST_YEAR


@given(st.one_of(anything, st.text(alphabet="0123456789.,% eE+-", max_size=40)))
def test_the_plan_form_number_field_gives_a_storable_number_or_a_validation_error(raw):
    field = ForgivingDecimalField(max_digits=12, decimal_places=2, required=False)
    try:
        number = field.clean(raw)
    except forms.ValidationError as error:
        assert error.messages
        return
    assert number is None or (abs(number) < Decimal("1e10") and number == number.quantize(Decimal("0.01")))


@given(st.one_of(st.none(), st.text(max_size=30), st.from_regex(r'\A\s?(W/)?"?v?[0-9]{0,12}"?\s?\Z')))
def test_parse_etag_gives_a_version_or_a_value_error(raw):
    try:
        version = parse_etag(raw)
    except ValueError:
        return
    assert version is None or 0 <= version < 10**9


@given(st.integers(min_value=1, max_value=10**9 - 1))
def test_parse_etag_reads_back_every_etag_it_gave(version):
    assert parse_etag(f'"v{version}"') == parse_etag(f'W/"v{version}"') == version
