"""PDF: the text layer read by pdfium character by character, each placed where it is printed (its box, its
baseline, where it advances to), so that lines read in reading order whatever order the producer wrote them in
(a Word plan printed with a font that lacks some Vietnamese letters writes each line font by font); spaces come
from the gaps between characters."""

from __future__ import annotations

import bisect
import ctypes
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple


class Char(NamedTuple):
    """One character of the text layer: its box across (points from the left), its baseline, size and
    middle (points from the top; the middle, inside the letters, is where a box test places it), and the top
    and bottom of its box (pdfium's loose box: a letter with marks reaches higher); ``end`` is where its advance
    ends across (where the next letter starts if no space follows), None where the font gives no width."""

    text: str
    x0: float
    x1: float
    base: float
    size: float
    middle: float
    top: float
    bottom: float
    end: float | None = None


_SPACE = 0.12  # a gap wider than this share of the font's height between two characters is a space
_COLUMN = 2.0  # a gap wider than this many font heights parts two texts printed side by side on one line
_HYPHEN_MARKS = ("\x02", "\ufffe")  # pdfium's marks for a hyphen at a line's end (one per API)
_MIDDLE = 3.0  # points above the baseline: inside the letters, whatever their size or glyph ('-' is short)
_SKIPPED = frozenset(" \t\r\n\u00a0")
_PRINTED_SPACES = frozenset(" \u00a0")  # spaces and line ends: the gaps between the characters say where they are
_VIETNAMESE_LATIN1 = set("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")
_LEGACY_SHARE = 0.03


@lru_cache(maxsize=4096)
def _without_unicode(char: str) -> bool:
    """A glyph the text layer gives no Unicode for: nothing, U+FFFD, a private-use or control code, or a
    letter of another script (pdfium then gives the font's own codes: 'ک ڋ ڍ' for Vietnamese)."""
    if char in _HYPHEN_MARKS:
        return False
    if char.isascii():
        return char < " "
    if char in "\ufffd\uffff" or "\ue000" <= char <= "\uf8ff":
        return True
    return char.isalpha() and not unicodedata.name(char, "").startswith("LATIN")


class PageText:
    """A page's characters with their positions, read back as printed lines in reading order (top to
    bottom, left to right) whatever order the producer wrote them in: a Word plan printed with a font
    that lacks some Vietnamese letters writes each line font by font ('K HO CH' then 'Ế Ạ'). ``spaces`` are
    where the text layer prints a space (its start across, its baseline): a letter from a fallback font may
    reach over the space after it ('Kế hoạch', 'THỨ 4'), leaving no gap to tell it by. ``scanned``: the letters
    are OCR's, placed from its words' boxes (their baselines jitter, and dust or a misread line may stand
    between the printed ones)."""

    def __init__(
        self, chars: list[Char], unmapped: int = 0, spaces: list[tuple[float, float]] = (), scanned: bool = False
    ):
        self.chars = sorted(chars, key=lambda c: c.base)
        self.scanned = scanned
        self.unmapped = unmapped  # glyphs the text layer gives no Unicode for
        self._middles = [c.middle for c in self.chars]
        self.printed = len(self.chars)  # characters other than spaces
        self.spaces = sorted(spaces, key=lambda s: s[1])
        self._space_bases = [base for _, base in self.spaces]

    @classmethod
    def of(cls, page) -> PageText:
        import pypdfium2.raw as pdfium_c

        textpage = page.get_textpage()
        height = page.get_size()[1]
        count = textpage.count_chars()
        text = textpage.get_text_range(0, count) if count > 0 else ""
        if len(text) != count:  # pdfium left a character out or put one in: read them one by one
            text = "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage, index)) for index in range(count))
        raw, rect, x, y = textpage.raw, pdfium_c.FS_RECTF(), ctypes.c_double(), ctypes.c_double()
        box, loose_box = ctypes.byref(rect), pdfium_c.FPDFText_GetLooseCharBox
        at, origin = (ctypes.byref(x), ctypes.byref(y)), pdfium_c.FPDFText_GetCharOrigin
        advance = _advances(raw)
        chars, unmapped, spaces = [], 0, []
        for index, char in enumerate(text):
            if char in _PRINTED_SPACES and pdfium_c.FPDFText_IsGenerated(raw, index) == 0 and origin(raw, index, *at):
                spaces.append((x.value, height - y.value))  # a space the producer printed, not one pdfium put in
            if char in _SKIPPED:
                continue
            if _without_unicode(char):
                unmapped += 1
                continue
            if not loose_box(raw, index, box) or rect.top <= rect.bottom or not origin(raw, index, *at):
                continue
            size = rect.top - rect.bottom  # about the font's height in page points (its reported size may not be)
            base = height - y.value
            char = "-" if char in _HYPHEN_MARKS else char
            box_top, box_bottom = height - rect.top, height - rect.bottom
            width = advance(index, ord(text[index]))
            end = x.value + width if width > 0 else None
            last = chars[-1] if chars else None
            if last and (last.x0, last.x1, last.base) == (rect.left, rect.right, base):  # one glyph read as several
                chars[-1], end = last._replace(end=None), None  # letters (a ligature: 'fi'), no one letter's width
            chars.append(Char(char, rect.left, rect.right, base, size, base - _MIDDLE, box_top, box_bottom, end))
        return cls(chars, unmapped, spaces)

    def unusable(self) -> bool:
        """Whether the text layer cannot be read as Vietnamese: glyphs without Unicode, or the letters of a
        legacy font (TCVN3, VNI) that only look right on screen."""
        letters = [c.text for c in self.chars if c.text.isalpha()]
        if self.unmapped > 0.2 * (len(self.chars) + self.unmapped):
            return True
        legacy = sum(1 for c in self.chars if "\u00a1" <= c.text <= "\u00ff" and c.text not in _VIETNAMESE_LATIN1)
        return legacy >= 10 and legacy > _LEGACY_SHARE * max(1, len(letters))

    def lines(self, x0: float = 0.0, top: float = -1e9, x1: float = 1e9, bottom: float = 1e9) -> list[str]:
        """The printed lines inside a box (points from the page's top left), each character placed by
        where it is; two texts far apart on one line (a header's two columns) are two lines."""
        if bottom - top < 1 or x1 - x0 < 1:
            return []
        begin, end = bisect.bisect_left(self._middles, top), bisect.bisect_right(self._middles, bottom)
        inside = [c for c in self.chars[begin:end] if x0 <= (c.x0 + c.x1) / 2 <= x1]
        out: list[str] = []
        for row in _rows(inside):
            base, reach = row[0].base, 0.4 * max(c.size for c in row)
            lo, hi = (
                bisect.bisect_left(self._space_bases, base - reach),
                bisect.bisect_right(self._space_bases, base + reach),
            )
            spaces = sorted(x for x, _ in self.spaces[lo:hi] if x0 <= x <= x1)
            out += [text for text in _spell(row, spaces) if text.strip()]
        return out


