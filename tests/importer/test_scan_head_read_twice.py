"""A table's head whose cells are centred from top to bottom, scanned: a name of one line stands between the two
lines of the names beside it. Read across the page, Tesseract took its words on one line and read the same ink once
more on the next as a word of no language ('mmšc0ngvi' under 'Nội dung công việc'); the head was no longer known
by its names. A word whose box lies half or more inside the boxes of words of another line that Tesseract trusts
more is that ink read again, and is left out (``ocr._read_twice``); words of other lines beside it stay."""

from __future__ import annotations

from importer.readers.ocr import _read_twice


def _read(text: str, line: int, box: tuple[float, float, float, float], confidence: float):
    """A word Tesseract read (``ocr.Read``) and its box (points)."""
    x0, top, x1, bottom = box
    return (((x0 + x1) / 2, (top + bottom) / 2, line, text), confidence, []), box


def _twice(reads) -> list[bool]:
    return _read_twice([read for read, _ in reads], [box for _, box in reads])


def test_it_leaves_out_a_word_read_again_from_the_ink_of_another_line():
    words = [
        _read("Nội", 1, (130, 428, 151, 441), 90),
        _read("dung", 1, (156, 428, 181, 441), 91),
        _read("công", 1, (186, 428, 205, 441), 88),
        _read("việc", 1, (215, 428, 239, 441), 89),
        _read("Đơn", 1, (272, 420, 295, 433), 92),
        _read("mmšc0ngvi", 2, (161, 432, 231, 446), 31),
        _read("trì", 2, (298, 438, 310, 450), 93),
    ]

    assert _twice(words) == [False] * 5 + [True, False]


def test_it_keeps_a_word_trusted_more_than_the_one_it_overlaps():
    words = [_read("Văn", 1, (100, 100, 130, 112), 40), _read("phòng", 2, (105, 104, 140, 116), 80)]

    assert _twice(words) == [True, False]
    assert _twice(words[:1]) == [False]
