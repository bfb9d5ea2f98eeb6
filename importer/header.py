"""Header stage: number, issuer, date, title, period, bases, supersedes, signer.

Everything is matched on accent-folded text (``fold_aligned`` keeps positions, so the printed spelling is
sliced from the original) and tolerates the usual OCR damage: 'S6:94 /KH-UBND', 'Ké hoach', 'QD' for 'QĐ'.
When the first-page header is missing, number and date come from an appendix heading
'(Kèm theo Kế hoạch số 84/KH-UBND ngày 13/10/2025 của UBND xã Mao Điền)'.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import takewhile

from importer.markers import FOLDED_NUMERAL, NUMERAL, numeral_value
from importer.model import Block, Document, Location, Meta, Problem, Table
from importer.ocrfix import edit_distance
from importer.sections import (
    Node,
    document_outline,
    goal_horizon,
    scope_of,
    strip_markdown,
)
from importer.text import fold, fold_aligned, mostly_capitals
from importer.unmarked import BAO_CAO, CHUONG_TRINH, HANH_DONG, KE_HOACH, NGHI_QUYET, QUYET_DINH, SO, THONG_BAO


@dataclass(frozen=True)
class Line:
    """One printed line of the document's first or last part (table cells are split into lines too)."""

    text: str
    location: Location


def extract_meta(document: Document) -> Meta:
    lines = read_lines(document)
    outline = document_outline(document)
    start, title_lines = find_title(lines)
    header = lines[:start] if start is not None else lines[:8]
    number = find_number(header)
    date = find_date(header)
    appendix_number, appendix_date = find_appendix_reference(lines)
    if number is None and date is None:
        number, date = appendix_number, appendix_date
    number = number or find_number(header, _BARE_NUMBER)
    title = " ".join(strip_markdown(line.text) for line in title_lines) or None
    issuer, level = find_issuer(header, outline, lines)
    printed, number = number, mend_symbol(number, issuer) if document.read_by_ocr else number
    period_start, period_end = find_period(title or "", outline)
    supersedes = find_supersedes(outline)
    bases = find_bases(outline, exclude=(number, printed, *supersedes))  # its own number is no basis
    signer, signer_title = find_signer(lines)
    return Meta(
        number=number,
        issuer=issuer,
        issuer_level=level,
        date=date,
        title=title,
        period_start=period_start,
        period_end=period_end,
        bases=bases,
        supersedes=supersedes,
        signer=signer,
        signer_title=signer_title,
    )


def review_meta(meta: Meta, document: Document) -> tuple[Problem, ...]:
    """Doubts about the header, for the plan's warnings (so a reviewer checks them against the original)."""
    first = next((item.location for item in document.items), Location())
    missing = (
        (meta.number, "header_number_missing", "Không tìm thấy số, ký hiệu của kế hoạch"),
        (meta.date, "header_date_missing", "Không tìm thấy hoặc không đọc được ngày ban hành"),
        (meta.issuer, "header_issuer_missing", "Không xác định được cơ quan ban hành kế hoạch"),
        (meta.title, "header_title_missing", "Không tìm thấy trích yếu (tên) của kế hoạch"),
        (
            meta.period_start and meta.period_end,
            "period_missing",
            "Không xác định được giai đoạn (thời kỳ) của kế hoạch",
        ),
    )
    return tuple(
        Problem(code, f"{what}; hãy đối chiếu bản gốc và nhập bổ sung khi duyệt bản nháp.", first)
        for found, code, what in missing
        if not found
    )


# --- lines --------------------------------------------------------------------------------------


# the labels of the metadata table a legal-document site prints above the document ("Số hiệu | Ngày ban
# hành | Cơ quan ban hành | Người ký"): the site's words, not the document's
_SITE_LABEL = re.compile(
    r"^\W*(so hieu|so ky hieu|ngay ban hanh|co quan ban hanh|noi ban hanh|nguoi ky|loai van ban|ngay hieu luc"
    r"|tinh trang|linh vuc|ngay cong bao|so cong bao)\W*$"
)


def is_site_metadata(table: Table) -> bool:
    """A legal site's metadata table: two of its cells at least are the site's labels."""
    labels = sum(1 for row in table.rows for cell in row if _SITE_LABEL.match(fold(strip_markdown(cell))))
    return labels >= 2


def read_lines(document: Document) -> list[Line]:
    """Blocks and table cells as printed lines, in reading order (a site's metadata table left out)."""
    lines: list[Line] = []
    for item in document.items:
        if isinstance(item, Block):
            lines += [Line(part.strip(), item.location) for part in item.text.splitlines() if part.strip()]
        elif isinstance(item, Table) and not is_site_metadata(item):
            for row in item.rows:
                for cell in row:
                    lines += [Line(part.strip(), item.location) for part in cell.splitlines() if part.strip()]
    return lines