def _advances(textpage) -> Callable[[int, int], float]:
    """How far across a character of ``textpage`` advances (points): its font's width for it, scaled as printed;
    0 where the font gives none or the text is turned."""
    import pypdfium2.raw as pdfium_c

    matrix, width, size = pdfium_c.FS_MATRIX(), ctypes.c_float(), ctypes.c_float()
    objects: dict[int, tuple | None] = {}  # a text object's font, size and scale across, read once
    widths: dict[tuple, float] = {}

    def advance(index: int, code: int) -> float:
        obj = pdfium_c.FPDFText_GetTextObject(textpage, index)
        if not obj:
            return 0.0
        key = ctypes.addressof(obj.contents)
        if key not in objects:
            font = pdfium_c.FPDFTextObj_GetFont(obj)
            upright = pdfium_c.FPDFText_GetMatrix(textpage, index, ctypes.byref(matrix)) and matrix.b == matrix.c == 0
            sized = font and upright and pdfium_c.FPDFTextObj_GetFontSize(obj, ctypes.byref(size))
            objects[key] = (font, ctypes.addressof(font.contents), size.value * matrix.a) if sized else None
        if objects[key] is None:
            return 0.0
        font, font_key, scale = objects[key]
        if (font_key, code) not in widths:
            known = pdfium_c.FPDFFont_GetGlyphWidth(font, code, 1.0, ctypes.byref(width))
            widths[font_key, code] = width.value if known else 0.0
        return widths[font_key, code] * scale

    return advance


def _rows(chars: list[Char], reach: float | None = None) -> list[list[Char]]:
    """Characters (sorted by baseline) grouped into printed lines by their baseline: within ``reach`` points of
    the line's first character's, by default within 0.4 font heights."""
    rows: list[list[Char]] = []
    for char in chars:
        last = rows[-1][0] if rows else None
        if last and char.base - last.base <= (0.4 * max(char.size, last.size) if reach is None else reach):
            rows[-1].append(char)
        else:
            rows.append([char])
    return rows


def _spell(row: list[Char], spaces: list[float] = ()) -> list[str]:
    """One printed line's characters left to right, spaces where the gaps are or where the text layer prints
    one (``spaces``: where each starts across, sorted) between two letters; a combining mark goes after the
    letter under it. A gap of several font sizes starts another text."""
    letters = sorted((c for c in row if not unicodedata.combining(c.text)), key=lambda c: c.x0)
    marks: dict[int, list[str]] = {}
    for mark in (c for c in row if unicodedata.combining(c.text)):
        centre = (mark.x0 + mark.x1) / 2
        under = min(range(len(letters)), key=lambda i: abs((letters[i].x0 + letters[i].x1) / 2 - centre), default=None)
        if under is not None:
            marks.setdefault(under, []).append(mark.text)
    texts, current, previous = [], "", None
    for i, char in enumerate(letters):
        if previous is not None:
            # from where the letter advances to, if its box reaches further (a fallback letter over a space)
            gap = char.x0 - min(previous.x1, previous.end or previous.x1)
            size = max(char.size, previous.size)
            if gap > _COLUMN * size:
                texts.append(current)
                current = ""
            elif gap > _SPACE * size or _printed_between(spaces, previous, char):
                current += " "
        current += char.text + "".join(marks.get(i, ()))
        previous = char
    texts.append(current)
    return [unicodedata.normalize("NFC", text) for text in texts]


def _printed_between(spaces: list[float], before: Char, after: Char) -> bool:
    """Whether the text layer prints a space after the middle of ``before`` and by the start of ``after``."""
    at = bisect.bisect_right(spaces, (before.x0 + before.x1) / 2)
    return at < len(spaces) and spaces[at] <= after.x0 + 0.5


def _lines(text: str) -> list[str]:
    return [line for line in _nfc(text).replace("\r\n", "\n").replace("\r", "\n").split("\n") if line.strip()]


def _page_number(text: str) -> bool:
    return bool(re.fullmatch(r"[-–\s]*\d{1,3}[-–\s]*", text))  # '80%.' is text


def _nfc(text: str) -> str:
    """NFC; pdfium marks a hyphen it found at a line's end with \\x02: it is a real hyphen here
    (Vietnamese breaks no words), as in "468/QĐ-TTg"."""
    return unicodedata.normalize("NFC", text.replace("\x02", "-"))
