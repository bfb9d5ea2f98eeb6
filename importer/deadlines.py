"""Deadlines as printed ("Quý IV/2025", "2026 - tháng 2/2027", "Hàng năm") told apart from other cells
(``looks_like_deadline``) and turned into dates.

The text is folded (no diacritics, lower case) first, so OCR output without marks reads the same.
Typical OCR damage is tolerated: 'Quy 1V/2025' (1 for I), 'thang 712025' (1 for the slash),
'20262030' (a lost hyphen).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from importer.markers import numeral_value, roman
from importer.text import fold, fold_aligned


@dataclass(frozen=True)
class Deadline:
    start: dt.date | None  # first day the task runs, when the text says
    end: dt.date | None  # last day to finish (for a recurring task: the end of its last year)
    recurring: bool = False  # "Hàng năm", "Thường xuyên": due at the end of every year


_YEAR = r"(20\d\d)"
# 'hàng năm', 'hằng năm', and OCR forms 'hane nim', 'hingnim'; 'thường xuyên'
RECURRING = re.compile(r"\bh[ai]n[a-z]?\s?n[ai]m\b|\bhang (thang|quy)\b|\bthuong xuyen\b")
# the start of a cell or a line giving a time, folded: 'trong thang', 'quy', '2026', 'hang nam', 'theo ke hoach'
DEADLINE_START = re.compile(
    r"^(trong (thang|nam|quy)|truoc ngay|truoc thang|tu nam|nam 20|quy\b|thang \d|6 thang|20\d\d|\d{1,2}/20\d\d|"
    r"h[ai]n\w?\s?n[ai]m|hang (thang|quy)|thuong xuyen|dinh ky|theo (v\w{1,2}n\b|chi dao|ke hoach|tien do|yeu cau|"
    r"quy dinh|huong dan))"
)
# a time anywhere in a cell, also as OCR damages it: '2026-2030', '2026 2030', '6/2026' read '612026', 'quy iv/2026'
DEADLINE_ANYWHERE = re.compile(
    r"(\b20\d\d\s*[-.—–]?\s*(thang\s*)?\d{0,2}/?20\d\d\b|\b\d{3,4}\s*[-.—–]\s*20\d\d\b|\b\d{3,4}\s\d{3,4}\b"
    r"|\b(1[0-2]|[1-9])[1/]20\d\d\b|\bquy\s*[1iv]{1,3}\s*/\s*20\d\d|\b6 thang cu\wi|\btrong thang\s*\d+"
    r"|\bh[ai]n\w?\s?n[ai]m\b)"
)
# a span of years or a month of a year, as above
YEAR_RANGE = re.compile(r"\b(20\d\d|\d{3})\s*[-.—–]?\s*20\d\d\b|\b\d{3,4}\s\d{3,4}\b|\b(1[0-2]|[1-9])[1/]20\d\d\b")


def looks_like_deadline(text: str) -> bool:
    """A cell giving a time: a year or a range, 'Quý II/2026', 'Tháng 3', 'Hằng năm', 'Thường xuyên', 'Theo …'."""
    folded = fold(text).strip()
    return bool(DEADLINE_START.match(folded) or DEADLINE_ANYWHERE.search(folded)) and len(text) <= 60


def parse_deadline(
    text: str | None, period_start: dt.date | None = None, period_end: dt.date | None = None
) -> Deadline:
    """Read a printed deadline; the plan's period fills in what the text leaves out. A task printed without a
    deadline runs to the period's end; a deadline printed in words no reader knows ("Theo tiến độ") gives no
    date at all, so the officer sets one (``readable`` tells the importer to warn)."""
    folded = _repair(fold(text))
    if not folded:
        return Deadline(None, period_end, False)
    return _read(folded, period_start, period_end) or Deadline(None, None, False)


def readable(text: str | None, period_start: dt.date | None = None, period_end: dt.date | None = None) -> bool:
    """Whether a printed deadline names a date, a span or a recurrence that ``parse_deadline`` reads with the
    plan's period (an empty one is not unreadable: there is nothing to read)."""
    folded = _repair(fold(text))
    return not folded.strip() or _read(folded, period_start, period_end) is not None


def _read(folded: str, period_start: dt.date | None, period_end: dt.date | None) -> Deadline | None:
    if RECURRING.search(folded):
        return Deadline(period_start, _yearly_day(folded, period_end), True)
    found = _read_dated(folded)
    if found:
        return found
    years = [int(y) for y in re.findall(r"(?<!\d)" + _YEAR + r"(?!\d)", folded)]
    if years:
        return Deadline(dt.date(min(years), 1, 1), dt.date(max(years), 12, 31), False)
    if period_start and period_end and period_start.year == period_end.year:
        # 'Quý II', 'Trước 30/6', 'Tháng 3' in a plan for one year: of that year (not 'Theo tiến độ': no date)
        return _read_dated(f"{folded}/{period_start.year}") or _read_dated(f"{folded} {period_start.year}")
    return None