_PLAN_WORD = re.compile(rf"^\W*{KE_HOACH}\W*$")
_PROGRAMME_WORD = re.compile(rf"^\W*{CHUONG_TRINH}(?: {HANH_DONG})?\W*$")
# the name of a document's type, alone on its line above its title: a plan, a programme, a decision, a notice, a
# resolution
_TYPE_WORD = re.compile(
    rf"^\W*(?:{KE_HOACH}(?: {HANH_DONG})?|{CHUONG_TRINH}(?: {HANH_DONG})?|{QUYET_DINH}|{THONG_BAO}|{NGHI_QUYET})\W*$"
)
_REPORT_WORD = re.compile(rf"^\W*{BAO_CAO}\W*$")
_APPENDIX_WORD = re.compile(r"^\W*ph\S{0,2} l\S{0,2}c(?:\s+(?:[ivx]{1,4}|\d{1,2}))?\W*$")  # 'PHỤ LỤC', 'Phụ lục II'
_CITATION_CUE = re.compile(
    r"^\W*(thu\S{0,2} hi\S{1,3}n|c\S{1,2}n c\S{1,3}|theo|kem theo|k\S{1,2}m theo)\b.*"
    r"(quy\S{0,2}t d\S{1,2}nh|ngh\S{1,2} (quy\S{0,2}t|d\S{1,2}nh)|ch\S{1,2} th\S|c\S{1,2}ng v\S{1,2}n|"
    + KE_HOACH
    + r"\s+s\S{0,2}\s+\d|lu\S{1,2}t|\d+\s*/)"
)
# a decision that issues or approves a plan or a programme: the plan it carries is the document
_ISSUES_PLAN = re.compile(
    rf"^\W*(?:v\S{{0,2}} vi\S{{1,2}}c\s+)?(ban hanh|phe duyet)\b.*\b({KE_HOACH}|{CHUONG_TRINH})\b"
)


def find_title(lines: list[Line]) -> tuple[int | None, list[Line]]:
    """The title lines under the document's type ('KẾ HOẠCH', 'CHƯƠNG TRÌNH', 'QUYẾT ĐỊNH', 'THÔNG BÁO'; at the
    very top when the header is missing) and where the type stands. A decision that issues a plan ('Ban hành
    Kế hoạch …') gives the title of the plan it carries, when the plan is in the document."""
    folded = [fold(strip_markdown(line.text)) for line in lines]
    type_at = next((i for i, text in enumerate(folded[:40]) if _TYPE_WORD.match(text)), None)
    # an appendix kept on its own under the letterhead ('PHỤ LỤC' over 'DANH MỤC NHIỆM VỤ …' and 'Kèm theo …'),
    # where no type word stands above its table (a cell 'Kế hoạch' in the table is an output, not the type)
    appendix = next((i for i, text in enumerate(folded[:40]) if _APPENDIX_WORD.match(text)), None)
    if (
        appendix is not None
        and lines[appendix].location.table is None
        and (type_at is None or (appendix < type_at and lines[type_at].location.table is not None))
        and _looks_like_header(lines[0].text)
        and _title_lines(lines, appendix + 1)
    ):
        return appendix, _title_lines(lines, appendix + 1)
    begin = type_at + 1 if type_at is not None else 0
    title = _title_lines(lines, begin)
    if type_at is None and title and _looks_like_header(title[0].text):
        return None, []
    if type_at is not None and not _PLAN_WORD.match(folded[type_at]) and not _PROGRAMME_WORD.match(folded[type_at]):
        if title and _ISSUES_PLAN.match(fold(" ".join(line.text for line in title))):
            carried = next(
                (
                    i
                    for i in range(begin, len(lines))
                    if _PLAN_WORD.match(folded[i]) or _PROGRAMME_WORD.match(folded[i])
                ),
                None,
            )
            if carried is not None and _title_lines(lines, carried + 1):
                title = _title_lines(lines, carried + 1)
    return (type_at if type_at is not None else 0), title


def is_report(document: Document) -> bool:
    """The document is a report ('BÁO CÁO' is the first document type alone on its line at its top): it tells
    what was done, and sets no plan, whatever tables of tasks done it holds."""
    for line in read_lines(document)[:40]:
        folded = fold(strip_markdown(line.text))
        if _TYPE_WORD.match(folded):
            return False
        if _REPORT_WORD.match(folded):
            return True
    return False


def _title_lines(lines: list[Line], begin: int) -> list[Line]:
    """The title's lines from ``begin``: up to the first citation, parenthesis, part heading or authority line."""
    title: list[Line] = []
    for line in lines[begin : begin + 5]:
        text = strip_markdown(line.text)
        folded = fold(text)
        if _CITATION_CUE.match(folded) or folded.startswith("(") or re.match(rf"^{NUMERAL}\s*\.", text):
            break
        if re.fullmatch(r"[\W_]+", folded):
            continue
        if title and text.isupper() and _AUTHORITY.search(folded):  # 'ỦY BAN NHÂN DÂN THÀNH PHỐ …' above 'Căn cứ'
            break
        if re.match(r"^ng\S{0,2}y\s+\d", folded) or (title and text.endswith(":")):  # the body's first sentence
            break
        title.append(line)
    return title


def _looks_like_header(text: str) -> bool:
    folded = fold(text)
    return bool(re.search(r"cong hoa|uy ban nhan dan|ubnd|\bso\s*:", folded))


