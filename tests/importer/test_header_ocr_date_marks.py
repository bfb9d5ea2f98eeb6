"""A scanned header's date with a speck OCR read as a mark between its words: 'ngày-15', '01.năm' (and the year
wrapped onto the next line, read as a pair of lines). The date is read all the same; Tuyên Quang's office scan
lost it."""

from __future__ import annotations

from importer.header import parse_date


def test_it_reads_a_date_with_a_mark_between_its_words():
    assert parse_date("Tuyên Quang, ngày-15 tháng 01.năm 2026") == "2026-01-15"
    assert parse_date("Hà Nội, ngày. 5 tháng 2, năm 2026") == "2026-02-05"


def test_it_still_wants_a_day_a_month_and_a_year():
    assert parse_date("ngày-15 tháng 01.năm") is None
    assert parse_date("ngày làm việc 15 tháng 01 năm 2026") is None
