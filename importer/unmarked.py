"""Text that lost its diacritics: how it is recognised, and the word shapes that still match it.

The general path reads Unicode Vietnamese and matches it folded (``importer.text.fold``: lower case, marks
stripped, 'đ' → 'd'), so 'Mục tiêu' and an unmarked 'Muc tieu' meet in 'muc tieu'. What folding cannot
undo is kept here and in ``importer.ocrfix``:

* ``lost_diacritics``: a text whose letters almost never carry a mark (OCR with the wrong language model, a
  site that stripped them); the import is then low-fidelity and says so;
* word shapes of the few words the header and the plan detection need whatever OCR did to their letters
  ('Kế hoạch' read 'Ké hoach', 'K& hoach'; 'Số' read 'S6', '$6');
* ``importer.ocrfix`` corrects the damaged words of short cells against a vocabulary and gives back their
  marks ('phong van hoa - xa hoi' → 'Phòng Văn hóa - Xã hội').

Text in a legacy 8-bit encoding is another matter: its marks are there, in other code points, and
``importer.legacy`` converts it before any of this.
"""

from __future__ import annotations

import re
import unicodedata

_MARKED_LETTERS = set("ăâđêôơưĂÂĐÊÔƠƯ")

# "Kế hoạch" as printed and as OCR damages it: 'Ké hoach', 'K& hoach', 'K¢é hoach', 'Ké hpach', 'Ké hogach'
KE_HOACH = r"k\S{0,3}\s?h\S{1,3}ch\b"
# "số" before a number: 'Số', 'S6', '$6', 'sé', 'sb'
SO = r"[s$5]\S{0,2}"
# the same as found in folded text: 'k& hoach', 'k¢ hoach'
_PLAN_WORD_FOLDED = re.compile(r"\bk\W? ?hoach")


def diacritic_ratio(text: str) -> float:
    """Share of letters that carry a Vietnamese mark: about 0.3–0.4 in real Vietnamese prose."""
    letters = [c for c in unicodedata.normalize("NFC", text) if c.isalpha()]
    if not letters:
        return 0.0
    marked = sum(1 for c in letters if c in _MARKED_LETTERS or unicodedata.normalize("NFD", c) != c)
    return marked / len(letters)


def lost_diacritics(sample: str) -> bool:
    """A sample of running text (a few hundred letters or more) that has lost most of its marks."""
    return len(sample) > 200 and diacritic_ratio(sample) < 0.12


def name_plan_word(folded: str) -> str:
    """Folded text with 'Kế hoạch' as OCR damages it ('k& hoach') written 'ke hoach'."""
    return _PLAN_WORD_FOLDED.sub("ke hoach", folded)