# --- citations ----------------------------------------------------------------------------------

_PARTY = re.compile(r"(?<![\d/])(\d{1,4})\s*[-–]\s*([A-ZĐ]{1,4})\s*/\s*([A-ZĐ][A-ZĐa-z]{0,5})\b")
_STATE = re.compile(
    r"(?<![\d/])(?<!\d\.)(\d{1,5})\s*/\s*(?:(\d{4})\s*/\s*)?([A-ZĐ]{1,6}\d{0,2})(?:\s*[-–—]\s*([A-ZĐ][A-ZĐa-z]{0,9}))?\b"
)
_SYMBOL_FIXES = {
    "QD": "QĐ",
    "ND": "NĐ",
    "DH": "ĐH",
    "BCD": "BCĐ",
    "HDND": "HĐND",
    "DU": "ĐU",
    "TTG": "TTg",
    "CTR": "CTr",
}


def find_citations(text: str) -> list[str]:
    """Document numbers cited in a text, written as they are printed ('3470/QĐ-UBND', '45-NQ/TW')."""
    found: list[tuple[int, str]] = []
    for match in _PARTY.finditer(text):
        number, kind, body = match.groups()
        found.append((match.start(), f"{number}-{fix_symbol(kind)}/{fix_symbol(body)}"))
    for match in _STATE.finditer(text):
        number, year, kind, body = match.groups()
        if not year and not body:
            continue
        symbol = fix_symbol(kind) + (f"-{fix_symbol(body)}" if body else "")
        found.append((match.start(), f"{number}/{year}/{symbol}" if year else f"{number}/{symbol}"))
    return [citation for _, citation in sorted(found)]


def fix_symbol(part: str) -> str:
    """Restore the Đ that OCR drops from symbols (QD → QĐ, ND → NĐ, DH → ĐH)."""
    return _SYMBOL_FIXES.get(part.upper(), part)


def citation_key(citation: str | None) -> str:
    return re.sub(r"[\s/\-–]+", "", fold(citation or ""))


# --- number and date ----------------------------------------------------------------------------

# 'Số: 94/KH-UBND' (OCR: 'S6:94 /KH-UBND', its colon read as 'Số; 15/KH-UBND' by a speck beside it, its
# slash lost: 'Số: 15KH-UBND'), also 'Số 07/KH-SNV' without its colon, and a legal document's with its year
# ('Số: 05/2026/NQ-HĐND')
_NUMBER = re.compile(
    rf"(?:^|[\s(])(?:{SO}\s*[:.;,]|so\s)\s*(\d{{1,5}})(?:\s*/\s*(?P<year>(?:19|20)\d\d)\s*/\s*|\s*/\s*|(?=[a-z]))"
    rf"([a-z]{{1,6}}(?:\s*[-–]\s*[a-z0-9]{{1,10}})*)"
)
# 'ngày 20 tháng 01 năm 2026', also with a speck read as a mark before or after the month's word or before the
# year ('15.tháng', 'tháng.01', 'năm.2026')
# a speck OCR read as a mark between two of its words is kept out: 'ngày-15', '01.năm'; a 1-bit scan breaks the
# arch of the n of 'ngày' into two letters: 'rtgày', 'rigày'
_DATE = re.compile(
    r"(?:n|r[ti])g\S{0,2}y[\s.,-]*(\d{1,2})\s*(?:[.,]?\s*th\S{0,2}ng[\s.,]*|/|-|\.)\s*(\d{1,2})\s*(?:[.,]?\s*n\S{0,2}m|/|-|\.)"
    r"[\s.,]*(\d{4})"
)
# '(Kèm theo Kế hoạch số 84/KH-UBND ngày …)', '(Ban hành kèm theo Quyết định số 125/QĐ-UBND ngày …)'
_APPENDIX = re.compile(
    rf"k\S{{0,2}}m theo\s+(?:{KE_HOACH}|{QUYET_DINH}|{THONG_BAO}|{CHUONG_TRINH})"
    rf"\s+{SO}\s+(\d{{1,5}})\s*/\s*([a-z]{{1,6}}(?:\s*[-–]\s*[a-z0-9]{{1,10}})*)"
)


# a plan's own number and symbol without its "Số:", which OCR may lose ('$6:05/KH-UBND' read as '6:05/KH-UBND')
_BARE_NUMBER = re.compile(r"(?:^|[\s:(])(\d{1,5})\s*/\s*(kh(?:\s*[-–]\s*[a-z0-9]{1,10})+)\b")


def find_number(lines: list[Line], pattern: re.Pattern[str] = _NUMBER) -> str | None:
    for line in lines:
        folded = fold_aligned(line.text)
        match = pattern.search(folded)
        if match:
            year = match.groupdict().get("year")
            symbol = clean_symbol(line.text[match.start(pattern.groups) : match.end(pattern.groups)])  # the last group
            return f"{match.group(1)}/{year}/{symbol}" if year else f"{match.group(1)}/{symbol}"
    return None