def _read_dated(folded: str) -> Deadline | None:
    for reader in (
        _read_date,
        _read_year_to_month,
        _read_year_range,
        _read_quarter,
        _read_half,
        _read_part,
        _read_month,
    ):
        found = reader(folded)
        if found:
            return found
    return None


# two years glued by a lost or misread hyphen: '20262030', '2026.2030', '202672030' (the hyphen read as 7)
_GLUED_YEARS = re.compile(r"(?<!\d)(20\d\d)\s*[.7|_~]?\s*(20\d\d)(?!\d)")


def _unglue_years(text: str) -> str:
    def unglue(match: re.Match[str]) -> str:
        first, last = int(match[1]), int(match[2])
        return f"{match[1]}-{match[2]}" if first < last <= first + 10 else match[0]

    return _GLUED_YEARS.sub(unglue, text)


def repair_deadline(text: str | None) -> str | None:
    """A printed deadline with its year range mended ('202672030' → '2026-2030'); the rest left as printed."""
    return _unglue_years(text) if text else text


# a roman quarter as OCR damages it, in the folded text: 'Quý1IV/2026', 'QuýH/2026' (II as H or 11, III as HI,
# IH or 111, I as l or |), 'Quý.l1⁄2026', 'Quýl IV/2026', 'Quy TV/2025' (I as T), 'Quý IH năm 2026', a span
# 'Quý H - IV/2026', 'Quy III - 1V/2026', 'Quý 12026' (the slash lost: one stroke glued to the year); the year
# is taken only after a slash; a quarter printed in arabic figures is left alone
_NUMERAL_READ = r"(?:[1il|hv]|t(?=v)){1,4}"
_DAMAGED_QUARTER = re.compile(
    r"\bquy[\s.,'`:]*(?:(?P<first>" + _NUMERAL_READ + r")\s*[-,]\s*)?"
    r"(?P<numeral>" + _NUMERAL_READ + r"(?:\s+(?:iv|iii|ii|i)\b)?)"
    r"(?:(?:\s*[/⁄]\s*|(?<=quy 1)(?=20))(?P<year>20\d\d)(?!\d)|(?=\s*(?:nam|-|,|va\b|den\b)|\s+20\d\d))"
)
# a date whose slashes OCR lost ('Trước 31122026'), a word glued to the year after it ('Năm2026')
_GLUED_DATE = re.compile(r"(?<![\d/])(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])(20\d\d)(?!\d)")
_GLUED_YEAR = re.compile(r"(?<=[^\W\d_])(?=20\d\d(?!\d))")


def mend_deadline(text: str | None, roman_quarters: bool = True) -> str | None:
    """An OCR'd deadline with the damage no printed deadline has mended and its wording kept: a roman quarter
    as OCR reads it ('Quý1IV/2026' → 'Quý IV/2026', 'QuýH/2026' → 'Quý II/2026'), a fraction slash, a date
    without its slashes ('Trước 31122026' → 'Trước 31/12/2026'), a year glued to its word ('Năm2026').
    'Quý 1/2026' is the first quarter in the plan's own style: 'Quý I/2026' only when its quarters are roman."""
    if not text:
        return text
    text = re.sub(r"(?<!/)⁄(?!/)", "/", text).strip(" -–—'`_,;:")  # specks at its ends ('-Quý IV/2026')
    match = _DAMAGED_QUARTER.search(fold_aligned(text))
    quarter = _quarter_as_printed(match) if match and match["year"] else None
    if quarter and (roman_quarters or "1" not in (match["first"], match["numeral"])):
        text = f"{text[: match.start()]}{quarter}{text[match.end() :]}"
    text = _GLUED_DATE.sub(r"\1/\2/\3", text)
    return _GLUED_YEAR.sub(" ", text)


def roman_quarters(deadlines: Iterable[str | None]) -> bool:
    """Whether a plan writes its quarters in roman numerals: one read as such ('Quý IV/2026', also 'QuýH/2026')
    and none in arabic figures ('Quý 3/2026')."""
    folded = " ".join(fold(text) for text in deadlines if text)
    arabic = re.search(r"\bquy\s*[2-4]\b", folded)
    return not arabic and bool(re.search(r"\bquy[\s.]*[1il|]*[hv]|\bquy\s*i{1,3}\b", folded))


