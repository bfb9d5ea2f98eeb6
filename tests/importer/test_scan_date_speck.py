"""An OCR'd date line with a speck read as a mark after its month word ('ngày 20 tháng.01 năm 2026', as after
the year's: 'năm.2026') is still the plan's date: it was missed and the first date of the preamble, a cited
plan's, taken instead."""

from __future__ import annotations

from importer.header import parse_date


def test_it_reads_a_date_whose_month_word_a_speck_follows():
    assert parse_date("Tân Mai, ngày 20 tháng.01 năm 2026") == "2026-01-20"
    assert parse_date("ngày 5 tháng, 3 năm.2026") == "2026-03-05"


def test_it_still_reads_the_date_as_printed():
    assert parse_date("Hà Nội, ngày 20 tháng 01 năm 2026") == "2026-01-20"
    assert parse_date("ngày 13 /10/2025") == "2025-10-13"


def test_it_reads_a_date_whose_n_a_fax_broke_in_two():
    """A 1-bit scan breaks the arch of the n of 'ngày': 'rtgày', 'rigày'."""
    assert parse_date("Quảng Ngãi, rtgày 05 tháng 02 năm 2026") == "2026-02-05"
    assert parse_date("Nghệ An, rigày 15 tháng 01 năm 2026") == "2026-01-15"