def clean_symbol(printed: str) -> str:
    """The symbol as printed ('KH-UBND', 'CTr-UBND'), in capitals when printed without any, Đ restored. A
    name after a dash set apart ('Đại': a capital, then small letters) is the place the date line goes on
    with ('15KH-UBND - Đại Từ, ngày …' once a speck between them was left out, 'KH-SYT- Nghệ An'), not a part of
    the symbol, whose parts are capitals ('UBND', 'TTg')."""
    first, *apart = re.split(r"\s*[-–]\s+|\s+[-–]\s*", printed.strip())
    kept = [first, *takewhile(lambda part: not (len(part) > 2 and part[0].isupper() and part[1:].islower()), apart)]
    parts = re.split(r"\s*[-–]\s*", "-".join(kept))
    return "-".join(fix_symbol(part if any(c.isupper() for c in part) else part.upper()) for part in parts if part)


def issuer_symbol(issuer: str | None) -> str | None:
    """The part of a document's symbol naming its issuer, as bodies write it: 'UBND' for a people's committee,
    'HĐND' for a people's council, a department's initials ('Sở Tư pháp' STP, 'Sở Nội vụ' SNV, 'Sở Giáo dục và
    Đào tạo' SGDĐT)."""
    if not issuer:
        return None
    if issuer.startswith(("UBND ", "HĐND ")):
        return issuer[:4]
    if not issuer.startswith("Sở "):
        return None
    words = re.findall(r"[^\W\d_]+", issuer.split(" tỉnh ")[0].split(" thành phố ")[0])
    return "".join(word[0].upper() for word in words if fold(word) != "va")


def mend_symbol(number: str | None, issuer: str | None) -> str | None:
    """An OCR'd plan's number whose issuer part is one letter off the issuer the header names ('84/KH-SFP'
    of 'Sở Tư pháp' → '84/KH-STP', '15/KH-UBN' of 'UBND xã Đại Từ' → '15/KH-UBND'); a part two letters or
    more away is another body's ('KH-BCĐ', a steering committee's) and is kept."""
    expected = issuer_symbol(issuer)
    if not number or not expected or "-" not in number:
        return number
    head, read = number.rsplit("-", 1)
    near = len(read) >= 3 and edit_distance(fold(read), fold(expected), limit=1) == 1
    return f"{head}-{expected}" if near else number


def find_date(lines: list[Line]) -> str | None:
    """The first date of the lines, also one broken over two ('Đồng Nai, ngày 18' / 'tháng 11 năm 2025')."""
    for text, _ in _lines_then_pairs(lines):
        date = parse_date(text)
        if date:
            return date
    return None


def parse_date(text: str) -> str | None:
    """'ngày 17 tháng 11 năm 2025', 'ngay 24 thang 7 nam 2025', 'ngày 13 /10/2025' → 'YYYY-MM-DD'."""
    match = _DATE.search(fold(text))
    if not match:
        return None
    day, month, year = (int(g) for g in match.groups())
    if 1 <= day <= 31 and 1 <= month <= 12 and 1990 <= year <= 2100:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def find_appendix_reference(lines: list[Line]) -> tuple[str | None, str | None]:
    """Number and date from '(Kèm theo Kế hoạch số 84/KH-UBND ngày 13/10/2025 ...)'."""
    for text, following in _lines_then_pairs(lines):
        folded = fold_aligned(text)
        match = _APPENDIX.search(folded)
        if match:
            number = f"{match.group(1)}/{clean_symbol(text[match.start(2) : match.end(2)])}"
            rest = text[match.end() :]
            return number, parse_date(rest) or parse_date(f"{rest} {following}")
    return None, None


def _lines_then_pairs(lines: list[Line]):
    """Each line's text, then each line joined to the next, with the text of the line after: a PDF or a
    narrow column may wrap a reference ('… (Kèm' / 'theo Kế hoạch số 84/KH-UBND …)', '… ngày 29 tháng
    8 năm' / '2025 …')."""
    texts = [line.text for line in lines]
    if not texts:
        return
    yield from zip(texts, [*texts[1:], ""], strict=True)
    yield from zip((f"{a} {b}" for a, b in zip(texts, texts[1:], strict=False)), [*texts[2:], ""], strict=True)


# --- issuer -------------------------------------------------------------------------------------

