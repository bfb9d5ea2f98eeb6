"""The seven CCHC areas and how headings name them (folded, so OCR text without diacritics matches)."""

from __future__ import annotations

import re

from importer.model import Area
from importer.text import fold

# most specific first: "cải cách thủ tục hành chính" before the bare "hành chính"
_AREA_PATTERNS: tuple[tuple[Area, re.Pattern[str]], ...] = tuple(
    (area, re.compile(pattern))
    for area, pattern in (
        (Area.TTHC, r"thu tuc hanh chinh|\btthc\b"),
        (Area.THE_CHE, r"the che"),
        (Area.BO_MAY, r"bo may|to chuc bo|sap xep"),
        (Area.CONG_VU, r"cong vu|can bo, cong chuc"),
        (Area.TAI_CHINH_CONG, r"tai chinh cong"),
        (Area.CHINH_PHU_SO, r"chinh (phu|quyen) (dien tu|so)|chuyen doi so|chinh phu so|chinh quyen so"),
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
