"""A part heading in capitals that OCR read with a speck after it as a period ('2. MỤC TIÊU.') is still a heading:
a sentence is not typed in capitals, and taken for one the plan's targets part was lost with all its targets.
A sentence after a marker in ordinary letters that ends with its period stays no heading."""

from __future__ import annotations

from importer.markers import find_marker
from importer.sections import Paragraph


def _paragraph(text: str) -> Paragraph:
    marker, level, body = find_marker(text)
    return Paragraph(text=text, body=body, marker=marker, level=level)


def test_a_heading_in_capitals_with_a_period_after_it_is_a_heading():
    assert _paragraph("2. MỤC TIÊU.").is_heading()
    assert _paragraph("2. MỤC TIÊU").is_heading()


def test_a_sentence_with_its_period_is_no_heading():
    assert not _paragraph("2. Rà soát thủ tục hành chính.").is_heading()