_LEVEL_WORDS = {
    "xa": ("xã", "xa"),
    "phuong": ("phường", "xa"),
    "dac khu": ("đặc khu", "xa"),
    "thi tran": ("thị trấn", "xa"),
    "thanh pho": ("thành phố", "tinh"),
    "tinh": ("tỉnh", "tinh"),
    "huyen": ("huyện", None),
    "quan": ("quận", None),
    "thi xa": ("thị xã", None),
}
# a committee's name, its spaces as OCR may read them: a speck between two words read as a dash ('ỦY BAN-NHÂN DÂN')
_COMMITTEE_NAME = r"(?:uy[\s-]ban[\s-]nhan[\s-]dan|ubnd)"
_COUNCIL_NAME = r"(?:hoi[\s-]dong[\s-]nhan[\s-]dan|hdnd)"
# a local body of any level: its people's committee or its people's council ('HỘI ĐỒNG NHÂN DÂN' / 'TỈNH CAO BẰNG')
_COMMITTEE = re.compile(
    rf"({_COMMITTEE_NAME}|{_COUNCIL_NAME})\s+(thi tran|thi xa|dac khu|thanh pho|phuong|huyen|quan|tinh|xa)\b\s*(.*)$"
)
_DEPARTMENT = re.compile(r"(?:^|\s)so\s+(?!:|hieu\b|ky hieu\b)(?=[^\W\d])(\S.*)$")
# a board under the province's committee, on the letterhead's line under it ('UBND TỈNH QUẢNG NINH' / 'BAN QUẢN LÝ
# CÁC KHU KINH TẾ', 'BAN DÂN TỘC'): the board is the issuer, as a department is
_BOARD = re.compile(r"^\W*ban\s+(?!hanh\b)(?=[^\W\d])(\S.*)$")
# bodies above the provinces: the Prime Minister, the Government and its Office, a ministry
_NATIONAL = (
    (re.compile(r"^\W*thu tuong chinh phu\b"), "Thủ tướng Chính phủ"),
    (re.compile(r"^\W*van phong chinh phu\b"), "Văn phòng Chính phủ"),
    (re.compile(r"^\W*chinh phu\W*$"), "Chính phủ"),
)
_MINISTRY = re.compile(r"^\W*bo\s+(?!truong\b)(?=[^\W\d])")
_VIET_NAM = re.compile(r"^\W*vi\S{1,2}t nam\W*$")  # the motto's first line wrapped: 'CỘNG HÒA … CHỦ NGHĨA' / 'VIỆT NAM'
# header lines that are not the issuer's: the number line (also with the serial left blank: 'Số:   /KH-UBND'),
# the place and date (also with the day left blank), a draft's mark
_NOT_ISSUER = re.compile(
    rf"(?:^|\s){SO}\s*[:.]|\bso\s+\d|\bng\S{{0,2}}y\b.*\d{{4}}|\bth\S{{0,2}}ng\s+\d{{1,2}}\b"
    # a letter's subject under its number ('V/v báo cáo …') and its addressees ('Kính gửi: …')
    r"|^\W*d\S{1,2} th\S{1,2}o\W*$|^\W*v\s*/\s*v\b|^\W*k\S{0,2}nh g\S{1,2}i\b"
)
# a line that names an authority (the issuing body's own line under a decision's title)
_AUTHORITY = re.compile(rf"\b({_COMMITTEE_NAME}|thu tuong|chinh phu|bo truong|hoi dong nhan dan)\b")
_MOTTO = re.compile(r"c\S{0,2}ng h\S{0,2}a\b.*$|\S{1,3}c [l1]\S{1,2}p\s*[-–].*$|\bt\S{0,2} do\s*[-–].*$")
_PREAMBLE_ISSUER = re.compile(
    rf"(?:^|[.;,:]\s*)((?:uy ban nhan dan|ubnd|so)\b[^.;,:]{{0,60}}?)\s+(?:ban hanh|xay dung|trien khai)\s+{KE_HOACH}"
)
_APPENDIX_ISSUER = re.compile(
    rf"k\S{{0,2}}m theo\s+{KE_HOACH}.{{0,80}}?\bc\S{{0,3}}a\s+((?:uy ban nhan dan|ubnd)\b[^)]{{0,60}})"
)


def find_issuer(header: list[Line], outline: tuple[Node, ...], lines: list[Line]) -> tuple[str | None, str | None]:
    """The issuing body from the header block, else from the preamble ('… ban hành Kế hoạch'), else the appendix."""
    candidates: list[str] = []
    top = _without_motto([line.text for line in header if not _NOT_ISSUER.search(fold(line.text))])
    top = [strip_markdown(text) for text in top]  # a site's '**SỞ …**' letterhead lines
    top = [text for text in top if text and not _VIET_NAM.match(fold(text)) and not re.fullmatch(r"[\W_]+", text)]
    for index, text in enumerate(top):
        folded = fold(strip_markdown(text))
        for pattern, name in _NATIONAL:
            if pattern.match(folded):
                return name, None
        if _MINISTRY.match(folded):
            return body_name("Bộ", _words(_continued(top, index).split(None, 1)[-1], capitalised=False, limit=8)), None
    province = find_province(outline)
    for index, text in enumerate(top):
        parent, _ = compose_issuer(text)
        if parent and parent.startswith("UBND "):
            province = parent.removeprefix("UBND ")
        if re.match(r"^so\s+\S", fold(strip_markdown(text))) and _DEPARTMENT.search(fold_aligned(text)):
            return compose_issuer(_continued(top, index), province)
        board = _BOARD.match(fold_aligned(strip_markdown(text)))
        if board and province and index > 0 and mostly_capitals(text):
            name = _words(strip_markdown(_continued(top, index))[board.start(1) :], capitalised=False, limit=8)
            issuer = body_name("Ban", name)
            return (f"{issuer} {province}" if issuer and fold(province) not in fold(issuer) else issuer), "so"
    candidates.append(" ".join(top))
    for node in outline:
        if node.region == "front":
            candidates += [m for m in _matches(_PREAMBLE_ISSUER, node.paragraph.text)]
    for text, _ in _lines_then_pairs(lines):
        candidates += [m for m in _matches(_APPENDIX_ISSUER, text)]
    for candidate in candidates:
        issuer, level = compose_issuer(candidate, province)
        if issuer:
            return issuer, level
    return None, None