def _quarter_numeral(read: str) -> str | None:
    """The quarter a damaged roman numeral names: strokes (1, l, |, i) counted, 'h' two of them; a stroke before
    'IV' or a speck set apart from the numeral is not part of it ('1iv', 'l iv' → IV; '1v', 'tv' → IV)."""
    *speck, numeral = read.split()
    if speck and not all(mark in "1il|" for mark in speck[0]):
        return None
    if numeral.endswith("v"):
        return "IV" if numeral[:-1] and all(mark in "1il|t" for mark in numeral[:-1]) else None
    strokes = sum(2 if mark == "h" else 1 for mark in numeral)
    if numeral == "ihi":  # 'IHI': the middle stroke read as H
        strokes = 3
    return roman(strokes) if "v" not in numeral and 1 <= strokes <= 3 else None


def _quarter_as_printed(match: re.Match[str]) -> str | None:
    """A quarter ``_DAMAGED_QUARTER`` found, written as printed ('Quý II', 'Quý III - IV/2026', the span's
    separator as read), or None when a numeral names no quarter."""
    first, numeral = (_quarter_numeral(match[name]) if match[name] else "" for name in ("first", "numeral"))
    if first is None or numeral is None:
        return None
    span = match.string[match.end("first") : match.start("numeral")] if first else ""
    return f"Quý {first}{span}{numeral}" + (f"/{match['year']}" if match["year"] else "")


def _repair(folded: str) -> str:
    """Undo common OCR damage in dates: '712025' → '7/2025', '20262030' → '2026-2030', '1v' → 'iv'."""
    text = re.sub(r"[\u2010-\u2015~]", "-", folded)
    text = _unglue_years(text)
    # a slash read as '1' between a month and a year: 712025 → 7/2025, 1212025 → 12/2025
    text = re.sub(r"(?<!\d)(1[0-2]|[1-9])1(20\d\d)(?!\d)", r"\1/\2", text)
    text = _DAMAGED_QUARTER.sub(lambda match: fold(_quarter_as_printed(match)) or match[0], text)
    # a 1 read as l or | in a month: 'thang l2/2026' is December, not February
    text = re.sub(r"\bthang\s*[l|](\d)\b", r"thang 1\1", text)
    return text


def _yearly_day(folded: str, period_end: dt.date | None) -> dt.date | None:
    """'Trước ngày 15/12 hằng năm': due on that day of the period's last year (else at its end)."""
    match = re.search(r"(?<![\d/])(\d{1,2})\s*/\s*(\d{1,2})(?![\d/])", folded)
    if not match or period_end is None:
        return period_end
    try:
        return dt.date(period_end.year, int(match[2]), int(match[1]))
    except ValueError:
        return period_end


def period_dates(start: str | None, end: str | None) -> tuple[dt.date | None, dt.date | None]:
    """A plan's period as the header gives it ('2026-01', '2026-12') as its first and last days."""
    first = dt.date(int(start[:4]), int(start[5:7]), 1) if start else None
    return first, _month_end(int(end[:4]), int(end[5:7])) if end else None


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _read_date(text: str) -> Deadline | None:
    """'30/6/2026', '30-6-2026', 'ngày 30 tháng 6 năm 2026'."""
    match = re.search(r"(?<!\d)(?P<d>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<y>20\d\d)", text)
    if not match:
        match = re.search(r"\bngay\s*(?P<d>\d{1,2})\s*thang\s*(?P<m>\d{1,2})\s*(?:nam\s*)?(?P<y>20\d\d)", text)
    if not match:
        return None
    day, month, year = int(match["d"]), int(match["m"]), int(match["y"])
    try:
        return Deadline(None, dt.date(year, month, day), False)
    except ValueError:
        return None


def _read_year_to_month(text: str) -> Deadline | None:
    """'2026 - tháng 2/2027', '2026-02/2027'."""
    match = re.search(_YEAR + r"\s*-\s*(?:thang\s*)?(\d{1,2})\s*/\s*" + _YEAR, text)
    if not match:
        return None
    start, month, end = int(match[1]), int(match[2]), int(match[3])
    if not 1 <= month <= 12:
        return None
    return Deadline(dt.date(start, 1, 1), _month_end(end, month), False)


def _read_year_range(text: str) -> Deadline | None:
    match = re.search(r"(?<!\d)" + _YEAR + r"\s*-\s*" + _YEAR + r"(?!\d)", text)
    if not match:
        return None
    start, end = sorted((int(match[1]), int(match[2])))
    return Deadline(dt.date(start, 1, 1), dt.date(end, 12, 31), False)


