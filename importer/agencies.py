"""Names of agencies (cơ quan, đơn vị): how a table cell or a line starts naming a body, the name of one body
read out of a heading or a sentence, and the key two spellings of one body share ('UBND xã', 'Ủy ban nhân dân xã').

All of them match folded text (``importer.text.fold``), and tolerate the letters OCR damages most ('Vian phong')."""

from __future__ import annotations

import re
from collections import Counter

from importer.ocrfix import edit_distance
from importer.text import fold, fold_aligned

# the start of a cell or a line that names a body or bodies, folded ('van phong', 'cac co quan', 'ubnd', 'so')
AGENCY = re.compile(
    r"^(v\w{0,2}n ?p\S{0,2}ong|phong|trung t\wm|c\w{1,2}c (co quan|phong|don vi|so|ban)|co quan|"
    r"ubnd|uy ban|so\b|ban (chi dao|quan ly|chi huy)|cong an|mat tran|doan thanh nien|chu tich|lanh dao|"
    r"bo phan|thanh tra|kho bac|bao hiem|chi cuc|cuc\b|hoi (dong|nong dan|phu nu|cuu chien binh|luat gia))"
)
# the start of the name of one body with duties (collective holders are ruled out by _GENERIC)
_AGENCY_START = re.compile(
    r"^(?:de nghi\s+)?(ph\S{1,2}ng|v\S{1,2}n ph\S{1,2}ng|trung t\S{1,3}m|so|cong an|thanh tra|chi cuc|ban chi huy|"
    r"mat tran|uy ban mat tran|doan thanh nien|hoi (lien hiep|nong dan|cuu chien binh)|bao hiem xa hoi|kho bac)\b"
)
_GENERIC = re.compile(r"^(cac|nhung|moi|toan bo|trach nhiem|thu truong|truong|lanh dao)\b")
_REQUEST = re.compile(r"^de nghi\s+")
# what ends a body's name: a bracket or colon, 'và các …', 'để …', 'là cơ quan thường trực', 'chủ trì, …'
_TRAILING = re.compile(r"\s*[(:;].*$|\s+(va|cung|phoi hop)\s+(cac|voi)\b.*$|\s+(de|la)\s+\S.*$|\s+chu tri\b.*$|[./]+$")
_LOCAL_UNIT = re.compile(r"\s+(xa|phuong|thi tran|dac khu)$")
_UNFINISHED = re.compile(r"\b(va|&|cua|thuoc)$")


def looks_like_agency(text: str) -> bool:
    """A cell naming a body: 'Văn phòng …', 'Phòng …', 'Trung tâm …', 'Các cơ quan …', 'UBND …', 'Sở …'."""
    return bool(AGENCY.match(fold(text).strip()))


def bodies_in(cell: str) -> list[str]:
    """The bodies a lead or partner cell names, each as written: parted by semicolons, and by a comma where
    another body's name starts ('Công an tỉnh, Bảo hiểm xã hội tỉnh'), not by one inside a name ('Phòng Kinh
    tế, Hạ tầng và Đô thị')."""
    bodies: list[str] = []
    for piece in cell.split(";"):
        parts: list[str] = []
        for part in piece.split(","):
            if parts and not looks_like_agency(part):
                parts[-1] += "," + part
            else:
                parts.append(part)
        bodies += [part.strip() for part in parts if part.strip()]
    return bodies


# in a cell of a column 'Cơ quan chủ trì/phối hợp' (folded): the words saying which body leads and which take part
_LEADS = re.compile(r"\(?\bchu tri\b\)?\s*:?")
_TAKES_PART = re.compile(r"\(?\bphoi hop\b\)?\s*(?:voi\b)?\s*:?")
_GOES_ON = re.compile(r"\b(va|&|cua|thuoc|voi)\s*$")  # a name goes on after these ('HĐND và UBND phường')


def lead_and_partners(cell: str) -> tuple[str, str]:
    """The lead and the partners a cell of one column 'Cơ quan chủ trì/phối hợp' names: the cell says which is
    which ('Phòng X chủ trì; Công an phường phối hợp', 'Chủ trì: X; phối hợp: Y'), or the lead is the body named
    first and the partners are all named after it (their line may start 'Phối hợp:'). Where its lines were
    joined, the next body starts at the first word in capitals of an agency's name ('Văn phòng HĐND và UBND
    phường Phòng Kinh tế, …' parts before 'Phòng'), not one that a name goes on with ('… và UBND …') nor one
    just after the first body's kind ('Văn phòng Sở')."""
    folded = fold_aligned(cell)
    leads = _LEADS.search(folded)
    if leads and leads.start() == 0:  # 'Chủ trì: X; phối hợp: Y'
        part = _TAKES_PART.search(folded, leads.end())
        return _bare(cell[leads.end() : part.start() if part else len(cell)]), _bare(cell[part.end() :] if part else "")
    if leads:  # 'X chủ trì; Y phối hợp', 'X (chủ trì), Y (phối hợp)', 'X chủ trì, phối hợp với Y'
        rest = cell[leads.end() :]
        kept, at = [], 0
        for said in _TAKES_PART.finditer(fold_aligned(rest)):
            kept.append(rest[at : said.start()])
            at = said.end()
        return _bare(cell[: leads.start()]), _bare(" ".join([*kept, rest[at:]]))
    kind = AGENCY.match(folded)
    for word in re.finditer(r"(?<=[\s,;])\S", cell):
        start = word.start()
        if (kind and start <= kind.end() + 1) or not cell[start].isupper():
            continue
        if "\n" in cell[:start] or (AGENCY.match(folded[start:]) and not _GOES_ON.search(folded[:start])):
            label = _TAKES_PART.match(folded, start)  # the partners' line may say so ('Phối hợp: …')
            return _bare(cell[:start]), _bare(cell[label.end() if label else start :])
    return _bare(cell), ""


