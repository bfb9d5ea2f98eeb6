"""A scanned part heading's numeral whose strokes OCR joined ('H' for II) with a speck beside its period read as
a second mark ('H..MỤC TIÊU', 'H,.MỤC TIÊU') is still the part's numeral (``markers._ROMAN_AS_H``): Nghệ An's
office scan at 150 dpi lost its goal part, and its targets, to the part before."""

from __future__ import annotations

from importer.markers import ROMAN, find_marker


def test_it_reads_a_joined_numeral_with_a_speck_by_its_period():
    assert find_marker("H..MỤC TIÊU") == ("II", ROMAN, "MỤC TIÊU")
    assert find_marker("H,.MỤC TIÊU") == ("II", ROMAN, "MỤC TIÊU")
    assert find_marker("HI.: TỔ CHỨC THỰC HIỆN") == ("III", ROMAN, "TỔ CHỨC THỰC HIỆN")


def test_a_lettered_part_in_sentence_case_is_no_numeral():
    assert find_marker("H.. Nhiệm vụ khác")[1] != ROMAN
