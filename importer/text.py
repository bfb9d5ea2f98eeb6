"""Text helpers shared by every stage: accent folding, clean-up, capitals, plan detection.

What text that lost its diacritics needs beyond folding lives in ``importer.unmarked``."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import replace

from importer.model import Block, Document, Table
from importer.unmarked import name_plan_word

_SPACES = re.compile(r"[ \t\u00a0\u2002-\u200b]+")


class _CharMap(dict):
    """A ``str.translate`` table filled on first sight of each character."""

    def __init__(self, fold_char: Callable[[str], str]) -> None:
        super().__init__()
        self._fold_char = fold_char

    def __missing__(self, code: int) -> str:
        self[code] = self._fold_char(chr(code))
        return self[code]


def _fold_char(char: str) -> str:
    char = unicodedata.normalize("NFD", char).lower().replace("đ", "d").replace("ð", "d")  # ð: Đ as a scan reads it
    return unicodedata.normalize("NFC", "".join(c for c in char if unicodedata.category(c) != "Mn"))


def _fold_char_aligned(char: str) -> str:
    folded = _fold_char(char)
    return folded if len(folded) == 1 else char.lower()[:1] or char


_FOLD = _CharMap(_fold_char)
_FOLD_ALIGNED = _CharMap(_fold_char_aligned)


def fold(text: str | None) -> str:
    """Lower-case and strip Vietnamese diacritics (đ → d, and its look-alike ð that OCR or an old font gives);
    keeps punctuation and digits."""
    return (text or "").translate(_FOLD)


def clean(text: str) -> str:
    """NFC, one space between words, no leading or trailing space."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def lone_letters(text: str) -> bool:
    """A scan's speck read as a cell's only text: one letter, or two not written as a name or its abbreviation
    is ('z', 'f', 'lI'; not 'Sở', 'Bộ', 'VP') nor as a word with its marks (the end of a name a page break cut
    off: 'Phòng Kinh' | 'tế', 'UBND' | 'xã')."""
    if not re.fullmatch(r"[^\W\d_]{1,2}", text):
        return False
    return len(text) == 1 or not (text[0].isupper() or not text.isascii())


def capital_share(text: str) -> float:
    """Share of the letters written in capitals (0.0 for text without letters)."""
    letters = [c for c in text if c.isalpha()]
    return sum(1 for c in letters if c.isupper()) / len(letters) if letters else 0.0


def mostly_capitals(text: str, share: float = 0.7, least: int = 1) -> bool:
    """Text in capitals, as part headings, section rows and letterheads are typed: at least ``least`` letters,
    ``share`` of them or more capitals (OCR and stray lower-case words allowed for)."""
    return sum(1 for c in text if c.isalpha()) >= least and capital_share(text) >= share


def normalize(document: Document) -> Document:
    """Clean every text and drop empty blocks (``importer.unmarked.flag_lost_diacritics`` then looks at the marks)."""
    items: list[Block | Table] = []
    for item in document.items:
        if isinstance(item, Block):
            text = clean(item.text)
            if text:
                items.append(replace(item, text=text))
        else:
            rows = tuple(tuple(clean(cell) for cell in row) for row in item.rows)
            if any(any(row) for row in rows):
                items.append(replace(item, rows=rows))
    return replace(document, items=tuple(items))


_PLAN_MARKERS = ("ke hoach", "muc tieu", "muc dich", "nhiem vu", "cai cach hanh chinh", "chi tieu")


def looks_like_plan(document: Document) -> bool:
    """A plan names itself (Kế hoạch) and speaks of its purpose, goals or tasks; folded, so OCR text passes."""
    words = []
    for item in document.items:
        if isinstance(item, Block):
            words.append(item.text)
        else:
            words.extend(" ".join(row) for row in item.rows)
    folded = fold(" ".join(words))
    folded = name_plan_word(folded)
    hits = sum(1 for marker in _PLAN_MARKERS if marker in folded)
    return hits >= 2


def fold_aligned(text: str | None) -> str:
    """Like ``fold`` but character for character, so a match in the folded text slices the original."""
    return (text or "").translate(_FOLD_ALIGNED)