def _continued(top: list[str], index: int) -> str:
    """A body's name with the header lines it goes on over ('SỞ GIÁO DỤC' / 'VÀ ĐÀO TẠO')."""
    text = top[index]
    for following in top[index + 1 :]:
        if not re.match(r"^\W*(va|&)\s|^\s*,", fold(strip_markdown(following))):
            break
        text = f"{text} {following}"
    return text


def body_name(kind: str, words: list[str]) -> str | None:
    """'Sở' + ['GIÁO', 'DỤC', 'VÀ', 'ĐÀO', 'TẠO'] → 'Sở Giáo dục và Đào tạo': each part's first word capitalised."""
    if not words:
        return None
    out = []
    for i, word in enumerate(words):
        first = i == 0 or fold(words[i - 1]) == "va"
        out.append(word[:1].upper() + word[1:].lower() if first and fold(word) != "va" else word.lower())
    return f"{kind} {' '.join(out)}"


def _matches(pattern: re.Pattern[str], text: str) -> list[str]:
    folded = fold_aligned(text)
    return [text[m.start(1) : m.end(1)] for m in pattern.finditer(folded)]


def _drop_motto(text: str) -> str:
    folded = fold_aligned(text)
    match = _MOTTO.search(folded)
    return (text[: match.start()] if match else text).strip()


_MOTTO_WRAPS = re.compile(r"c\S{0,2}ng h\S{0,2}a\b.*ngh\S{0,2}a\W*$")  # 'CỘNG HÒA … CHỦ NGHĨA', 'VIỆT NAM' below
_MOTTO_END = re.compile(r"\s+vi\S{1,3}t nam\W*$")
_MOTTO_CUT_AT_VIET = re.compile(
    r"c\S{0,2}ng h\S{0,2}a\b.*ngh\S{0,2}a\s+vi\S{1,3}t\W*$"
)  # '… CHỦ NGHĨA VIỆT', 'NAM' below
_LONE_NAM = re.compile(r"^\W*nam\W*$")


def _without_motto(texts: list[str]) -> list[str]:
    """The header's lines without the motto beside the issuer, also its 'VIỆT NAM' where the motto's first line
    wrapped and OCR read the end on the issuer's next line ('SỞ TƯ PHÁP VIỆT NAM', 'XÃ ĐẠI TỪ VIỆT NAM'), and
    its lone 'NAM' where it wrapped after 'VIỆT' ('CỘNG HÒA … CHỦ NGHĨA VIỆT' beside 'ỦY BAN NHÂN DÂN', then
    'PHƯỜNG LÊ CHÂN', then 'NAM')."""
    out = []
    wrapped = cut_at_viet = False
    for text in texts:
        kept = _drop_motto(text)
        end = _MOTTO_END.search(fold_aligned(kept)) if wrapped else None
        if cut_at_viet and _LONE_NAM.match(fold(kept)):
            kept, cut_at_viet = "", False
        out.append(kept[: end.start()].strip() if end else kept)
        wrapped = bool(_MOTTO_WRAPS.search(fold_aligned(text)))
        cut_at_viet = cut_at_viet or bool(_MOTTO_CUT_AT_VIET.search(fold_aligned(text)))
    return out


def compose_issuer(printed: str, province: str | None = None) -> tuple[str | None, str | None]:
    """'ỦY BAN NHÂN DÂN XÃ MAO ĐIỀN' → ('UBND xã Mao Điền', 'xa'); 'HỘI ĐỒNG NHÂN DÂN TỈNH CAO BẰNG' → ('HĐND tỉnh
    Cao Bằng', 'tinh'); 'SỞ NGOẠI VỤ' → ('Sở Ngoại vụ …', 'so')."""
    printed = re.sub(r"\s+", " ", printed).strip(" ,;:-")
    folded = fold_aligned(printed)
    department = _DEPARTMENT.search(folded)
    committees = list(_COMMITTEE.finditer(folded))
    if department and (not committees or department.start() > committees[-1].start()):
        issuer = body_name("Sở", _words(printed[department.start(1) :], capitalised=False, limit=8))
        if not issuer:
            return None, None
        if province and fold(province) not in fold(issuer):
            issuer = f"{issuer} {province}"
        return issuer, "so"
    if committees:
        match = committees[-1]
        body = "HĐND" if re.match(_COUNCIL_NAME, match.group(1)) else "UBND"
        word, level = _LEVEL_WORDS[match.group(2)]
        name = _words(printed[match.start(3) :])
        if not name:
            return None, None
        return f"{body} {word} {' '.join(w[:1].upper() + w[1:].lower() for w in name)}", level
    return None, None


