"""A cluster of dust on a scanned page read as a word of two capitals ('SN'), alone on the line of a centred title
('KẾ HOẠCH') far to its left: Tesseract has no confidence in it, but as tall as a capital it is no speck
(``ocr.speck`` keeps such words: a bold title's 'KẾ', doubted as much, is read right). It stands apart from every
other word of its line (``ocr._apart``), and is left out; glued to the title it lost the plan its title."""

from __future__ import annotations

from importer.readers.ocr import _apart


def _line(*words: tuple[str, float, float, float]):
    """Tesseract's words on one line: text, left and right (points), confidence; the line 12 points high."""
    reads = [((x0 + x1) / 2, 100.0, 1, text) for text, x0, x1, _ in words]
    reads = [(word, confidence, []) for word, (_, _, _, confidence) in zip(reads, words, strict=True)]
    return reads, [(x0, x1, 12.0) for _, x0, x1, _ in words]


def test_it_leaves_out_a_doubted_pair_of_letters_alone_on_its_line():
    words, spans = _line(("SN", 60, 75, 0), ("KẾ", 270, 285, 11), ("HOẠCH", 290, 330, 90))

    assert [_apart(word, span, words, spans) for word, span in zip(words, spans, strict=True)] == [True, False, False]


def test_it_keeps_a_pair_trusted_or_beside_other_words():
    words, spans = _line(("Số", 60, 75, 85), ("UB", 200, 215, 5), ("ND", 218, 233, 5))

    assert not any(_apart(word, span, words, spans) for word, span in zip(words, spans, strict=True))
