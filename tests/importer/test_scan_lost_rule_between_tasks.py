"""A ruled table whose row rules are hairlines, faxed: the rule between two tasks was lost while the column rules
still stand, and the table finder made one row of the two tasks, each cell holding both tasks' texts ('1 2' in
the number's column). Where the number column's cell holds two numbers one after the other on lines of their
own, the rule is drawn across the table at the band of paper between them that no text crosses
(``open_tables.lost_row_rules``); a lead merged over both tasks for real, printed across that band, keeps the
row one."""

from __future__ import annotations

from importer.readers.pdf import PageText, edge, find_tables
from importer.readers.pdf.open_tables import lost_row_rules
from importer.readers.pdf.text import Char


def _line(text: str, x0: float, base: float, size: float = 10.0) -> list[Char]:
    """A printed line of ``text`` from ``x0`` (points), each letter half its size wide, as OCR's letters are."""
    width = size / 2
    return [
        Char(letter, x0 + i * width, x0 + (i + 1) * width, base, size, base - 3, base - size, base + 2)
        for i, letter in enumerate(text)
    ]


def _page(lead: list[float]) -> tuple[list, PageText, list[dict]]:
    """A table (number 50-80, task 80-300, lead 300-450 points across; head 100-130, one body row 130-300 down)
    whose body holds tasks 1 and 2, a band of paper between them, and the lead's lines at the baselines ``lead``."""
    edges = [edge("h", 50, 450, y, y) for y in (100, 130, 300)]
    edges += [edge("v", x, x, 100, 300) for x in (50, 80, 300, 450)]
    chars = _line("TT", 55, 120) + _line("Nhiệm vụ", 90, 120) + _line("Chủ trì", 310, 120)
    chars += _line("1", 60, 170) + _line("Rà soát văn bản", 90, 160) + _line("do phường ban hành", 90, 172)
    chars += _line("2", 60, 250) + _line("Tổ chức tuyên truyền", 90, 250)
    for base in lead:
        chars += _line("Văn phòng UBND", 310, base)
    text = PageText(sorted(chars, key=lambda c: (c.base, c.x0)), scanned=True)
    return find_tables(edges, 500, 800), text, edges


def test_two_numbered_tasks_in_one_row_are_parted_between_them():
    tables, text, edges = _page(lead=[165, 250])

    assert [(round(e["top"]), e["x0"], e["x1"]) for e in lost_row_rules(tables, text, edges)] == [(207, 50, 450)]


def test_a_lead_printed_across_the_band_keeps_the_row_one():
    tables, text, edges = _page(lead=[165, 177, 189, 201, 213, 225, 237])

    assert lost_row_rules(tables, text, edges) == []
