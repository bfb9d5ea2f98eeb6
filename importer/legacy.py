"""Vietnamese text in the legacy 8-bit encodings, TCVN3 (ABC, the .VnTime fonts) and VNI, turned into Unicode.

Before Unicode, Vietnamese offices typed in fonts that drew Vietnamese letters at the code points of Western
ones: a file saved from such a document holds, read as Windows-1252, 'KÕ ho¹ch' (TCVN3) or 'Keá hoaïch' (VNI)
for 'Kế hoạch'. The tables below are the published ones (TCVN 5712:1993 VN3; VNI Windows). TCVN3 has
one byte per letter and capitals only for ĂÂÊÔƠƯĐ: its capitals with a tone were drawn by the .VnTimeH font
with the small letters' codes, so a word typed in capitals ('KÕ HO¹CH') is given in capitals. VNI writes a
letter as its base letter followed by one byte for its marks ('aù' = á).

``detect`` tells the encoding from how often each one's letters occur; ``to_unicode`` converts.
"""

from __future__ import annotations

import re

_LETTERS = "áàảãạăắằẳẵặâấầẩẫậéèẻẽẹêếềểễệíìỉĩịóòỏõọôốồổỗộơớờởỡợúùủũụưứừửữựýỳỷỹỵđ"

# TCVN3: the code of each letter of _LETTERS, in order
_TCVN3_CODES = (
    184, 181, 182, 183, 185, 168, 190, 187, 188, 189, 198, 169, 202, 199, 200, 201, 203,
    208, 204, 206, 207, 209, 170, 213, 210, 211, 212, 214,
    221, 215, 216, 220, 222,
    227, 223, 225, 226, 228, 171, 232, 229, 230, 231, 233, 172, 237, 234, 235, 236, 238,
    243, 239, 241, 242, 244, 173, 248, 245, 246, 247, 249,
    253, 250, 251, 252, 254,
    174,
)  # fmt: skip
_TCVN3_CAPITALS = {161: "Ă", 162: "Â", 163: "Ê", 164: "Ô", 165: "Ơ", 166: "Ư", 167: "Đ"}
_TCVN3 = {chr(code): letter for code, letter in zip(_TCVN3_CODES, _LETTERS, strict=True)}
_TCVN3.update({chr(code): letter for code, letter in _TCVN3_CAPITALS.items()})

# VNI: each letter of _LETTERS as its base letter and mark bytes (read as Windows-1252)
_VNI_SPELLINGS = (
    "aù aø aû aõ aï aê aé aè aú aü aë aâ aá aà aå aã aä "
    "eù eø eû eõ eï eâ eá eà eå eã eä "
    "í ì æ ó ò "
    "où oø oû oõ oï oâ oá oà oå oã oä ô ôù ôø ôû ôõ ôï "
    "uù uø uû uõ uï ö öù öø öû öõ öï "
    "yù yø yû yõ î "
    "ñ"
).split()
_VNI = {spelling: letter for spelling, letter in zip(_VNI_SPELLINGS, _LETTERS, strict=True)}
_VNI.update({spelling.upper(): letter.upper() for spelling, letter in zip(_VNI_SPELLINGS, _LETTERS, strict=True)})
_VNI_PATTERN = re.compile("|".join(sorted(map(re.escape, _VNI), key=len, reverse=True)))
# what only VNI writes: a vowel followed by a mark byte
_VNI_PAIR = re.compile(r"[aeouyAEOUYôöÔÖ][ùøûõïêéèúüëâáàåãäÙØÛÕÏÊÉÈÚÜËÂÁÀÅÃÄ]")
_VNI_SINGLE = re.compile(r"(?<![aeouyAEOUYôöÔÖ])[íìæóòîñÍÌÆÓÒÎÑ]")
_UNICODE_ONLY = re.compile(r"[ăđơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.IGNORECASE)
_TCVN3_ONLY = re.compile("[" + "".join(chr(c) for c in (*_TCVN3_CODES, *_TCVN3_CAPITALS) if c not in (170, 171)) + "]")
_WORD = re.compile(r"\S+")


def detect(text: str) -> str | None:
    """'tcvn3' or 'vni' when the text reads as that legacy encoding, else None (Unicode or plain ASCII)."""
    sample = text[:50000]
    letters = sum(1 for c in sample if c.isalpha()) or 1
    if len(_UNICODE_ONLY.findall(sample)) / letters > 0.02:
        return None
    marked = len(_TCVN3_ONLY.findall(sample))
    if marked / letters < 0.1:
        return None
    # in VNI nearly every such character is the mark byte after a vowel, or one of its one-byte letters
    vni = len(_VNI_PAIR.findall(sample)) + len(_VNI_SINGLE.findall(sample))
    return "vni" if vni >= 0.8 * marked else "tcvn3"


def to_unicode(text: str, encoding: str) -> str:
    """The text converted from ``encoding`` ('tcvn3' or 'vni', as read through Windows-1252 or Latin-1)."""
    if encoding == "vni":
        return _VNI_PATTERN.sub(lambda m: _VNI[m[0]], text)
    return "\n".join(_tcvn3_line(line) for line in text.split("\n"))


def _tcvn3_line(line: str) -> str:
    """A line whose plain letters are all capitals was typed in capitals (the .VnTimeH font): all of it is;
    elsewhere a word of two plain capitals or more is ('UBND', 'HO¹CH')."""
    plain = [c for c in line if c.isascii() and c.isalpha()]
    if len(plain) >= 4 and all(c.isupper() for c in plain):
        return "".join(_TCVN3.get(c, c) for c in line).upper()
    return _WORD.sub(_tcvn3_word, line)


def _tcvn3_word(match: re.Match[str]) -> str:
    word = match[0]
    converted = "".join(_TCVN3.get(c, c) for c in word)
    plain = [c for c in word if c.isascii() and c.isalpha()]
    if converted != word and len(plain) >= 2 and all(c.isupper() for c in plain):
        return converted.upper()
    return converted
