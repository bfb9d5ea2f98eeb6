"""List markers and numerals: how a plan numbers its parts, items and table rows, as printed and as OCR reads them.

Every stage that asks "is this a numbered heading, a list item, a section row?" asks here:

* ``find_marker``: the list marker at the start of a paragraph ('I.', '1.', '1.1.', 'a)', '(1)', '-', '+') and
  its level (``ROMAN`` … ``PLUS``; a part 'Phần thứ nhất' takes the roman level);
* roman numerals written (``roman``: 4 → 'IV') and read (``is_roman``: 'IV'; ``numeral_value``: 'iv', '1V'
  → 4; ``NUMERAL``: a part's numeral as OCR damages it, I read '|', 'l' or '1'; ``ocr_roman``: a lone one read
  'H', 'HI', 'L' → 'II', 'III', 'I'), and a section row's numeral and title (``split_numeral``);
* the names of a table's section rows from their numerals as printed (``name_sections``: '1', '2' or 'A', 'B'
  as they run, 'B.II' under lettered groups, roman numerals restored where OCR damaged them);
* the number cell of a table row (``ROW_NUMBER``: '1', '1.2', '3)', 'II', 'A.', 'a)'; ``GROUP_NUMBER``: the
  'II' or 'B' of a section row; ``split_labelled``: a section row's title opening with a word and its number,
  'Nhiệm vụ 1: …', 'Nội dung 2. …') and bullets (``BULLETS``, ``BULLET``; ``strip_bullet`` takes the one opening a
  task's text away).
"""

from __future__ import annotations

import re

ROMAN, ARABIC, DOTTED, LETTER, DASH, PLUS = 1, 2, 3, 4, 5, 6

_ROMAN_VALUES = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"))
_ROMAN_VALUES += ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
_STRICT_ROMAN = re.compile(r"^X{0,3}(IX|IV|V?I{0,3})$")
_LETTER_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
_OCR_I = str.maketrans({"l": "I", "1": "I", "|": "I"})  # roman I as OCR reads it
# the same in a lone numeral, where no L (50) stands before XL: 'L' is an I too, and so is an I with a speck or two
# over it read as a mark ('Í', 'Ì', 'Ï', 'Î', 'Ỉ', 'Ĩ', or in small letters: a fax's 'ï') or a speck under it read
# as a dot ('Ị': III read 'HỊ'); two strokes joined read 'H' are II
_OCR_LONE_I = str.maketrans(
    {"l": "I", "1": "I", "|": "I", "L": "I", "H": "II"} | {marked: "I" for marked in "ÍÌÏÎỈĨỊíìïîỉĩị"}
)

# a roman numeral of a part or a section row as printed or as OCR reads it: 'I', 'IV', 'Il', '|', '11'
NUMERAL = r"[IVX|l1]{1,5}"
# the same in folded text (lower case), where a roman I may be read 'l' or '1': 'ii', 'iv', '1v', 'll'
FOLDED_NUMERAL = r"[ivx1l]{1,4}"
_SEPARATOR = r"(?:\s*[.|:]\s*|\s+)"  # 'II. ', 'II | ', 'II.', 'II '
_NUMERAL_TITLE = re.compile(rf"^\s*({NUMERAL}){_SEPARATOR}(\S.*)$")
_PRINTED_NUMERAL_TITLE = re.compile(rf"^\s*([IVX]{{1,5}}){_SEPARATOR}(\S.*)$")

# the number cell of a table row, and the one of a row that heads a group of rows
ROW_NUMBER = re.compile(r"^(\d{1,3}(\.\d{1,3}){0,3}[.)]?|[IVXLC]{1,6}\.?|[A-HĐ]\.?|[a-zđ]\))$")
GROUP_NUMBER = re.compile(r"^([IVXL]{1,6}|[A-HĐ])\.?$")

BULLETS = "-–—‒•·+*"
BULLET = re.compile(r"^[-–+•]\s*")  # a bullet opening a line of a table cell
_LEADING_BULLET = re.compile(r"^\s*[-–+•]\s+(?=\S)")  # '- ', '– ', '+ ', '• ' before a task's words