def _words(text: str, capitalised: bool = True, limit: int = 6) -> list[str]:
    """The leading (capitalised) words of a name ('Kẽ Sắt (gọi tắt …' → ['Kẽ', 'Sắt'])."""
    words = []
    for word in re.findall(r"[^\W\d_]+", text)[:limit]:
        if capitalised and not word[:1].isupper():
            break
        words.append(word)
    return words


# 'tỉnh Bắc Ninh', 'thành phố Hải Phòng' (folded, capitals kept); the name never runs on into the next line's
# 'Căn cứ …' or 'Thực hiện …' that a paragraph of OCR'd lines joins to it ('tỉnh Bắc Ninh Căn cứ Nghị quyết')
_PROVINCE = re.compile(
    r"\b(thanh pho|tinh)\s+((?:(?![Cc]\w{1,2}n c\w{1,3}\b|Th\w{0,2} hi\w{1,3}n\b)[A-ZĐ]\w+\s?){1,3})"
)


def find_province(outline: tuple[Node, ...]) -> str | None:
    """The city or province named most often ('thành phố Hải Phòng'), for a department's full name."""
    counts: Counter[str] = Counter()
    for node in outline[:400]:
        text = node.paragraph.text
        folded = fold_aligned(text)
        if "thanh pho" not in folded and "tinh" not in folded:
            continue
        for match in _PROVINCE.finditer(_restore_case(folded, text)):
            words = text[match.start(2) : match.end(2)].split()
            name = " ".join(w for w in words if w[:1].isupper())
            if name:
                counts[f"{_LEVEL_WORDS[match.group(1)][0]} {name}"] += 1
    return counts.most_common(1)[0][0] if counts else None


def _restore_case(folded: str, original: str) -> str:
    """Folded letters with the original's capitals, so a regex can ask for a capital and ignore accents."""
    return "".join(f.upper() if o.isupper() else f for f, o in zip(folded, original, strict=False))


# --- period -------------------------------------------------------------------------------------

_RANGE = re.compile(r"giai do\S{1,2}n\s*(20\d\d)\s*[-–—]\s*(20\d\d)")
_BARE_RANGE = re.compile(r"\b(20\d\d)\s*[-–—]\s*(20\d\d)\b")
_HALF = re.compile(r"\b6 th\S{0,5}\s+(cu\S{0,3}|[dđ]\S{0,2}u)\s+n\S{0,3}m\s+(20\d\d)")
_QUARTER = re.compile(rf"\bqu\S\s+({FOLDED_NUMERAL}|\d)\s+n\S{{0,3}}m\s+(20\d\d)")
_YEAR = re.compile(r"\bn\S{0,2}m\s+(20\d\d)\b")


_ISSUING = re.compile(rf"\b(?:ban hanh|xay dung|trien khai)\s+(?:{KE_HOACH}|{CHUONG_TRINH})")
_CITES = re.compile(r"^\W*(c\S{1,2}n c\S{1,3}|thu\S{0,2} hi\S{1,3}n|theo|x\S{1,2}t)\b")
_GROUNDS = re.compile(r"^\W*c\S{1,2}n c\S{1,3}\b")  # 'Căn cứ …': a legal ground, all of it cited


def find_period(title: str, outline: tuple[Node, ...]) -> tuple[str | None, str | None]:
    """The period the title names, else the one the sentence that issues the plan names ('… ban hành Kế hoạch
    … năm 2026'), else one a preamble paragraph that cites nothing names ('6 tháng cuối năm'), else the end its
    goals look to ('Mục tiêu cụ thể đến năm 2030': no start). Never the period of a document the plan cites
    ('Căn cứ Nghị quyết … giai đoạn 2021 - 2030')."""
    found = parse_period(title, allow_year=True)
    if found != (None, None):
        return found
    front = [node.paragraph.text for node in outline if node.region == "front"]
    for text in front:
        issuing = list(_ISSUING.finditer(fold_aligned(text)))
        if issuing and not _GROUNDS.match(fold(text)):  # 'Thực hiện …, UBND xã ban hành Kế hoạch …' counts
            found = parse_period(text[issuing[-1].end() :], allow_year=True)
            if found != (None, None):
                return found
    for text in front:
        if not _CITES.match(fold(text)):
            found = parse_period(text, allow_year=False)
            if found != (None, None):
                return found
    # no period stated but the goals' horizon ('Mục tiêu cụ thể đến năm 2030'): the plan runs until then
    horizons = [
        goal_horizon(node.paragraph.body) for node in outline if node.region == "body" and node.paragraph.is_heading()
    ]
    years = [year for year in horizons if year]
    return (None, f"{max(years)}-12") if years else (None, None)


def parse_period(text: str, allow_year: bool) -> tuple[str | None, str | None]:
    folded = fold(text)
    match = _RANGE.search(folded) or (_BARE_RANGE.search(folded) if allow_year else None)
    if match:
        return f"{match.group(1)}-01", f"{match.group(2)}-12"
    match = _HALF.search(folded)
    if match:
        year = match.group(2)
        return (f"{year}-07", f"{year}-12") if match.group(1).startswith("c") else (f"{year}-01", f"{year}-06")
    match = _QUARTER.search(folded)
    quarter = numeral_value(match.group(1)) if match else None
    if match and quarter in (1, 2, 3, 4):
        year = match.group(2)
        return f"{year}-{quarter * 3 - 2:02d}", f"{year}-{quarter * 3:02d}"
    match = _YEAR.search(folded) if allow_year else None
    if match:
        return f"{match.group(1)}-01", f"{match.group(1)}-12"
    return None, None


