"""Accent folding: every stage matches folded text, so OCR output without marks reads the same."""

import unicodedata

from importer.text import fold, fold_aligned


def test_it_folds_vietnamese_marks_and_d_bar_to_plain_lower_case():
    assert fold("Ủy ban nhân dân ĐÀ NẴNG, quý IV/2025") == "uy ban nhan dan da nang, quy iv/2025"
    assert fold(unicodedata.normalize("NFD", "Phòng Văn hóa – Xã hội")) == "phong van hoa – xa hoi"
    assert fold(None) == ""


def test_it_keeps_positions_when_folding_aligned():
    text = "Kế hoạch số 12/KH-UBND"
    folded = fold_aligned(text)
    assert folded == "ke hoach so 12/kh-ubnd"
    assert len(folded) == len(text)
    assert text[folded.index("12/kh") :][:5] == "12/KH"
