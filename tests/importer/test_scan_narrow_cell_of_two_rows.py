"""A narrow cell (a task's number) is read twice, alone and with the start of the cells beside it, and keeps the
likelier reading. When the first reading of a borderless page lost a row's number, the rows parted from it leave
two rows in one cell: each reading's words are then each a number, and the one that reads more of them wins
(Hoàn Kiếm's photo: alone, Tesseract read '3' and passed over a '2' centred between its row's lines; beside its
row it read both, with less confidence, and the task of the '2' was no longer merged into the one above)."""

from __future__ import annotations

from importer.readers.ocr import _trusted

CELL = (85.0, 243.0, 107.0, 371.0)


def _reading(*words: tuple[str, float, float]):
    """Tesseract's words in the cell: text, height (points from the page's top), confidence."""
    return [((95.0, y, line, text), confidence, []) for line, (text, y, confidence) in enumerate(words)]


def test_it_keeps_the_reading_of_a_cell_that_gives_more_row_numbers():
    alone = _reading(("3", 335, 97))
    beside = _reading(("2", 270, 69), ("3", 335, 86))

    assert [word[3] for word, _, _ in _trusted(CELL, alone, beside)] == ["2", "3"]


def test_it_keeps_the_more_trusted_of_two_readings_of_one_number():
    assert [word[3] for word, _, _ in _trusted(CELL, _reading(("2", 270, 60)), _reading(("2", 270, 90)))] == ["2"]
    assert _trusted(CELL, _reading(("2", 270, 60)), _reading(("Z", 270, 90)))[0][1] == 60  # a letter is no number
