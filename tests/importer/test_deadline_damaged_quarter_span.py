"""A span of quarters OCR damaged ('Quý H - 1V/2026') is mended and read in both of its quarters."""

import datetime as dt

from importer.deadlines import mend_deadline, parse_deadline, restore_deadline


def test_it_mends_both_quarters_of_a_damaged_span_keeping_its_separator():
    assert mend_deadline("Quý H - 1V/2026") == "Quý II - IV/2026"
    assert mend_deadline("Quý 11, III/2026") == "Quý II, III/2026"
    assert mend_deadline("Quý III - IV/2026") == "Quý III - IV/2026"


def test_it_reads_a_damaged_quarter_before_a_span_word_or_a_year_without_slash():
    assert restore_deadline("Quy H va IV/2026") == "Quý II - IV/2026"
    assert parse_deadline("Quy 11 2026").end == dt.date(2026, 6, 30)


def test_it_keeps_a_first_quarter_in_arabic_figures_in_a_plan_writing_them_so():
    assert mend_deadline("Quý 1 - IV/2026", roman_quarters=False) == "Quý 1 - IV/2026"
