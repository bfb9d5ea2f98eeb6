"""The distance between a cell's lines in a table without rules between its rows (three-line, or none at all)
tells where rows part: wider gaps than it. On a scan of cells centred from top to bottom, OCR parts a printed
line at the heights of the cells beside it and reads dust as lines between them: the shortest distance between
two lines one over the other is then a few points, rows parted at every line, and a task's first lines went to
the row above. On a scan the pitch is the shortest that two more pairs of lines repeat, no shorter than the
letters are tall (``open_tables._line_pitch``); a text PDF's, the shortest of all."""

from __future__ import annotations

from importer.readers.pdf.open_tables import _line_pitch
from tests.printed import printed


def _lines(bases: list[float]) -> list[list]:
    return [printed(10, base, "chính quyền số") for base in bases]


def test_a_scan_takes_the_pitch_its_lines_repeat():
    lines = _lines([100, 104, 117, 134, 151, 168])  # 104: dust, or a line parted at the height of its neighbours

    assert _line_pitch(lines, scanned=True) == 17
    assert _line_pitch(lines) == 4


def test_a_scan_of_few_lines_takes_the_shortest_still():
    assert _line_pitch(_lines([100, 117, 140]), scanned=True) == 17
