"""Rows of a flattened task table, read back from its lines.

Each recovered row has six cells: TT, content, lead, partners, deadline, output. A section row
('I | CẢI CÁCH THỂ CHẾ') keeps its numeral as printed in TT and its title in content. Cells written
one per line follow each other in the order of the header's columns ('Thời gian' before 'Cơ quan chủ
trì', no partners column, a 'Ghi chú' column read but left out).
The rules use shapes of the cells, not names from any one plan: agency names start with
'Văn phòng', 'Phòng', 'Trung tâm', 'Các cơ quan', 'UBND', 'Sở'…; deadlines look like years,
'Quý', 'tháng', 'Hàng năm', 'Theo…'; a cell's wrapped lines start in lower case.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from importer.agencies import AGENCY
from importer.deadlines import DEADLINE_ANYWHERE, DEADLINE_START, RECURRING, YEAR_RANGE
from importer.markers import BULLET, is_roman, split_numeral
from importer.ocrfix import OPEN_WORDS, PAIRS, vocab_word
from importer.text import fold, mostly_capitals

HEADER = ("TT", "Nội dung công việc", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Sản phẩm")
CONTENT, LEAD, PARTNERS, DEADLINE, OUTPUT = 1, 2, 3, 4, 5
NOTE = 6  # a column without a field in the plan ('Ghi chú'): read so its lines go nowhere else
ORDER = (CONTENT, LEAD, PARTNERS, DEADLINE, OUTPUT)  # the column order when the header is not known

NUMBER_CUE = r"^(s?tt|so tt|stt)\b|^t\s?t$"  # a catalogue's number column as its head names it (folded)
_HEADER_WORDS = frozenset(
    "tt stt noi dung cong viec nhiem vu co quan chu tri phoi hop thoi gian han thuc hien hoan thanh "
    "san pham ket qua du kien ten ghi chu tien do don vi".split()
)
_NUMBER_ONLY = re.compile(r"^(\d{1,2})[.)]?$")
_NUMBER_TEXT = re.compile(r"^(\d{1,2})[.)]?\s+(?=\S)(?![%/])")
_JUNK_NUMBER = re.compile(r"^([0-9A-Za-z]{1,2})\s*\|\s*")
# a content line that starts with a capital but carries on the sentence (proper nouns)
_PROPER_START = re.compile(
    r"^(uy ban|ubnd|hdnd|chinh phu|chinh quyen|thu tuong|trung uong|cong dich vu|cong thong tin|nghi dinh|"
    r"nghi quyet|thong tu|luat\b|bo\b|so\b|phong|van phong|cac\b|xa\b|tp\b|thanh pho|nha nuoc|viet nam|"
    r"hoi dong|tinh\b|huyen\b|quoc\b|khoa hoc|cong nghe|internet|he thong)"
)
_FUNCTION_WORD = re.compile(r"^(v\wi|va|cua|cac|trong|tai|theo|de|cho|nhu|la|o|cong dich|co\w?ng ngh|thu tu\wng)\b")
# a word or sign that leaves a phrase open; a '&' glued to a letter is a mark OCR misread ('S&' for 'Sở')
_CONNECTOR_END = re.compile(
    r"([,;(\-–]|(?<!\w)&|\b(va|cua|thuoc|cac|voi|tai|theo|ve|cho|trong|de|tu|den|o|la|nhu|hoac))$"
)
# the same words with their marks, where folding would confuse them with others ('Một cửa' is no 'của')
_CONNECTORS = frozenset("và của thuộc các với tại theo về cho trong để từ đến ở là như hoặc".split())
_BARE_HEAD = re.compile(r"^(van phong|phong|trung tam|so|ban|uy ban|co quan)$")


@dataclass(frozen=True)
class Line:
    text: str
    number: int | None = None  # line number in the source


# a sentence's enumeration ('… cơ quan chủ trì, thời hạn và sản phẩm cụ thể'): prose naming the columns, no header
_ENUMERATION = re.compile(r",\s*[a-z][^,]*\bva\b")


def is_header_line(text: str) -> bool:
    """A short line made mostly of table-header words (tolerating one OCR slip per word, or a space OCR moved
    between them: ``_respaced``), not a sentence that lists them ('Các nhiệm vụ cụ thể, cơ quan chủ trì, phối
    hợp và thời hạn hoàn thành …')."""
    if len(text) > 70 or BULLET.match(text.strip()) or _ENUMERATION.search(fold(text)):
        return False
    words = [w for w in re.findall(r"[a-z0-9]+", fold(text)) if len(w) >= 2]
    if not words:
        return False
    hits = sum(1 for w in words if _is_header_word(w))
    return hits >= 1 and hits / len(words) >= 0.7 or _respaced(fold(text))


def _respaced(folded: str) -> bool:
    """Whether a text's letters, its spaces left out, are two or more header words one after the other: a
    scan's head where OCR moved a space a letter on ('Đơn vịch ủ' for 'Đơn vị chủ', 'Đơn vip hối') or read a
    letter as a stroke or its dot under it as a j ('Đơnv|phối', 'Đơnvjphối'; no header word has an l or a j)."""
    letters = re.sub(r"[^a-z]", "", re.sub(r"[|1lj]", "i", folded))

    @cache
    def fewest(start: int) -> int | None:  # the fewest header words that make up letters[start:], if any do
        if start == len(letters):
            return 0
        ends = [end for end in range(start + 2, len(letters) + 1) if letters[start:end] in _HEADER_WORDS]
        return min((n + 1 for n in map(fewest, ends) if n is not None), default=None)

    return (fewest(0) or 0) >= 2


# the words that name each column in a header (folded), as printed and as OCR damages them: letters
# misread, the space between two words lost ('Cơ quan phốihợp') or a speck beside it read as a mark
# ('Sản, phẩm'): ``_GAP``
_GAP = r"\W{0,2}"
COLUMN_CUES = {
    CONTENT: rf"n\wi{_GAP}dung|nhiem{_GAP}vu|ten (nhiem vu|cong viec|de an)|cong{_GAP}viec",
    LEAD: rf"ch\w{_GAP}tr[il]|(don vi|co quan|bo phan|nguoi) thuc hien",  # a commune's desk or officer
    PARTNERS: rf"ph\w{{1,2}}i{_GAP}h\wp",
    DEADLINE: rf"th\w{{1,3}}{_GAP}gian|thoi{_GAP}han|tien{_GAP}do",
    OUTPUT: rf"s\wn{_GAP}pham|ket{_GAP}qua|hinh{_GAP}thuc{_GAP}van{_GAP}ban",  # a ministry's form of the act
    NOTE: rf"ghi{_GAP}chu",
}


def names_header(text: str) -> bool:
    """The header of a task catalogue: content plus at least two of lead/partners/deadline/output."""
    found = _columns_named(text)
    return CONTENT in found and sum(1 for c in (LEAD, PARTNERS, DEADLINE, OUTPUT) if c in found) >= 2


def column_order(header: Sequence[str]) -> tuple[int, ...]:
    """The columns after TT in the order the header lines name them; ``ORDER`` when they do not name a
    catalogue or do not start with the content.

    A column the header does not name (left out, or lost to OCR) keeps its usual place after the column
    it usually follows: an unused column only waits for lines that never come.
    """
    text = " ".join(header)
    if not names_header(text):
        return ORDER
    found = _columns_named(text)
    order = sorted(found, key=found.__getitem__)
    if order[0] != CONTENT:
        return ORDER
    for before, column in zip(ORDER, ORDER[1:], strict=False):
        if column not in order:
            order.insert(order.index(before) + 1, column)
    return tuple(order)


def _columns_named(text: str) -> dict[int, int]:
    """Each column a header text names, with where its name first appears."""
    folded = fold(text)
    found = {}
    for column, cue in COLUMN_CUES.items():
        match = re.search(cue, folded)
        if match:
            found[column] = match.start()
    return found


def _is_header_word(word: str) -> bool:
    if word in _HEADER_WORDS:
        return True
    if len(word) < 3:
        return False
    near = {h for i in range(len(word)) for h in _HEADER_DELETES.get(word[:i] + word[i + 1 :], ())}
    near.update(_HEADER_DELETES.get(word, ()))
    return any(len(h) >= 3 and _distance_le1(word, h) for h in near)


def _distance_le1(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    if len(a) > len(b):
        a, b = b, a
    return len(b) - len(a) == 1 and any(a == b[:i] + b[i + 1 :] for i in range(len(b)))


# each header word under itself and its one-letter deletions: a word within one edit of a header
# word shares one of these keys with it
_HEADER_DELETES: dict[str, set[str]] = {}
for _word in _HEADER_WORDS:
    for _key in {_word} | {_word[:i] + _word[i + 1 :] for i in range(len(_word))}:
        _HEADER_DELETES.setdefault(_key, set()).add(_word)


def parse_lines(lines: list[Line], header: Sequence[str] = ()) -> tuple[tuple[str, ...], ...]:
    """Rows of six cells from the lines under a table header (``header``: that header's lines)."""
    lines = _drop_noise(lines)
    order = column_order(header)
    rows: list[list[str]] = []
    for chunk, interleaved in _chunks(lines):
        for row in _parse_interleaved(chunk) if interleaved else _parse_one_cell(chunk, order):
            if rows and _continues(rows[-1], row):
                rows[-1] = _merge(rows[-1], row)
            else:
                rows.append(row)
    return tuple(tuple(_tidy(cell) for cell in row) for row in rows if any(row[1:]))


# --- noise and chunks ---------------------------------------------------------------------


def _drop_noise(lines: list[Line]) -> list[Line | None]:
    """Drop repeated headers (leaving a None where they were), page numbers and lines of OCR dust."""
    kept: list[Line | None] = []
    i = 0
    while i < len(lines):
        if is_header_line(lines[i].text):
            j = i
            while j < len(lines) and is_header_line(lines[j].text):
                j += 1
            if names_header(" ".join(line.text for line in lines[i:j])):
                if kept and kept[-1] is not None and _NUMBER_ONLY.match(kept[-1].text):
                    kept.pop()
                kept.append(None)
                i = j
                continue
        if not re.search(r"[A-Za-zÀ-ỹ]{2,}|\d", lines[i].text):
            i += 1
            continue
        kept.append(lines[i])
        i += 1
    # a number line right before another number line is a page number
    return [
        line
        for k, line in enumerate(kept)
        if line is None
        or not (
            _NUMBER_ONLY.match(line.text)
            and k + 1 < len(kept)
            and kept[k + 1] is not None
            and _NUMBER_ONLY.match(kept[k + 1].text)
        )
    ]


def _chunks(lines: list[Line | None]) -> list[tuple[list[Line], bool]]:
    """Split at repeated headers and section rows; tell each chunk's layout (interleaved or one cell per line)."""
    chunks: list[list[Line]] = [[]]
    for line in lines:
        if line is None:
            chunks.append([])
            continue
        if _section(line.text) and chunks[-1]:
            chunks.append([])
        chunks[-1].append(line)
    return [(chunk, _looks_interleaved(chunk)) for chunk in chunks if chunk]


def _looks_interleaved(chunk: list[Line]) -> bool:
    body = [line.text for line in chunk if not _section(line.text)]
    if not body:
        return False
    piped = sum(1 for text in body if "|" in text)
    single = sum(1 for text in body if _single_field(text))
    return piped >= 0.15 * len(body) and piped > single


def _single_field(text: str) -> bool:
    folded = fold(text)
    return bool(
        (DEADLINE_START.match(folded) and len(text) <= 25)
        or (AGENCY.match(folded) and len(text) <= 25)
        or len(text) <= 12
    )


def _section(text: str) -> tuple[str, str] | None:
    """(numeral as printed, title) of a section row like 'II CẢI CÁCH THỦ TỤC HÀNH CHÍNH' or 'I. Cải cách…'."""
    text = text.strip()
    if text.startswith("|") and re.match(r"^\|\s*\|\s*\S", text):
        numeral, title = "", re.sub(r"^\|\s*\|\s*", "", text)
    else:
        split = split_numeral(text)
        if not split:
            return None
        numeral, title = split
        if numeral.isdigit() and not _upper_title(title):  # '11 CẢI CÁCH …': II read as '11'
            return None
    title = title.strip(" |")
    letters = [c for c in title if c.isalpha()]
    if len(letters) < 4 or len(title) > 100 or not title[0].isupper():
        return None
    named = re.match(r"^(c\wi c\wch|x\wy d\wng|c\wng t\wc|ch\w d\wo|ph\wt tri\wn|ch\wnh)", fold(title))
    if mostly_capitals(title) or named:
        return numeral, title
    return None


def _upper_title(text: str) -> bool:
    return mostly_capitals(text, 0.8, least=4)


# --- one cell per line ----------------------------------------------------------------------


def _parse_one_cell(lines: list[Line], order: tuple[int, ...] = ORDER) -> list[list[str]]:
    rows: list[list[str]] = []
    row: list[str] | None = None
    column = CONTENT
    pending_section: list[str] | None = None

    def close() -> None:
        nonlocal row
        if row is not None and any(row[1:NOTE]):
            rows.append(row[:NOTE])
        row = None

    def start(tt: str = "") -> list[str]:
        nonlocal column
        close()
        column = CONTENT
        return [tt, "", "", "", "", "", ""]

    for line in lines:
        text = line.text.strip()
        section = _section(text)
        if section or is_roman(text):
            close()
            pending_section = [section[0], section[1], "", "", "", ""] if section else [text, "", "", "", "", ""]
            rows.append(pending_section)
            continue
        if pending_section is not None and row is None and _upper_title(text):
            pending_section[1] = f"{pending_section[1]} {text}".strip()
            continue
        pending_section = None
        if _NUMBER_ONLY.match(text):
            row = start(_NUMBER_ONLY.match(text)[1])
            continue
        number_text = _NUMBER_TEXT.match(text)
        if number_text and text[number_text.end()].isupper() and not re.match(r"^\d+\s+\d", text):
            row = start(number_text[1])
            row[CONTENT] = text[number_text.end() :]
            continue
        if row is None:
            row = start()
        if column == CONTENT and (
            _opens_after_fragment(row, text) or BULLET.match(text) and _heads_bullets(row[CONTENT])
        ):
            row = start()
        elif column in (OUTPUT, NOTE, order[-1]) and _starts_row_after_output(row[column], text):
            row = start()
        else:
            column = _next_column(row, column, text, order)
        row[column] = _join(row[column], text)
    close()
    return rows


def _next_column(row: list[str], column: int, text: str, order: tuple[int, ...]) -> int:
    """The column a line of the row goes to: the current one, or a later one whose cell the line opens.

    An agency line opens an agency column and a deadline line a deadline column, passing over agency
    columns left empty (and, from the content, over an empty deadline); a product or note column opens
    where the cell before it visibly ends. After the deadline, the next column takes what follows.
    """
    current = row[column]
    if column == DEADLINE:
        if _continues_deadline(current, text):
            return column
        at = order.index(column)
        return order[at + 1] if at + 1 < len(order) else column
    folded = fold(text)
    agency = bool(AGENCY.match(folded)) and _starts_upper(text)
    for later in order[order.index(column) + 1 :]:
        if column == CONTENT:
            if not current:
                return column
            if later in (LEAD, PARTNERS) and agency and _agency_after_content(current, text):
                return later
            if later == DEADLINE and DEADLINE_START.match(folded) and len(text) <= 16 and not current.endswith("-"):
                return later
            if later in (OUTPUT, NOTE):
                return column
            continue
        if later in (LEAD, PARTNERS):
            if agency and _starts_new_cell(current, text):
                return later
            continue
        if later == DEADLINE:
            return later if DEADLINE_START.match(folded) and _starts_new_cell(current, text) else column
        if column in (OUTPUT, NOTE):
            return later if _opens_note(current, text) else column
        return later if _starts_new_cell(current, text) else column
    return column


def _agency_after_content(content: str, text: str) -> bool:
    """An agency line after the content opens the lead cell: a short one always, a longer one ('Trung tâm Phục vụ
    hành chính công xã') when the content does not end on a word that carries it on ('… của', '… và')."""
    words = content.split()
    carried = not words or words[-1].lower() in _CONNECTORS or re.search(r"[,;&(\-–]$", content)
    return len(text) <= 32 or len(text) <= 60 and not carried


def _opens_note(current: str, text: str) -> bool:
    """After a product cell, a short line that cannot go on with it starts the next free-text cell."""
    if not current or not _starts_upper(text) or len(text) > 25 or re.match(r"^[A-ZĐ]{2,}\b", text):
        return False
    return current.count("(") <= current.count(")") and not _CONNECTOR_END.search(fold(current).strip())


def _heads_bullets(content: str) -> bool:
    """A short title row ('Rà soát, đơn giản hóa TTHC') whose bullets below are sub-rows."""
    return bool(content) and content[0].isupper() and not content.endswith(":")


def _opens_after_fragment(row: list[str], text: str) -> bool:
    """A fragment carried over a page break (lower case or bullets) ends where a new sentence-row starts."""
    content = row[CONTENT]
    if row[0] or not content or not (content[0].islower() or BULLET.match(content)):
        return False
    if BULLET.match(text) or AGENCY.match(fold(text)) or len(text) < 30:
        return False
    return bool(re.search(r"[.;]$", content)) and _starts_upper(text)


def _starts_upper(text: str) -> bool:
    first = next((c for c in text if c.isalpha()), "")
    return first.isupper()


def _starts_new_cell(current: str, text: str) -> bool:
    """After an agency cell, does this line open the next cell (rather than wrap the current one)?"""
    if not current:
        return False
    if not _starts_upper(text) and not re.match(r"^\d", text):
        return False
    if re.match(r"c\w{1,2}c ", fold(text)):
        return True
    tail = fold(current).strip()
    return not (_CONNECTOR_END.search(tail) or _BARE_HEAD.match(tail))


def _continues_deadline(current: str, text: str) -> bool:
    folded = fold(text)
    if re.match(r"^[\d/\-–. ]+$", text) or re.match(r"^(nam|thang|quy)\b", folded):
        return True
    return not _starts_upper(text) and len(text) <= 20


def _starts_row_after_output(current: str, text: str) -> bool:
    if BULLET.match(text):
        return True
    if not _starts_upper(text):
        return False
    if current.count("(") > current.count(")") or _CONNECTOR_END.search(fold(current).strip()):
        return False
    return len(text) >= 35


# --- interleaved columns ------------------------------------------------------------------------


def _parse_interleaved(lines: list[Line]) -> list[list[str]]:
    rows: list[list[str]] = []
    row: list[str] | None = None
    last_content = ""
    for line in lines:
        text = line.text.strip()
        section = _section(text)
        if section:
            if row is not None:
                rows.append(row)
            rows.append([section[0], section[1], "", "", "", ""])
            row, last_content = None, ""
            continue
        tt, content, tails = _split_line(text, row)
        new_row = row is None or _opens_row(content, last_content, row)
        if tt and row is not None and row[0] and not new_row:
            if not content:  # a stray digit among other columns' fragments
                tt = ""
            else:
                new_row = True
        if new_row:
            if row is not None:
                rows.append(row)
            row = ["", "", "", "", "", ""]
        if tt:
            row[0] = tt
        if content:
            row[CONTENT] = _join(row[CONTENT], content)
            last_content = content
        _assign_tails(row, tails)
    if row is not None:
        rows.append(row)
    return rows


def _opens_row(content: str, last_content: str, row: list[str]) -> bool:
    if not content:
        return False
    if BULLET.match(content):
        return _heads_bullets(row[CONTENT])
    first = content.split()[0]
    if len(first) < 2 or not first[0].isupper():
        return False
    if _PROPER_START.match(fold(content)) or _FUNCTION_WORD.match(fold(content)):
        return False
    return not (last_content and _CONNECTOR_END.search(fold(last_content).strip()))


def _split_line(text: str, row: list[str] | None = None) -> tuple[str, str, list[str]]:
    """(TT, content part, the other columns' fragments) of one interleaved line."""
    tt = ""
    junk = _JUNK_NUMBER.match(text)
    number = _NUMBER_TEXT.match(text)
    if junk:
        tt, text = junk[1] if junk[1].isdigit() else "?", text[junk.end() :]
    elif number and not re.match(r"^\d+\s*[%/]", text):
        tt, text = number[1], text[number.end() :]
    pieces = [piece.strip() for piece in text.split("|")]
    if len(pieces) > 1 and not tt and len(pieces[0]) <= 3 and not re.search(r"[A-Za-z0-9]", pieces[0]):
        tt, pieces = "?", pieces[1:]  # the number cell was read as dust
    first, tails = pieces[0], [p for p in pieces[1:] if p]
    content, rest = _cut_content(first)
    if row is not None and not content and rest and re.search(r"[,;]$", row[CONTENT].strip()):
        content, rest = rest, ""  # the sentence above goes on: 'chuyên môn,' / 'UBND xã năm 2025'
    if row is not None and content:
        content, carried = _cut_continuation(content, row)
        rest = _join(carried, rest)
    if rest:
        tails.insert(0, rest)
    return tt, content, tails


def _cut_content(piece: str) -> tuple[str, str]:
    """Split a line's first piece where the content column ends and the next column begins."""
    folded = fold(piece)
    if len(folded) != len(piece):
        return piece, ""
    cut = len(piece)
    for match in re.finditer(r"(?<=\s)(?=[A-ZÀ-Ỹ])", piece):
        rest = folded[match.start() :]
        if AGENCY.match(rest) or RECURRING.match(rest):  # 'Văn phòng …', a deadline cell 'Hàng năm'
            cut = match.start()
            break
    deadline = YEAR_RANGE.search(folded)
    if deadline and deadline.start() < cut:
        cut = deadline.start()
    if AGENCY.match(folded) or re.match(r"^[^A-Za-z]{0,6}(c\wc phong|v\w{1,2}n ?ph)", folded):
        return "", piece
    head = piece[:cut].strip()
    if len(re.findall(r"[A-Za-zÀ-ỹ]{2,}", head)) < 2 and cut < len(piece):
        return "", piece
    return head, piece[cut:].strip()


# --- cells carried over from the line above ------------------------------------------------------


_SPECKS_AFTER = re.compile(r"(\s+[\'’‘`\"~^*_|\\]+)*\s*$")


def _open_cell(cell: str) -> bool:
    """A cell cut mid-phrase: 'Phòng Văn hóa -', 'Các cơ quan, đơn', 'Văn phòng HĐND và' (a speck OCR read
    after it left out: 'Sở Khoa học và \'')."""
    tail = _SPECKS_AFTER.sub("", fold(cell))
    if not tail:
        return False
    if re.search(r"[-–,&]$", tail) or _CONNECTOR_END.search(tail) or _BARE_HEAD.match(tail):
        return True
    words = tail.split()
    return vocab_word(words[-1]) in OPEN_WORDS


def _carries(cell: str, word: str) -> bool:
    """Does ``word`` go on with the phrase that ``cell`` leaves open ('đơn' + 'vị', 'hóa -' + 'Xã')?"""
    end = _open_end(cell)
    return end is not None and (end, vocab_word(word)) in PAIRS


@lru_cache(maxsize=1024)
def _open_end(cell: str) -> str | None:
    """The vocabulary word an open cell ends on (None when the cell is closed)."""
    words = _SPECKS_AFTER.sub("", fold(cell)).split()
    if not words or not _open_cell(cell):
        return None
    last = vocab_word(re.sub(r"[^a-z0-9&¢$@]", "", words[-1]) or words[-1]) if words[-1] not in "-–" else ""
    if last == "" and len(words) > 1:
        last = vocab_word(words[-2])
    return last


def _cut_continuation(content: str, row: list[str]) -> tuple[str, str]:
    """Cut a content part where a word carries on an open agency cell of the row ('… 2025 Xa hoi')."""
    words = content.split()
    for i, word in enumerate(words):
        if i == 0 and row[CONTENT] and (vocab_word(fold(row[CONTENT]).split()[-1]), vocab_word(word)) in PAIRS:
            continue
        if i > 0 and (vocab_word(words[i - 1]), vocab_word(word)) in PAIRS:
            continue
        if any(row[c] and _carries(row[c], word) for c in (LEAD, PARTNERS, OUTPUT)) and _confirmed(words, i):
            return " ".join(words[:i]), " ".join(words[i:])
    return content, ""


def _confirmed(words: list[str], i: int) -> bool:
    """A word read as printed may carry on a cell; one only guessed from its letters ('san' → 'văn')
    needs the next word to go on with the same phrase."""
    word = words[i]
    if vocab_word(word) == re.sub(r"[^a-z0-9]", "", fold(word)):
        return True
    return i + 1 < len(words) and (vocab_word(word), vocab_word(words[i + 1])) in PAIRS


def _carry_split(row: list[str], span: str, column: int) -> list[tuple[int, str]]:
    """Parts of a span that carry on open cells from ``column`` rightwards: [(column, text), …]."""
    words = span.split()
    target = next((c for c in (LEAD, PARTNERS, OUTPUT) if c >= column and row[c] and _carries(row[c], words[0])), None)
    if target is None:
        return []
    parts: list[tuple[int, str]] = []
    start = 0
    for i in range(1, len(words)):
        if (vocab_word(words[i - 1]), vocab_word(words[i])) in PAIRS:
            continue
        later = next((c for c in (PARTNERS, OUTPUT) if c > target and row[c] and _carries(row[c], words[i])), None)
        if later is not None:
            parts.append((target, " ".join(words[start:i])))
            target, start = later, i
    parts.append((target, " ".join(words[start:])))
    return parts


def _assign_tails(row: list[str], tails: list[str]) -> None:
    """Put a line's non-content fragments into lead, partners, deadline and output, left to right."""
    spans = [span for tail in tails for span in _spans(tail)]
    spans, column = _promote_lead(row, spans)
    for span in spans:
        year = re.match(r"^(n\S{1,2}m\s*)?20\d\d\b", fold(span))
        if year and row[DEADLINE] and not re.search(r"20\d\d", row[DEADLINE]) and column <= DEADLINE:
            row[DEADLINE] = _join(row[DEADLINE], span[: year.end()])  # '6 tháng cuối' / 'năm 2025'
            span, column = span[year.end() :].strip(), OUTPUT
            if not span:
                continue
        carried = _carry_split(row, span, column)
        if carried:
            for target, text in carried:
                row[target] = _join(row[target], text)
            column = carried[-1][0]
            continue
        folded = fold(span)
        if DEADLINE_ANYWHERE.search(folded) and len(span) <= 25 or DEADLINE_START.match(folded) and len(span) <= 16:
            column = DEADLINE
        elif column > DEADLINE or (column == DEADLINE and row[DEADLINE]):
            column = OUTPUT
        elif AGENCY.match(folded) and _starts_upper(span):
            if column == LEAD and row[LEAD] and re.match(r"c\w{1,2}c ", folded):
                column = PARTNERS
            elif column == LEAD and row[LEAD] and not _CONNECTOR_END.search(fold(row[LEAD]).strip()):
                column = PARTNERS
        elif _OUTPUT.match(folded) and _starts_upper(span):
            column = OUTPUT
        elif column == LEAD and row[LEAD] and not _CONNECTOR_END.search(fold(row[LEAD]).strip()):
            wraps = not row[PARTNERS] or _CONNECTOR_END.search(fold(row[PARTNERS]).strip()) or not _starts_upper(span)
            column = PARTNERS if wraps else OUTPUT  # a line of a cell's own starts in lower case
        row[column] = _join(row[column], span)
        if column == DEADLINE:
            column = OUTPUT


_PLURAL = re.compile(r"^\W*c\w{1,2}[cf]\b")  # 'Các phòng', 'Các cơ quan' (OCR: 'Céc', 'Céac', 'Caf')
_MEMBER = re.compile(r"^thu\S[ce]$")  # 'thuộc' as OCR reads it: 'thudc', 'thugc', 'thube', 'thuae', 'thu?c'


def _promote_lead(row: list[str], spans: list[str]) -> tuple[list[str], int]:
    """The spans left to place and the column the first goes to.

    A partners cell taller than its lead cell starts a line higher, so its first line ('Các phòng')
    is read as the lead. When the next line opens with an agency followed by the rest of that
    cell ('Văn phòng | thuộc Sở, …'), the agency is the lead and 'Các phòng thuộc Sở, …' the partners.
    """
    if not spans or not row[LEAD] or row[PARTNERS] or not _PLURAL.match(fold(row[LEAD])):
        return spans, LEAD
    words = spans[0].split()
    at = next((k for k, word in enumerate(words) if _MEMBER.match(fold(word))), None)
    if at is not None:
        head, rest, later = " ".join(words[:at]), " ".join(words[at:]), spans[1:]
    elif len(spans) > 1 and _MEMBER.match(fold(spans[1].split()[0])):
        head, rest, later = spans[0], spans[1], spans[2:]
    else:
        return spans, LEAD
    if not head or not AGENCY.match(fold(head)) or _PLURAL.match(fold(head)):
        return spans, LEAD
    row[PARTNERS] = _join(row[LEAD], rest)
    row[LEAD] = head
    return later, PARTNERS


_OUTPUT = re.compile(
    r"^(k\S{0,3} ?hoach|bao c\wo|quy\w?t d\w{1,2}nh|v\w{1,2}n b\w{1,2}n|cong v\wn|to trinh|thong bao|danh muc|"
    r"du lieu|ket qua|he thong|co so|phan mem|nen tang|kho |ha tang|tin\b|so tay|de an|chuong trinh)"
)


def _spans(tail: str) -> list[str]:
    """Break a fragment where a new cell visibly begins (an agency, a deadline, an output word)."""
    folded = fold(tail)
    if len(folded) != len(tail):
        return [tail]
    cuts = {0}
    for match in re.finditer(r"(?:(?<=\s)|^)(?=\S)", tail):
        at = match.start()
        rest = folded[at:]
        if DEADLINE_ANYWHERE.match(rest):
            cuts.add(at)
            deadline = DEADLINE_ANYWHERE.match(rest)
            cuts.add(at + deadline.end())
        elif tail[at].isupper() and (AGENCY.match(rest) or _OUTPUT.match(rest) or _PLURAL.match(rest)) and at > 0:
            cuts.add(at)  # a plural opens a cell however OCR read the word after it ('Văn phòng Các phvongq')
        elif tail[at].isupper() and at > 0 and re.match(r"(trong (thang|nam|quy)|truoc ngay|hang nam)\b", rest):
            cuts.add(at)
    marks = sorted(cut for cut in cuts if cut < len(tail))
    spans = [tail[a:b].strip() for a, b in zip(marks, [*marks[1:], len(tail)], strict=True)]
    return [span for span in spans if re.search(r"[A-Za-zÀ-ỹ0-9]{2,}", span)]


# --- joining ------------------------------------------------------------------------------------


def _continues(previous: list[str], row: list[str]) -> bool:
    """A row without number whose content starts in lower case carries on the previous row (page break)."""
    if row[0] or not previous[1] or _section_row(previous) or _section_row(row):
        return False
    content = row[CONTENT].strip()
    return bool(content) and content[0].islower()


def _section_row(row: list[str]) -> bool:
    return bool(row[1]) and not any(row[2:]) and _upper_title(row[1])


def _merge(previous: list[str], row: list[str]) -> list[str]:
    return [previous[0]] + [_join(a, b) for a, b in zip(previous[1:], row[1:], strict=True)]


def _join(current: str, text: str) -> str:
    text = text.strip()
    if not current:
        return text
    if not text:
        return current
    # '2026-' + '2030' → '2026-2030'
    if re.search(r"\d[-–]$", current) and re.match(r"^\d", text):
        return current + text
    return f"{current} {text}"


def _tidy(cell: str) -> str:
    return re.sub(r"\s+", " ", cell).strip(" |")
