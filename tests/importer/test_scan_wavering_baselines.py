"""The baseline Tesseract gives a word wavers about its printed line's by a point or so (from word to word, and from
one reading of a column to the next; a photo's page, flattened, is never quite flat), where the readers of tables
made of a PDF's letters take a printed line for letters on one baseline, within a point. A three-line table's rows
of one line each were taken for the wrapped lines of one row (Tân Phú's inspection plan photographed: 'Kinh' a
point under 'Phòng' and 'tế', a row's number a point over its words) and its five tasks came out as one. The
letters of one printed line now share a baseline (``ocr._steadied``); lines half a line apart keep their own."""

from __future__ import annotations

from importer.readers.ocr import _letters, _steadied
from importer.readers.pdf import PageText, edge, open_table_columns

SIZE = 12.0  # points: Tesseract's line height for 13 pt type


def _word(text: str, x0: float, x1: float, base: float):
    return _letters(text, (x0, base - 9, x1, base + 3), base, SIZE)


def _three_line_table(waver: float) -> list:
    """A head and three rows of one line each; in the second row the deadline, in the third the number, read
    ``waver`` points off their line."""
    letters = _word("TT", 60, 72, 100) + _word("Nội", 140, 165, 100) + _word("dung", 168, 200, 100)
    letters += _word("Chủ", 310, 335, 100) + _word("trì", 338, 360, 100) + _word("Thời", 455, 480, 100)
    for row, base in enumerate((125.0, 145.0, 165.0), start=1):
        number_base = base - waver if row == 3 else base
        deadline_base = base + waver if row == 2 else base
        letters += _word(str(row), 62, 68, number_base) + _word("Kiểm", 100, 130, base) + _word("tra", 133, 150, base)
        letters += _word("Văn", 300, 325, base) + _word("phòng", 328, 370, base)
        letters += _word("Quý", 455, 480, deadline_base) + _word(f"{row}/2026", 483, 520, deadline_base)
    return letters


RULES = [edge("h", 50, 540, y, y) for y in (88, 108, 175)]  # above and under the head, at the end


def _row_rules(letters) -> list[float]:
    found = open_table_columns(RULES, PageText(letters))
    return sorted(e["top"] for e in found if e["orientation"] == "h" and 108 < e["top"] < 175)


def test_it_parts_each_one_line_row_whose_words_waver_a_point_off_their_line():
    rules = _row_rules(_steadied(_three_line_table(waver=1.1)))

    assert len(rules) == 2
    assert 125 < rules[0] < 145 < rules[1] < 165


def test_it_sets_a_printed_lines_letters_on_one_baseline_and_keeps_a_centred_cells_line_apart():
    letters = _word("Phòng", 100, 140, 100.0) + _word("Kinh", 145, 175, 101.1) + _word("Quý", 300, 325, 107.0)

    bases = {c.text: c.base for c in _steadied(letters)}

    assert bases["P"] == bases["K"]
    assert bases["Q"] == 107.0
