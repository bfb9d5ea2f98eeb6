"""List markers and numerals, read in one place (importer.markers) for every stage: a paragraph's marker and
level, roman numerals written and read (as printed and as OCR damages them), a section row's numeral."""

import pytest

from importer.markers import (
    ARABIC,
    DASH,
    DOTTED,
    GROUP_NUMBER,
    LETTER,
    PLUS,
    ROMAN,
    ROW_NUMBER,
    find_marker,
    is_roman,
    name_sections,
    numeral_value,
    ocr_roman,
    roman,
    split_numeral,
    strokes_as_roman,
)


def test_it_reads_each_kind_of_list_marker_and_its_level():
    assert find_marker("II. NHIỆM VỤ TRỌNG TÂM") == ("II", ROMAN, "NHIỆM VỤ TRỌNG TÂM")
    assert find_marker("1. Cải cách thể chế") == ("1", ARABIC, "Cải cách thể chế")
    assert find_marker("1.2. Cải cách thủ tục hành chính") == ("1.2", DOTTED, "Cải cách thủ tục hành chính")
    assert find_marker("a) Mục tiêu chung") == ("a", LETTER, "Mục tiêu chung")
    assert find_marker("- Rà soát văn bản") == ("-", DASH, "Rà soát văn bản")
    assert find_marker("+ Tập huấn cán bộ") == ("+", PLUS, "Tập huấn cán bộ")
    assert find_marker("(3) Tỷ lệ hồ sơ") == ("(3)", DASH, "Tỷ lệ hồ sơ")
    assert find_marker("Năm 2026, tỷ lệ đạt 90%") == (None, None, "Năm 2026, tỷ lệ đạt 90%")


def test_it_reads_a_roman_marker_as_ocr_damages_it_but_not_a_number():
    assert find_marker("Il. MỤC TIÊU")[:2] == ("Il", ROMAN)
    assert find_marker("IIL MỤC TIÊU")[:2] == ("II", ROMAN)
    assert find_marker("11. Tổ chức tập huấn")[:2] == ("11", ARABIC)


def test_it_writes_and_recognises_roman_numerals():
    assert [roman(n) for n in (1, 4, 9, 14, 40, 1990)] == ["I", "IV", "IX", "XIV", "XL", "MCMXC"]
    assert all(is_roman(roman(n)) for n in range(1, 40))
    assert not any(is_roman(text) for text in ("", "IIII", "Il", "|", "VX", "A"))


def test_it_reads_the_value_of_a_numeral_in_either_figures_as_ocr_reads_it():
    assert [numeral_value(token) for token in ("3", "III", "iv", "Il", "1v", "lv", "XIV")] == [3, 3, 4, 2, 4, 4, 14]
    assert all(numeral_value(roman(n)) == n for n in range(1, 40))
    assert numeral_value("IIII") is None and numeral_value("a") is None
    # inside a text (a quarter 'quý II', a range 'quý I-III'), 'H' and 'L' are letters, not strokes
    assert numeral_value("H") is None and numeral_value("L") is None


def test_it_reads_a_lone_numeral_with_more_of_ocr_s_damage_than_one_in_a_text():
    assert [ocr_roman(t) for t in ("H", "L", "Í", "II.")] == ["II", "I", "I", "II"]
    assert [ocr_roman(t, lone=False) for t in ("H", "L", "Í", "II.", "Il")] == [None, None, None, "II", "II"]


def test_it_writes_the_strokes_ocr_reads_for_a_sans_serif_i_as_a_roman_numeral():
    assert [strokes_as_roman(token) for token in ("|", "ll", "l|", "1", "la", "")] == ["I", "II", "II", "1", "la", ""]


def test_it_splits_a_section_rows_numeral_from_its_title():
    assert split_numeral("II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH") == ("II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH")
    assert split_numeral("Il | Cải cách thể chế") == ("Il", "Cải cách thể chế")
    assert split_numeral("11 CẢI CÁCH THỂ CHẾ") == ("11", "CẢI CÁCH THỂ CHẾ")
    assert split_numeral("III.CẢI CÁCH TÀI CHÍNH CÔNG") == ("III", "CẢI CÁCH TÀI CHÍNH CÔNG")
    assert split_numeral("Cải cách thể chế") is None
    assert split_numeral("Il | Cải cách thể chế", ocr=False) is None


def test_it_tells_the_number_cell_of_a_task_row_from_a_group_row():
    assert all(ROW_NUMBER.match(cell) for cell in ("1", "12.", "1.2", "3)", "II", "B.", "a)"))
    assert not ROW_NUMBER.match("Rà soát")
    assert all(GROUP_NUMBER.match(cell) for cell in ("II", "IV.", "B"))
    assert not GROUP_NUMBER.match("1")


def test_it_names_section_rows_as_they_are_numbered():
    assert name_sections(["1", "2", "3"]) == ["1", "2", "3"]
    assert name_sections(["A.", "B."]) == ["A", "B"]
    assert name_sections(["A", "I", "II", "B", "I"]) == ["A", "A.I", "A.II", "B", "B.I"]
    assert name_sections(["I", "Il", "111", "IV"]) == ["I", "II", "III", "IV"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("-H. MỤC TIÊU", ("II", "MỤC TIÊU")),  # II read as H, a speck before it
        ("H. MỤC TIÊU", ("II", "MỤC TIÊU")),
        ("IH. TỔ CHỨC THỰC HIỆN", ("III", "TỔ CHỨC THỰC HIỆN")),
        ("HH, NHIỆM VỤ", ("III", "NHIỆM VỤ")),  # three strokes whose serifs touch: two H sharing the middle one
    ],
)
def test_it_reads_ii_and_iii_as_ocr_joins_their_strokes(line, expected):
    token, level, rest = find_marker(line)
    assert (token, level, rest) == (expected[0], ROMAN, expected[1])


def test_a_lettered_part_h_stays_a_letter():
    assert find_marker("H. Nhiệm vụ khác")[0] == "H" and find_marker("H. Phòng Kinh tế")[0] == "H"