# OCR renders roman I as '|', 'l' or '1', as 'Í' or 'Ì' when a speck or a mark of the line above sits on
# it, and a second I as 'L' ('|.', 'Il.', 'IL.', 'I11.', 'IÍ.'), or the dot after it as 'L' ('IIL MỤC
# TIÊU'), as a comma ('II, CHỈ TIÊU') or not at all ('II MỤC TIÊU'), before a heading in capitals; a token of
# digits only is arabic.
_ROMAN = re.compile(
    r"^\s*([IVXÍÌ|l1][IVXÍÌ|l1L]{0,4})\s*[.,]\s*(?=[A-ZĐÀ-Ỹ])"
    r"|^\s*([IVXÍÌ|l1]{1,4})L\s+(?=[A-ZĐ][A-ZĐÀ-Ỹ])"
    r"|^\s*([IVX]{1,4})\s+(?=[A-ZĐ][A-ZĐÀ-Ỹ])"
)
# II and III as Tesseract reads two strokes joined: 'H. MỤC TIÊU', '-H. MỤC TIÊU', 'HH, NHIỆM VỤ', 'IH. …' —
# only before a heading in capitals (a lettered part 'H. Nhiệm vụ khác' is not one); each H counts two strokes;
# a speck beside its period read as a second mark ('H..MỤC TIÊU', 'H,.MỤC TIÊU')
_ROMAN_AS_H = re.compile(r"^\s*[-–.,'`]?\s*(H[HIl1|]?|[Il1|]H)\s*[.,:]{1,2}\s*(?=[A-ZĐ][A-ZĐÀ-Ỹ]+\s+[A-ZĐÀ-Ỹ]{2})")
_DOTTED = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2})+)\.?\s+(?=\S)")
_ARABIC = re.compile(r"^\s*(\d{1,2})\s*[.)](?:\s+|(?=[^\d\s.,/%]))(?=\S)")
# the dot after it as OCR reads it, a comma: only before a title in sentence case ('1, Cải cách …', not '2, 3 năm')
_ARABIC_COMMA = re.compile(r"^\s*(\d{1,2}),\s+(?=\w)")
_LETTER = re.compile(r"^\s*([a-hđ@¢]|[A-HĐ](?=\s?\.))\s?[.)]\s?(?=[^\s.)])")
_DASH = re.compile(r"^\s*(?:[^\w\s(\[]{1,2}\s+|[vV]\s+)?[-–—•·‒]\s*(?=\S)")
_PLUS = re.compile(r"^\s*[+*]\s*(?=\S)")
# a part above the roman ones: 'Phần thứ nhất', 'PHẦN THỨ HAI', 'Phần I', 'Phần 2' (its title after it or under it)
_PART = re.compile(
    r"^\s*((?:Ph[aầ]n|PH[AẦ]N)\s+(?:(?:th[uứ]|TH[UỨ])\s+(?:nh[aấ]t|hai|ba|t[uư]|n[aă]m|s[aá]u|NH[AẤ]T|HAI|BA|T[UƯ]|N[AĂ]M|S[AÁ]U)\b"
    r"|(?:[IVX]{1,4}|\d{1,2})(?=\s*[.:]|\s*$)))\s*[.:]?\s*"
)
_PAREN = re.compile(r"^\s*\((\d{1,2}|[a-zđ])\)\s*(?=\S)")  # '(1) Tỷ trọng kinh tế số …': an item of a list


def strip_bullet(text: str) -> str:
    """A task's text without the list bullet the document put before it: '- Rà soát …' → 'Rà soát …' (a bullet
    followed by a space only: '-5%' keeps its sign)."""
    return _LEADING_BULLET.sub("", text, count=1)


def roman(value: int) -> str:
    """A positive number in roman numerals: 4 → 'IV', 14 → 'XIV'."""
    numeral = ""
    for amount, letters in _ROMAN_VALUES:
        count, value = divmod(value, amount)
        numeral += letters * count
    return numeral


