"""A scanned page with a table whose rules are missing by design is read twice: across the page (its columns are
found from that reading's letters), then each column by itself (``ocr._words`` without the page around). What
the second reading gives inside the columns' cells is kept; outside them, and in a cell the second reading left
empty, the first reading's words and letters stay (``ocr._refilled``): Tesseract passed over a head's 'Nhiệm vụ'
alone at the top of its column, and reading the text around the table again misread a part's heading."""

from __future__ import annotations

from importer.readers.ocr import _letters, _refilled

HEAD, TASK = (100.0, 50.0, 250.0, 80.0), (100.0, 80.0, 250.0, 130.0)  # a column's head cell and its first task's


def _read(*words: tuple[str, float, float, int]):
    """Words (text, x, y of the centre, line) with their letters, as ``_words`` gives them."""
    reads = [(x, y, line, text) for text, x, y, line in words]
    letters = [c for text, x, y, _ in words for c in _letters(text, (x - 10, y - 5, x + 10, y + 5), y + 4, 10)]
    return reads, letters


def test_it_keeps_the_first_reading_around_the_table_and_in_cells_read_empty():
    first = _read(("II.", 60, 30, 1), ("MỤC", 90, 30, 1), ("Nhiệm", 150, 60, 2), ("Tham", 130, 95, 3))
    again = _read(("Tham", 130, 95, 1), ("mưu", 160, 95, 1))

    words, letters = _refilled([[HEAD, TASK]], first, again)

    assert sorted((text, line) for _, _, line, text in words) == [
        ("II.", 2),  # numbered after the second reading's lines
        ("MỤC", 2),
        ("Nhiệm", 3),
        ("Tham", 1),
        ("mưu", 1),
    ]
    assert sorted(c.text for c in letters) == sorted("II.MỤCNhiệmThammưu")  # the first "Tham" left out
