"""The seven CCHC areas and how headings name them (folded, so OCR text without diacritics matches).

``area_of`` reads a section heading ('2. Cải cách thủ tục hành chính', OCR 'Cai cach thua tuc hanh chinh');
``run_in_area`` reads the label a paragraph opens with ('- Về cải cách chế độ công vụ: …'); ``topic_of`` guesses
the area of a target from its own wording, for targets listed outside any area section ('Một số chỉ tiêu cụ thể').
"""

from __future__ import annotations

import re

from importer.model import Area
from importer.text import fold

# most specific first: "cải cách thủ tục hành chính" before the bare "hành chính"; OCR spellings tolerated
_AREA_PATTERNS: tuple[tuple[Area, re.Pattern[str]], ...] = tuple(
    (area, re.compile(pattern))
    for area, pattern in (
        (Area.TTHC, r"\bth\S{0,2} tuc hanh chinh|\btthc\b"),
        (Area.THE_CHE, r"\bthe che\b"),
        (Area.BO_MAY, r"\bb\S{0,2} may\b|to ch\S{1,3}c b|sap xep"),
        (Area.CONG_VU, r"cong vu|can bo, cong chuc"),
        (Area.TAI_CHINH_CONG, r"tai chinh c\S{0,2}ng\b"),
        (
            Area.CHINH_PHU_SO,
            r"chinh \S+ di\S{0,2}n t\S{0,2}\b|chinh (?:phu|quyen|ph\S{1,2}|quy\S{1,3}) (?:s\S{0,2}|5\S?)\b"
            r"|chuyen d\S{1,2}i s\S{0,2}\b",
        ),
        (Area.CHI_DAO_DIEU_HANH, r"chi dao,? dieu hanh|chi dao dieu hanh|tuyen truyen|kiem tra"),
    )
)


def area_of(heading: str) -> Area | None:
    """The reform area a section heading names, or None."""
    folded = fold(heading)
    for area, pattern in _AREA_PATTERNS:
        if pattern.search(folded):
            return area
    return None


# a paragraph's own heading run into it: 'Về cải cách thủ tục hành chính: …', 'Đối với chế độ công vụ: …',
# 'Lĩnh vực cải cách thể chế: …'
_RUN_IN = re.compile(r"^\W*(?:ve|doi voi|(?:trong )?linh vuc)\s+([^:;.]{3,70}?)\s*:")


def run_in_area(text: str) -> Area | None:
    """The area a paragraph's run-in label names ('- Về xây dựng chính quyền số: 100% …'), or None."""
    match = _RUN_IN.match(fold(text))
    return area_of(match[1]) if match and len(match[1].split()) <= 8 else None


# what a target speaks of, when no section says its area; first match wins
_TOPIC_PATTERNS: tuple[tuple[Area, re.Pattern[str]], ...] = tuple(
    (area, re.compile(pattern))
    for area, pattern in (
        (Area.TAI_CHINH_CONG, r"tu chu tai chinh"),  # a public unit's financial autonomy, not its organisation
        # the results of handled procedures digitised (a store of data), not the dossier digitised when received
        (Area.CHINH_PHU_SO, r"\bs\S{0,2} hoa ket qua|\bket qua giai quyet\b.*\bs\S{0,2} hoa\b"),
        (  # public health and education services; not a department's field ('thủ tục … lĩnh vực y tế')
            Area.BO_MAY,
            r"\bsipas\b|su phuc vu cua (cac )?co quan|(?<!linh vuc )(?<!nganh )(\by te\b|giao duc)|to chuc bo may"
            r"|don vi su nghiep",
        ),
        (
            Area.TTHC,
            r"\bth\S{0,2} tuc hanh chinh|\btthc\b|dich vu cong|thanh toan (truc|tr\S{1,2}c) tuy|mot cua"
            r"|\bh\S{0,2} so\b.*\b(giai quy|(duoc )?nop (truc|tr\S{1,2}c) tuy)|giai quyet (cac )?thu tuc\b"
            r"|\bhai long\b",  # satisfaction: with the agencies' service, health, schools above
        ),
        (
            Area.CHINH_PHU_SO,
            r"\bs\S{0,2} hoa\b|du lieu|nen tang s|chinh (phu|quyen) (so|dien tu)|chuyen doi so|ky nang so"
            r"|moi truong (so|mang)|truc tuyen|dinh danh|van ban dien tu|van ban\b.*\bmoi truong dien tu",
        ),
        (Area.THE_CHE, r"van ban quy pham|vbqppl|\bthe che\b|phap luat"),
        (Area.CONG_VU, r"can bo|cong chuc|vien chuc|cong vu"),
        (Area.TAI_CHINH_CONG, r"ngan sach|tai chinh|tai san cong|dau tu cong"),
        (Area.CHI_DAO_DIEU_HANH, r"nhiem vu|ke hoach|chi dao|dieu hanh|tuyen truyen|kiem tra|chi so"),
    )
)


def topic_of(text: str) -> Area | None:
    """The area a target's wording belongs to (used only when no area section encloses it)."""
    folded = fold(text)
    for area, pattern in _TOPIC_PATTERNS:
        if pattern.search(folded):
            return area
    return None