def _bare(text: str) -> str:
    return " ".join(text.split()).strip(" ,;.:-–")


# a hyphen OCR read without its spaces between two parts of a name ('Văn hóa-Xã hội', 'Thể thao-Truyền thông'),
# one after the kind of body that opens it ('Phòng-Kinh tế'), a speck glued to a word's start ('.HĐND')
_TIGHT_DASH = re.compile(r"(?<=[^\W\d_])\s?[-–]\s?(?=[^\W\d_][^\W\d_])")
_KIND = re.compile(r"^(phong|van phong|trung tam|so|ban)$")
_SPECK_BEFORE = re.compile(r"(?:^|(?<=\s))[-–.,'`]+(?=[^\W\d_])")


def mend_cell(text: str | None) -> str | None:
    """An OCR'd lead or partners cell with its names' dashes as printed: 'Phòng Văn hóa-Xã hội' → 'Phòng Văn hóa -
    Xã hội', 'Phòng-Kinh tế' → 'Phòng Kinh tế', '-Công an tỉnh' → 'Công an tỉnh'. A symbol's hyphen between
    capitals ('UBND-MTTQ') and a span of years stay."""
    if not text:
        return text
    text = _SPECK_BEFORE.sub("", text)

    def spaced(match: re.Match[str]) -> str:
        before, after = text[: match.start()], text[match.end() :]
        if before[-1].isupper() and after[:2].isupper():
            return match[0]  # 'UBND-MTTQ'
        if not before[-1].islower() or not after[0].isupper() or not after[1].islower():
            return match[0]
        return " " if _KIND.match(fold(before).strip()) else " - "

    return _TIGHT_DASH.sub(spaced, text)


def agreed_names(cells: list[str]) -> dict[str, str]:
    """OCR'd agency cells read under another spelling elsewhere in the plan: each cell whose letters are one edit
    (one in eight letters) from a cell the plan gives more often, mapped to that one ('Văn phòng HĐND và MBND xã'
    → 'Văn phòng HĐND và UBND xã' when the plan prints the latter twice). A spelling that differs only in marks
    or case is left as read: the count cannot tell which of those OCR got right."""
    counts = Counter(cells)
    keys = {cell: re.sub(r"[^a-z]", "", fold(cell)) for cell in counts}
    agreed = {}
    for cell, count in counts.items():
        key, most = keys[cell], max(1, len(keys[cell]) // 8)
        near = [
            (counts[other], other)
            for other in counts
            if counts[other] > count and keys[other] != key and edit_distance(key, keys[other], limit=most) <= most
        ]
        if near:
            agreed[cell] = max(near)[1]
    return agreed


def agency_named_by(text: str) -> str | None:
    """'Phòng Văn hóa - Xã hội xã:' → 'Phòng Văn hóa - Xã hội'; 'Đề nghị Mặt trận Tổ quốc … và các đoàn thể'
    → 'Mặt trận Tổ quốc …'; a collective holder ('Các cơ quan, đơn vị') → None."""
    text = re.sub(r"\s+", " ", text).strip(" -–+.:;")
    folded = fold_aligned(text)
    if _GENERIC.match(folded) or not _AGENCY_START.match(folded):
        return None
    end = len(text)
    cut = _TRAILING.search(folded)
    if cut:
        end = cut.start()
    comma = re.search(r",\s+(?=[^\W\d_])", text[:end])
    if comma and text[comma.end()].islower():  # 'Phòng X, phối hợp …' ends the name; 'Văn hóa, Thể thao' does not
        end = comma.start()
    start = _REQUEST.match(folded)
    name = text[start.end() if start else 0 : end].strip(" -–.:;,")
    if not name or len(name.split()) > 12 or _UNFINISHED.search(fold(name)):
        return None
    if re.match(r"^(phong|trung tam)\b", fold(name)):  # 'Phòng Kinh tế xã', 'Trung tâm … phường'
        unit = _LOCAL_UNIT.search(fold_aligned(name))
        name = name[: unit.start()] if unit else name
    return name


def unique_names(names: list[str]) -> tuple[str, ...]:
    """Each body once, under the spelling it is first named by ('UBND xã' and 'Ủy ban nhân dân' are one)."""
    seen: dict[str, str] = {}
    for name in names:
        key = re.sub(r"[^a-z0-9]+", " ", fold(name).replace("&", " va ")).strip()
        key = re.sub(r"\bhdnd\b", "hoi dong nhan dan", re.sub(r"\bubnd\b", "uy ban nhan dan", key))
        key = _LOCAL_UNIT.sub("", key)
        seen.setdefault(key, name)
    return tuple(seen.values())
