"""Text that lost its diacritics: how it is recognised, and the word shapes that still match it.

The general path reads Unicode Vietnamese and matches it folded (``importer.text.fold``: lower case, marks
stripped, 'đ' → 'd'), so 'Mục tiêu' and an unmarked 'Muc tieu' meet in 'muc tieu'. What folding cannot
undo is kept here and in ``importer.ocrfix``:

* ``lost_diacritics``: a text whose letters almost never carry a mark (OCR with the wrong language model, a
  site that stripped them); ``flag_lost_diacritics`` (a stage of the pipeline) then marks the import
  low-fidelity and says so to the reviewer;
* word shapes of the few words the header and the plan detection need whatever OCR did to their letters
  ('Kế hoạch' read 'Ké hoach', 'K& hoach'; 'Số' read 'S6', '$6'; 'Quyết định' read 'Quyét dinh');
* ``importer.ocrfix`` corrects the damaged words of short cells against a vocabulary and gives back their
  marks ('phong van hoa - xa hoi' → 'Phòng Văn hóa - Xã hội').

Text in a legacy 8-bit encoding is another matter: its marks are there, in other code points, and
``importer.legacy`` converts it before any of this.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from importer.model import Block, Document, Problem

_MARKED_LETTERS = set("ăâđêôơưĂÂĐÊÔƠƯ")

# "Kế hoạch" as printed and as OCR damages it: 'Ké hoach', 'K& hoach', 'K¢é hoach', 'Ké hpach', 'Ké hogach'
KE_HOACH = r"k\S{0,3}\s?h\S{1,3}ch\b"
# "số" before a number: 'Số', 'S6', '$6', 'sé', 'sb'
SO = r"[s$5]\S{0,2}"
# the names of other document types, folded, as printed and as OCR damages them ('Quyét dinh', 'CHUONG TRINH')
QUYET_DINH = r"quy\S{0,2}t d\S{1,2}nh"
CHUONG_TRINH = r"ch\S{1,3}ng tr\S{1,2}nh"
THONG_BAO = r"th\S{1,2}ng b\S{1,2}o"
NGHI_QUYET = r"ngh\S{1,2} quy\S{0,2}t"
BAO_CAO = r"b\S{1,2}o c\S{1,2}o"
HANH_DONG = r"h\S{1,3}nh \S{1,3}ng"
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


def flag_lost_diacritics(document: Document) -> Document:
    """The document marked low-fidelity, with a warning for the reviewer, when its running text lost its marks."""
    sample = " ".join(item.text for item in document.items if isinstance(item, Block))[:20000]
    if document.low_fidelity or not lost_diacritics(sample):
        return document
    problem = Problem(
        "low_fidelity",
        "Văn bản bị mất dấu tiếng Việt (có thể do nhận dạng chữ sai ngôn ngữ); hãy đối chiếu kỹ với bản gốc khi duyệt.",
    )
    return replace(document, low_fidelity=True, problems=(*document.problems, problem))


def name_plan_word(folded: str) -> str:
    """Folded text with 'Kế hoạch' as OCR damages it ('k& hoach') written 'ke hoach'."""
    return _PLAN_WORD_FOLDED.sub("ke hoach", folded)