def is_roman(text: str) -> bool:
    """A roman numeral from I to XXXIX written as it should be ('IV', not 'IIII', 'Il' or '')."""
    text = text.strip()
    return bool(text) and bool(_STRICT_ROMAN.match(text))


def strokes_as_roman(token: str) -> str:
    """A roman numeral of strokes alone as OCR reads a sans-serif I ('|', 'l', '||') written in I's ('I', 'II');
    any other token as it is."""
    return "I" * len(token) if token and set(token) <= {"|", "l"} else token


MISREAD = 3  # signs: a row's number misread at a low resolution is this short at most


def misread_number(token: str, figure: bool = False) -> bool:
    """Whether a table row's number cell holds what OCR reads a row's or a section row's number as on a coarse
    scan (150 dpi): ``MISREAD`` signs at most and no small letter; a bold 'II' whose serifs touch read 'WH' or
    'HE:', a '1' with a speck beside it read '1Đ' (with ``figure``: a figure among them, a row's number). The
    caller judges it by where it stands (alone in the number column, a row's number under it)."""
    token = token.strip()
    found = 0 < len(token) <= MISREAD and not any(c.islower() for c in token)
    return found and (not figure or any(c.isdigit() for c in token))


def numeral_value(token: str) -> int | None:
    """The value of a numeral printed in arabic or roman figures, either case, and with a roman I as OCR reads
    it ('l', '1', '|'): '3' → 3, 'III' → 3, 'iv' → 4, 'Il' → 2, '1v' → 4; None for anything else ('IIII', 'a')."""
    token = token.strip()
    if token.isdigit():
        return int(token)
    letters = ocr_roman(token.translate(_OCR_I).upper(), lone=False)
    if letters is None:
        return None
    values = [_LETTER_VALUES[letter] for letter in letters]
    return sum(-v if v < after else v for v, after in zip(values, [*values[1:], 0], strict=True))


# a speck beside a lone numeral of strokes read as one more letter, a marked capital no numeral holds ('HỘ')
_SPECK_LETTER = re.compile(r"^([IHLl1|]{1,3})[ÀÁẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬÈÉẺẼẸÊẾỀỂỄỆÒÓỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢÙÚỦŨỤƯỨỪỬỮỰỲÝỶỸỴ]$")


def ocr_roman(token: str, lone: bool = True) -> str | None:
    """A roman numeral from I to XXXIX as OCR damages it, read back: a stroke read '|', 'l' or '1' ('Il', '11' →
    'II'), a dot, colon or comma after it left out; None for anything else ('IIII', 'HHH', 'a', '12', 'HỘI'). A
    ``lone`` one (a section row's number cell, a heading's numeral) has no L (50) before XL, so also a stroke read
    'L', 'Í' or 'Ì' ('L' → 'I', 'IL' → 'II'), two strokes joined read 'H' ('H' → 'II', 'HI', 'IH', '1H' → 'III'),
    three whose serifs touch read as two H sharing the middle one ('HH' → 'III'), a speck after it read as a
    marked vowel ('HỘ' → 'II') or, at its top, as a quote ('HI”' → 'III'). A token of digits only ('1', '11')
    reads as strokes too: the caller judges it."""
    letters = token.strip().rstrip(".:,")
    if lone:
        letters = letters.rstrip("”\"'’")
        letters = _SPECK_LETTER.sub(r"\1", letters).replace("HH", "III")
    letters = letters.translate(_OCR_LONE_I if lone else _OCR_I)
    return letters if is_roman(letters) else None


def split_numeral(text: str, ocr: bool = True) -> tuple[str, str] | None:
    """(numeral as printed, rest) of 'II. CẢI CÁCH …', 'II | …', 'II.CẢI CÁCH', and with ``ocr`` of a numeral
    as OCR damages it: 'Il: …', '11 CẢI CÁCH …' (I read as '1'); the caller judges a numeral of digits only."""
    match = (_NUMERAL_TITLE if ocr else _PRINTED_NUMERAL_TITLE).match(text)
    return (match[1], match[2]) if match else None