_QUARTER = r"(iv|iii|ii|i|[1-4])\b"


def _read_quarter(text: str) -> Deadline | None:
    """'Quý I/2026', 'Quý II năm 2026', and spans 'Quý III - IV/2026', 'Quý I, II/2026'."""
    match = re.search(
        r"\bquy\s*" + _QUARTER + r"(?:\s*(?:-|,|va|den)\s*(?:quy\s*)?" + _QUARTER + r")?\s*(?:/|nam|-)?\s*" + _YEAR,
        text,
    )
    if not match:
        return None
    first, last, year = numeral_value(match[1]), numeral_value(match[2] or match[1]), int(match[3])
    if last < first:
        return None
    return Deadline(dt.date(year, 3 * first - 2, 1), _month_end(year, 3 * last), False)


def _read_half(text: str) -> Deadline | None:
    # OCR: 'cudi', 'cubi' for cuối; 'nim', 'ndm' for năm; '6tháng' with its space lost
    match = re.search(r"\b6\s*th\w?ng\s*(d\wu|cu\wi)(?:\s*n\w?m)?\s*" + _YEAR, text)
    if not match:
        return None
    year = int(match[2])
    if match[1].startswith("d"):
        return Deadline(dt.date(year, 1, 1), dt.date(year, 6, 30), False)
    return Deadline(dt.date(year, 7, 1), dt.date(year, 12, 31), False)


# the parts of a year as plans name them, and the quarter each one means
_PARTS = {"d": (1, "Đầu"), "g": (2, "Giữa"), "c": (4, "Cuối")}


def _read_part(text: str) -> Deadline | None:
    """'Đầu năm 2026' (its first quarter), 'Giữa năm 2026' (the second), 'Cuối năm 2025' (the last)."""
    match = re.search(r"\b(d\wu|gi\wa|cu\wi)\s*n\w?m\s*" + _YEAR, text)
    if not match:
        return None
    quarter, year = _PARTS[match[1][0]][0], int(match[2])
    return Deadline(dt.date(year, 3 * quarter - 2, 1), _month_end(year, 3 * quarter), False)


def _read_month(text: str) -> Deadline | None:
    """'tháng 3/2026', 'Tháng 12 năm 2025', a bare '03/2026'."""
    match = re.search(r"\bthang\s*(\d{1,2})(?:\s*(?:-|,|den)\s*(\d{1,2}))?\s*(?:/|nam)\s*" + _YEAR, text)
    match = match or re.search(r"(?<![\d/.-])(\d{1,2})()\s*/\s*" + _YEAR + r"(?!\d)", text)
    if not match:
        return None
    first, last, year = int(match[1]), int(match[2] or match[1]), int(match[3])
    if not 1 <= first <= last <= 12:
        return None
    return Deadline(dt.date(year, first, 1), _month_end(year, last), False)


def restore_deadline(text: str | None) -> str | None:
    """A clean printed form of an OCR-damaged deadline ('Quy 1V/2025' → 'Quý IV/2025'), or None if unreadable."""
    folded = _repair(fold(text))
    folded = re.sub(r"(?<!\d)[013-9]0(\d\d)(?=\s*-\s*20\d\d)", r"20\1", folded)  # '9026-2030': a 2 read as 9
    if not folded:
        return None
    if RECURRING.search(folded):
        return "Thường xuyên" if "thuong xuyen" in folded else "Hàng năm"
    if _read_date(folded):  # a full date is left as printed
        return None
    found = _read_year_to_month(folded)
    if found:
        return f"{found.start.year} - tháng {found.end.month}/{found.end.year}"
    found = _read_year_range(folded)
    if found:
        return f"{found.start.year}-{found.end.year}"
    found = _read_quarter(folded)
    if found:
        first, last = roman((found.start.month + 2) // 3), roman((found.end.month + 2) // 3)
        return f"Quý {first if first == last else f'{first} - {last}'}/{found.end.year}"
    found = _read_half(folded)
    if found:
        return f"6 tháng {'đầu' if found.start.month == 1 else 'cuối'} năm {found.end.year}"
    found = _read_part(folded)
    if found:
        name = next(name for quarter, name in _PARTS.values() if 3 * quarter == found.end.month)
        return f"{name} năm {found.end.year}"
    found = _read_month(folded)
    if found:
        first, last = found.start.month, found.end.month
        return f"tháng {first if first == last else f'{first} - {last}'}/{found.end.year}"
    return None