# --- bases and supersedes ---------------------------------------------------------------------------


def find_bases(outline: tuple[Node, ...], exclude: tuple[str | None, ...] = ()) -> tuple[str, ...]:
    """Documents the plan carries out: those cited in the preamble and in its 'Mục đích' part."""
    skip = {citation_key(c) for c in exclude if c}
    bases: dict[str, str] = {}
    for node in outline:
        if node.region == "front" or (node.region == "body" and scope_of(node) == "purpose"):
            for citation in find_citations(node.paragraph.text):
                key = citation_key(citation)
                if key not in skip:
                    bases.setdefault(key, citation)
    return tuple(bases.values())


_REPLACES = re.compile(r"\bthay th\S{0,2}\b")


def find_supersedes(outline: tuple[Node, ...]) -> tuple[str, ...]:
    """Plans this one replaces: 'Kế hoạch này thay thế Kế hoạch số 94/KH-UBND …'."""
    found: dict[str, str] = {}
    for node in outline:
        text = node.paragraph.text
        for match in _REPLACES.finditer(fold_aligned(text)):
            citations = find_citations(text[match.end() : match.end() + 80])
            if citations:
                found.setdefault(citation_key(citations[0]), citations[0])
    return tuple(found.values())


# --- signer -------------------------------------------------------------------------------------

_RECIPIENTS = re.compile(r"^\W*n\S{1,2}i nh\S{1,3}n\b")
_SIGNATURE = re.compile(r"^\W*(?:tm|kt)\s*[.,]\s*[a-z]")
_NAME = re.compile(r"^[A-ZĐ][^\W\d_A-Z]+(?:\s+[A-ZĐ][^\W\d_A-Z]+){1,4}$")
_ROLE = re.compile(r"\b(chu tich|giam doc|truong ban|truong phong|bi thu|bo truong|thu truong|chanh van phong)\b")


def find_signer(lines: list[Line]) -> tuple[str | None, str | None]:
    """The name under the signature block (after 'Nơi nhận') and the signer's title."""
    start = next((i for i, line in enumerate(lines) if _RECIPIENTS.match(fold(line.text))), None)
    if start is None:  # 'Nơi nhận' lost (a scan): the signature block from its 'KT. GIÁM ĐỐC', 'TM. ỦY BAN …'
        start = next((i - 1 for i, line in enumerate(lines) if _SIGNATURE.match(fold(line.text))), None)
    if start is None:  # neither printed: the signer's title alone in capitals over the name ('GIÁM ĐỐC' / 'Trần …')
        start = next((i - 1 for i, line in enumerate(lines) if _signs_over_a_name(lines, i)), None)
    if start is None:
        return None, None
    name, titles = None, []
    for line in lines[start + 1 : start + 30]:
        text = strip_markdown(line.text)
        folded = fold(text)
        if re.match(r"^(danh muc|phu luc|tt)\b", folded):
            break
        if _ROLE.search(folded):
            titles.append(folded)
        if not text.startswith(("-", "+", "•")) and _NAME.match(text):
            name = text
            break
    return name, describe_signer_title(titles)


_TITLE_LINE = re.compile(rf"^\W*(?:pho\s+)?{_ROLE.pattern}\W*$")


def _signs_over_a_name(lines: list[Line], index: int) -> bool:
    """A line that is only a signer's title in capitals ('GIÁM ĐỐC'), a name within the three lines under it."""
    text = strip_markdown(lines[index].text)
    if not (_TITLE_LINE.match(fold(text)) and mostly_capitals(text)):
        return False
    return any(_NAME.match(strip_markdown(line.text)) for line in lines[index + 1 : index + 4])


def describe_signer_title(lines: list[str]) -> str | None:
    """'KT. CHỦ TỊCH' + 'PHÓ CHỦ TỊCH' → 'Phó Chủ tịch'; 'TM. … CHỦ TỊCH' alone → 'Chủ tịch'; 'KT. BỘ TRƯỞNG' +
    'THỨ TRƯỞNG' → 'Thứ trưởng'."""
    text = " ".join(lines)
    if re.search(r"\bkt\s*\.?\s*bo truong|\bthu truong\b", text):
        return "Thứ trưởng"  # a minister's deputy signs 'KT. BỘ TRƯỞNG' over 'THỨ TRƯỞNG'
    for office, printed in (
        ("chu tich", "Chủ tịch"),
        ("giam doc", "Giám đốc"),
        ("truong ban", "Trưởng ban"),
        ("chanh van phong", "Chánh Văn phòng"),
        ("bo truong", "Bộ trưởng"),
    ):
        if re.search(rf"\bkt\s*\.?\s*{office}|\bpho {office}", text):
            return f"Phó {printed}"
        if office in text:
            return printed
    return None