# a section row's title led by a word and its number, as a table splits its tasks into groups: 'Nhiệm vụ 1: Cải cách
# thể chế', 'Nội dung 2. Cải cách thủ tục hành chính', 'Lĩnh vực 3 - …', 'Nhóm nhiệm vụ IV: …', 'Mục 5. …'
_LABELLED = re.compile(
    r"^\s*(?:Nhóm\s+nhiệm\s+vụ|Nhiệm\s+vụ|Nội\s+dung|Lĩnh\s+vực|Mục)\s+(\d{1,2}|[IVX]{1,5})\s*[.:–-]\s*(\S.*)$",
    re.IGNORECASE,
)


def split_labelled(text: str) -> tuple[str, str] | None:
    """(number, title) of a section row's title led by a word and its number ('Nhiệm vụ 1: Cải cách thể chế' →
    ('1', 'Cải cách thể chế')), or None."""
    match = _LABELLED.match(text)
    return (match[1], match[2].strip()) if match else None


def name_sections(printed: list[str]) -> list[str]:
    """Section names as printed when they run 1, 2, 3…, A, B, C… or a, b, c…; sections under lettered groups named
    after their group ('B.II'); else roman numerals, an OCR-damaged one ('Il', '111', '|') taken from the
    sequence."""
    printed = [p.strip(" .") for p in printed]
    letters = [chr(ord("a") + n) for n in range(len(printed))]
    for sequence in ([str(n) for n in range(1, len(printed) + 1)], [c.upper() for c in letters], letters):
        if printed and printed == sequence:
            return printed
    groups = [p for p in printed if re.fullmatch(r"[A-HĐ]", p)]
    if groups and any(is_roman(p) for p in printed):  # lettered groups over roman sections: 'A', 'A.I', 'B.I'
        names, group = [], None
        for p in printed:
            group = p if p in groups else group
            names.append(p if p in groups or group is None else f"{group}.{p}")
        return names
    return [p if is_roman(p) else roman(n + 1) for n, p in enumerate(printed)]


def find_marker(text: str) -> tuple[str | None, int | None, str]:
    """The list marker at the start of a line, its level and the text after it."""
    match = _PART.match(text)
    if match:
        return match[1], ROMAN, text[match.end() :].strip()
    match = _ROMAN_AS_H.match(text)
    if match:
        return ocr_roman(match[1]) or match[1].translate(_OCR_LONE_I), ROMAN, text[match.end() :].strip()
    for pattern, level in ((_ROMAN, ROMAN), (_DOTTED, DOTTED), (_ARABIC, ARABIC), (_LETTER, LETTER)):
        match = pattern.match(text)
        if match:
            token = match.group(1)
            if level == ROMAN and token is None:  # a dot read as 'L' or lost: only before a heading in capitals
                token = match.group(2) or match.group(3)
                if not text[match.end() : match.end() + 2].isupper():
                    continue
            if level == ROMAN and token.isdigit():
                continue
            if level == ROMAN and "," in text[: match.end()]:
                heading = text[match.end() : match.end() + 2]
                if not (heading.isalpha() and heading.isupper()):
                    continue  # the dot read as a comma: only before a heading in capitals ('II, CHỈ TIÊU')
            return token, level, text[match.end() :].strip()
    match = _ARABIC_COMMA.match(text)
    if match and text[match.end()].isupper() and text[match.end() + 1 : match.end() + 2].islower():
        return match[1], ARABIC, text[match.end() :].strip()
    match = _PAREN.match(text)
    if match:
        return f"({match.group(1)})", DASH, text[match.end() :].strip()
    for pattern, level in ((_DASH, DASH), (_PLUS, PLUS)):
        match = pattern.match(text)
        if match:
            return text[: match.end()].strip()[-1:], level, text[match.end() :].strip()
    return None, None, text.strip()
