"""Tasks stage: rows of the task catalogue (danh mục nhiệm vụ) from the document's tables.

Works on real tables (DOCX, PDF) and on tables ``recover_tables`` rebuilt from text:

* the header row ('TT | Nội dung | Cơ quan chủ trì | …') maps the columns; a table without a
  header continues the previous task table (page break, several Word tables);
* repeated header rows are skipped; a section row ('I | CẢI CÁCH THỂ CHẾ') sets the section (and its area); a
  'Lĩnh vực' column gives each row's area;
* a row without TT: carries on the previous row when it opens a table after a page break and
  starts in lower case; otherwise it is a sub-row numbered 2a, 2b… under the last number;
* a row whose TT repeats the previous one (a merged TT cell) is a sub-row too;
* a numbered row holding only a title over rows numbered under it ('5.1 | Thương mại') groups them.

Tasks written as prose blocks with labelled lines ('Đơn vị chủ trì: …') are read by ``importer.task_blocks``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from difflib import SequenceMatcher

from importer.agencies import agency_named_by, agreed_names, lead_and_partners, looks_like_agency, mend_cell
from importer.areas import area_of
from importer.deadlines import looks_like_deadline, mend_deadline, repair_deadline, restore_deadline, roman_quarters
from importer.markers import (
    ARABIC,
    DOTTED,
    GROUP_NUMBER,
    LETTER,
    NUMERAL,
    ROMAN,
    find_marker,
    is_roman,
    name_sections,
    numeral_value,
    ocr_roman,
    split_labelled,
    split_numeral,
    strip_bullet,
)
from importer.model import Block, Document, Location, Problem, Table, Task
from importer.ocrfix import Lexicon, fix_cell
from importer.readers.table_head import numbers_columns
from importer.table_lines import (
    COLUMN_CUES,
    CONTENT,
    DEADLINE,
    LEAD,
    NOTE,
    NUMBER_CUE,
    OUTPUT,
    PARTNERS,
)
from importer.task_blocks import extract_task_blocks
from importer.text import fold, lone_letters, mostly_capitals

_ROLES = (
    ("tt", NUMBER_CUE),
    ("content", COLUMN_CUES[CONTENT]),
    ("lead", COLUMN_CUES[LEAD]),
    ("partners", COLUMN_CUES[PARTNERS]),
    ("deadline", COLUMN_CUES[DEADLINE]),
    ("output", COLUMN_CUES[OUTPUT]),
    ("area", r"^\W*linh vuc\W*$"),  # a column naming each task's reform area, its cell merged down over them
)
_NUMBER = re.compile(r"^(\d{1,3})[.)]?$")
_SUB_NUMBER = re.compile(r"^(\d{1,3})[.)]?\s*([a-zđ]|(?:\.\d{1,2}){1,3})[.)]?$")


@dataclass(frozen=True)
class _Columns:
    tt: int | None
    content: int
    lead: int | None
    partners: int | None
    deadline: int | None
    output: int | None
    shared: bool = False  # the lead's column holds the partners too ('Cơ quan chủ trì/phối hợp')
    area: int | None = None  # 'Lĩnh vực': the task's reform area


def extract_tasks(document: Document) -> tuple[tuple[Task, ...], tuple[Problem, ...]]:
    """Every row of the task tables, with its section, number and cells."""
    tasks: list[Task] = []
    problems: list[Problem] = []
    state = _State()
    state.ocr = document.read_by_ocr
    table_index = -1
    for item in document.items:
        if not isinstance(item, Table):
            if state.columns is not None and isinstance(item, Block) and _heads_an_area(item.text):
                state.number, state.letter, state.last_tt = None, 0, ""  # the next area's table numbers anew
            continue
        table_index += 1
        columns = map_columns(item.rows)
        if columns is None and state.columns is None:
            columns = infer_columns(item.rows)  # a catalogue whose header row was lost or garbled
        if columns is None:
            if state.columns is None or not _fits(item, state.columns):
                continue
            columns, header_at, continued = state.columns, -1, True
        else:
            columns, header_at = columns
            continued = state.columns is not None  # a header repeated on the next page
            state.columns = columns
        state.dotted = (
            state.dotted
            and continued
            or any(re.match(r"^\d{1,2}\.\d{1,2}\.?$", _cell(row, columns.tt)) for row in item.rows)
        )
        for index, row in enumerate(item.rows):
            # rows above a repeated header: only the group rows it repeats under ('B | PHÁT TRIỂN …', 'I | …')
            above = index < header_at and not (continued and GROUP_NUMBER.match(_cell(row, columns.tt)))
            if above or index == header_at or _is_header(row) or numbers_columns(row):
                continue
            following = item.rows[index + 1] if index + 1 < len(item.rows) else ()
            tt, content = _cell(row, columns.tt), _cell(row, columns.content)
            if _section_of(row, columns, tt, content, state) is None and _is_group_row(row, columns, following):
                continue
            location = _locate(item, table_index, index)
            _read_row(row, columns, state, tasks, problems, location, continued)
            continued = False
    names = name_sections(state.printed_sections)
    tasks = [
        replace(
            task,
            section=names[int(task.section) - 1],
            area=state.section_areas[int(task.section) - 1] or task.area,
        )
        if task.section
        else task
        for task in tasks
    ]
    tasks = _infer_numbers(tasks, problems)
    tasks += [replace(task, deadline=repair_deadline(task.deadline)) for task in extract_task_blocks(document)]
    if document.read_by_ocr or document.low_fidelity:  # text that lost its marks is OCR output handed over
        roman = roman_quarters(task.deadline for task in tasks)
        tasks = [
            replace(
                task,
                lead=mend_cell(task.lead),
                partners=mend_cell(task.partners),
                deadline=mend_deadline(task.deadline, roman),
            )
            for task in tasks
        ]
        agreed = agreed_names([cell for task in tasks for cell in (task.lead, task.partners) if cell])
        tasks = [
            replace(task, lead=agreed.get(task.lead, task.lead), partners=agreed.get(task.partners, task.partners))
            for task in tasks
        ]
    if document.low_fidelity and tasks:
        lexicon = Lexicon(_texts(document))
        tasks = [_restored(task, lexicon) for task in tasks]
    tasks = [replace(task, content=strip_bullet(task.content)) for task in tasks]  # the list's bullet is not the task
    return tuple(tasks), tuple(problems)


def _heads_an_area(text: str) -> bool:
    """A numbered heading naming a reform area between two tables ('3. Xây dựng chính quyền số'): a catalogue
    printed as one table per area, whose next table's '1' is a new task, not a merged number repeated."""
    marker, level, title = find_marker(text)
    return level in (ROMAN, ARABIC, LETTER) and len(title.split()) <= 12 and area_of(title) is not None


def _texts(document: Document) -> list[str]:
    return [
        item.text if isinstance(item, Block) else " ".join(" ".join(row) for row in item.rows)
        for item in document.items
    ]


def _restored(task: Task, lexicon: Lexicon) -> Task:
    """OCR text: a deadline that still reads as one is given in its clean printed form; the agency and
    product cells get their damaged words corrected against the vocabulary."""
    return replace(
        task,
        lead=fix_cell(task.lead, lexicon),
        partners=fix_cell(task.partners, lexicon),
        deadline=restore_deadline(task.deadline) or fix_cell(task.deadline, lexicon),
        output=fix_cell(task.output, lexicon),
    )


class _State:
    """What reading the rows carries from one row (and one table) to the next."""

    def __init__(self) -> None:
        self.columns: _Columns | None = None
        self.section: str | None = None
        self.sections = 0
        self.dotted = False  # the table numbers its tasks 1.1, 1.2…
        self.ocr = False  # the rows were read by OCR from a scan (a section's numeral may be damaged)
        self.printed_sections: list[str] = []
        self.section_areas: list[str | None] = []  # the area each section's heading names
        self.number: str | None = None
        self.letter = 0
        self.last_tt = ""
        self.group_lead: str | None = None  # the body a group row names, in a table with no lead column


def map_columns(rows: tuple[tuple[str, ...], ...]) -> tuple[_Columns, int] | None:
    """The column roles from the first header row found in the table's top rows, and that row's index.

    A header over two rows (a group 'Cơ quan thực hiện' over its sub-columns 'Chủ trì | Phối hợp') is read
    column by column from both rows, and the second row's index is returned."""
    for index, row in enumerate(rows[:4]):
        roles = _roles(row)
        if not _names_catalogue(roles):
            continue
        below = rows[index + 1] if index + 1 < len(rows) else ()
        header = row
        if below and _is_sub_header(below, row):
            both = tuple(f"{a} {b}" if a != b else a for a, b in zip(row, below, strict=False))
            combined = _roles(both)
            if _names_catalogue(combined):
                roles, index, header = combined, index + 1, both
        roles = _deadline_at_the_end(_with_misread_names(roles, header), header)
        roles = _unnamed_in_place(roles, header, max(len(r) for r in rows[index : index + 4]))
        lead = roles.get("lead")
        shared = (
            lead is not None and "partners" not in roles and bool(re.search(COLUMN_CUES[PARTNERS], fold(header[lead])))
        )
        return (
            _Columns(
                tt=roles.get("tt", 0 if roles["content"] > 0 else None),
                content=roles["content"],
                lead=roles.get("lead"),
                partners=roles.get("partners"),
                deadline=roles.get("deadline"),
                output=roles.get("output"),
                shared=shared,
                area=roles.get("area"),
            ),
            index,
        )
    return None


def infer_columns(rows: tuple[tuple[str, ...], ...]) -> tuple[_Columns, int] | None:
    """The columns of a task table without a readable header, from the shape of its rows: a column of row
    numbers, the column of longest texts (content), columns of agency names (lead, then partners), a column of
    times (deadline), a column after it (output). Rows above the first numbered row are taken for the header.
    None unless content, lead and deadline are all found in a table of three rows or more."""
    numbered = [k for k, row in enumerate(rows) if row and _NUMBER.match(row[0].strip())]
    if len(numbered) < 3:
        return None
    body = [row for row in rows[numbered[0] :] if row and _NUMBER.match(row[0].strip())]
    width = max(len(row) for row in body)
    if width < 4:
        return None

    def share(column: int, test) -> float:
        cells = [row[column] for row in body if column < len(row) and row[column].strip()]
        return sum(1 for cell in cells if test(cell)) / len(body) if cells else 0.0

    rest = list(range(1, width))
    content = max(rest, key=lambda c: sum(len(row[c]) for row in body if c < len(row)))
    agencies = [c for c in rest if c > content and share(c, looks_like_agency) >= 0.5]
    times = [c for c in rest if c > content and c not in agencies and share(c, looks_like_deadline) >= 0.5]
    deadline = times[0] if times else None
    if not agencies or deadline is None:
        return None
    output = next((c for c in rest if c > content and c not in agencies and c != deadline), None)
    columns = _Columns(
        tt=0,
        content=content,
        lead=agencies[0],
        partners=agencies[1] if len(agencies) > 1 else None,
        deadline=deadline,
        output=output,
    )
    return columns, numbered[0] - 1


def _roles(row: tuple[str, ...]) -> dict[str, int]:
    roles: dict[str, int] = {}
    for col, cell in enumerate(row):
        folded = fold(cell)
        for role, pattern in _ROLES:
            if role not in roles and re.search(pattern, folded):
                roles[role] = col
                break
    return roles


# the names a catalogue's columns are printed with, to know one OCR misread ('Phốổợp', 'Sản ẩ phẩm')
_COLUMN_NAMES = {
    "lead": ("chu tri", "don vi chu tri", "co quan chu tri"),
    "partners": ("phoi hop", "don vi phoi hop", "co quan phoi hop"),
    "deadline": ("thoi gian", "thoi han", "thoi gian hoan thanh"),
    "output": ("san pham", "ket qua", "ket qua dau ra"),
}
_NOTE = re.compile(COLUMN_CUES[NOTE])


def _with_misread_names(roles: dict[str, int], header: tuple[str, ...]) -> dict[str, int]:
    """Roles the cues missed, from header cells that no cue named but that read close to a column's name:
    the last words of a cell (a sub-column's name sits under its group's) against each name, letters only."""
    taken = set(roles.values())
    found = dict(roles)
    for column, cell in enumerate(header):
        folded = fold(cell)
        if column in taken or not folded.strip() or _NOTE.search(folded):
            continue
        words = [word for word in (re.sub(r"[^a-z]", "", word) for word in folded.split()) if word]
        best, role = 0.0, None
        for name_role, names in _COLUMN_NAMES.items():
            for name in names:
                for size in (len(name.split()), len(name.split()) + 1):  # a word may have broken in two
                    score = SequenceMatcher(None, "".join(words[-size:]), name.replace(" ", "")).ratio()
                    if score > best:
                        best, role = score, name_role
        if role and role not in found and best >= 0.75:
            found[role] = column
    return found


_SPAN = r"\b(bat dau|hoan thanh|ket thuc)\b"  # the sub-columns of a time span


def _deadline_at_the_end(roles: dict[str, int], header: tuple[str, ...]) -> dict[str, int]:
    """'Thời gian thực hiện' over 'Bắt đầu | Hoàn thành': the deadline is the end, not the start."""
    deadline = roles.get("deadline")
    if deadline is None or deadline + 1 >= len(header) or not re.search(r"\bbat dau\b", fold(header[deadline])):
        return roles
    end = fold(header[deadline + 1])
    if deadline + 1 in roles.values() or not re.search(r"\b(hoan thanh|ket thuc)\b", end):
        return roles
    return {**roles, "deadline": deadline + 1}


_USUAL = ("content", "lead", "partners", "deadline", "output")  # the columns' usual order


def _unnamed_in_place(roles: dict[str, int], header: tuple[str, ...], width: int) -> dict[str, int]:
    """The roles with those whose header cell OCR garbled ('Chủt ì', 'Phốihợẹp', 'Sản ẩ phẩm') given the
    unnamed columns where they usually stand: after the named column before them and before the one after
    them, in the usual order; a column whose header names something else in clean words ('Ghi chú', 'Kinh phí')
    is none of them."""
    roles = dict(roles)
    named = {column: role for role, column in roles.items()}
    for column in range(roles["content"] + 1, width):
        if column in named or (column < len(header) and _names_its_own(header[column])):
            continue
        before = max((c for c in named if c < column), default=None)
        after = min((c for c in named if c > column), default=None)
        low = _USUAL.index(named[before]) if before is not None and named[before] in _USUAL else 0
        high = _USUAL.index(named[after]) if after is not None and named[after] in _USUAL else len(_USUAL)
        fits = [role for role in _USUAL[low + 1 : high] if role not in roles]
        if fits:
            roles[fits[0]] = column
            named[column] = fits[0]
    return roles


# a header cell in clean words: Vietnamese syllables (folded), none a lone letter or glued past one syllable
# ('phoihop'), none with a start no syllable has ('DRẨNỐp' read for 'Phối hợp' once its specks were left out)
_SYLLABLE = r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?"
_CLEAN_WORDS = re.compile(rf"^(?=[a-z]{{2}}){_SYLLABLE}(?: (?=[a-z]{{2}}){_SYLLABLE})*$")


def _names_its_own(cell: str) -> bool:
    """A header cell that names a column no role has ('Kinh phí', 'Ghi chú', 'Đơn vị tính'), not one that OCR
    damaged ('xo. Chủt ì', '-Phốihợẹp', 'Sản ẩ phẩm')."""
    folded = " ".join(fold(cell).split())
    return bool(re.search(COLUMN_CUES[NOTE], folded) or _CLEAN_WORDS.match(folded))


def _names_catalogue(roles: dict[str, int]) -> bool:
    return "content" in roles and sum(1 for r in ("lead", "partners", "deadline", "output") if r in roles) >= 2


def _is_sub_header(row: tuple[str, ...], header: tuple[str, ...]) -> bool:
    """A row of short column names under a header, where a cell differs from the header's above it."""
    cells = [cell for cell in row if cell.strip()]
    if not cells or any(len(cell) > 40 for cell in cells) or re.match(r"^\d", cells[0]):
        return False
    if find_marker(cells[0])[1] in (ROMAN, ARABIC, LETTER, DOTTED) or split_labelled(cells[0]):
        return False  # a group's title ('a) Nhiệm vụ về …', 'Nội dung 1. Cải cách …'), not a column's name
    differs = [cell for cell, above in zip(row, header, strict=False) if cell.strip() and cell != above]
    cues = [cue for _, cue in _ROLES[1:]] + [_SPAN]
    return bool(differs) and all(any(re.search(cue, fold(cell)) for cue in cues) for cell in differs)


def _is_group_row(row: tuple[str, ...], columns: _Columns, following: tuple[str, ...]) -> bool:
    """A numbered row holding only a title, whose next row is numbered under it ('5.1 | Thương mại' over
    '5.1.1 | Triển khai …'): a group of tasks, not a task."""
    tt = _cell(row, columns.tt).rstrip(".")
    if not tt or not re.match(r"^\d{1,3}(\.\d{1,3})*$", tt) or not _cell(row, columns.content):
        return False
    others = [cell for i, cell in enumerate(row) if i not in (columns.tt, columns.content) and cell.strip()]
    return not others and _cell(following, columns.tt).startswith(tt + ".")


def _is_header(row: tuple[str, ...]) -> bool:
    return map_columns((row,)) is not None


def _fits(table: Table, columns: _Columns) -> bool:
    """A table without a header goes on with the previous columns when it is wide enough for a task's number,
    content and lead (a scanned page's rules may give it fewer columns after those)."""
    width = max((len(row) for row in table.rows), default=0)
    used = [c for c in (columns.tt, columns.content, columns.lead) if c is not None]
    return width > max(used)


def _locate(table: Table, table_index: int, row_index: int) -> Location:
    return Location(page=table.location.page, table=table_index, row=row_index, line=table.location.line)


def _cell(row: tuple[str, ...], col: int | None) -> str:
    if col is None or col >= len(row):
        return ""
    return row[col].strip()


def _agency_cell(row: tuple[str, ...], col: int | None) -> str:
    cell = _cell(row, col)
    return "" if lone_letters(cell) else cell


def _read_row(
    row: tuple[str, ...],
    columns: _Columns,
    state: _State,
    tasks: list[Task],
    problems: list[Problem],
    location: Location,
    continued: bool,
) -> None:
    tt = _cell(row, columns.tt)
    content = _cell(row, columns.content)
    section = _section_of(row, columns, tt, content, state)
    if section is not None:
        state.sections += 1
        state.printed_sections.append(section)
        title = content or next((cell.strip() for cell in row if cell.strip() and cell.strip() != tt), tt)
        area = area_of(title)
        state.section_areas.append(area.value if area is not None else None)
        state.section = str(state.sections)  # named once all are read (name_sections)
        state.number, state.letter, state.last_tt = None, 0, ""
        # 'I | VĂN PHÒNG HĐND VÀ UBND PHƯỜNG' over tasks with no lead column: the group names who leads them
        state.group_lead = agency_named_by(title) if columns.lead is None else None
        return
    cells = {  # a lone letter or two in an agency cell is a scan's speck, not a body ('z')
        "lead": _agency_cell(row, columns.lead),
        "partners": _agency_cell(row, columns.partners),
        "deadline": _cell(row, columns.deadline),
        "output": _cell(row, columns.output),
    }
    if columns.shared or (columns.partners is None and _SAYS_WHO_LEADS.search(fold(cells["lead"]))):
        cells["lead"], cells["partners"] = lead_and_partners(cells["lead"])  # 'Chủ trì: X\nPhối hợp: Y'
    if not content and not any(cells.values()):
        return
    # a number cell with no letter or digit is empty: a scan's specks ('„ —') in the cut row's number cell
    unnumbered = not any(ch.isalnum() for ch in tt)
    if unnumbered and tasks and (continued or not content) and _carries_on(tasks[-1], content):
        tasks[-1] = _merged(tasks[-1], content, cells)
        return
    if not content:
        problems.append(Problem("task_without_content", "Dòng trong bảng nhiệm vụ không có nội dung.", location))
        return
    number = _number(tt, state)
    cells["lead"] = cells["lead"] or state.group_lead or ""  # (not on a row carrying the task above on)
    tasks.append(
        Task(
            content=content,
            section=state.section,
            no=number,
            lead=cells["lead"] or None,
            partners=cells["partners"] or None,
            deadline=repair_deadline(cells["deadline"]) or None,
            output=cells["output"] or None,
            area=_area_in(row, columns),
            location=location,
        )
    )
    if number and number.endswith("?"):
        problems.append(Problem("task_number_missing", "Nhiệm vụ không đọc được số thứ tự.", location))
    if not cells["lead"] and any(cells.values()):
        problems.append(Problem("task_without_lead", "Nhiệm vụ không có cơ quan chủ trì.", location))


def _area_in(row: tuple[str, ...], columns: _Columns) -> str | None:
    """The reform area a row's 'Lĩnh vực' cell names ('Cải cách thể chế', merged down over the area's tasks and
    read in each of its rows), or None."""
    area = area_of(_cell(row, columns.area)) if columns.area is not None else None
    return area.value if area is not None else None


# one column 'Đơn vị thực hiện' saying who leads: 'Chủ trì: X, Phối hợp: Y', 'X chủ trì, phối hợp với Y'
_SAYS_WHO_LEADS = re.compile(r"\bchu tri\b")


def _section_of(row: tuple[str, ...], columns: _Columns, tt: str, content: str, state: _State) -> str | None:
    """The numeral (as printed, maybe '') of a section row, or None for a task row. On a scan, a cell of marks
    alone ('+', '.', no letter nor figure) is a speck OCR read in it, no cell's text."""
    others = [
        cell.strip()
        for i, cell in enumerate(row)
        if i not in (columns.tt, columns.content) and cell.strip() and (not state.ocr or any(c.isalnum() for c in cell))
    ]
    title = content or (others[0] if others else "")
    if any(cell != title for cell in others):
        return None
    head = tt if tt and content in ("", tt) else "" if tt else title
    if (labelled := split_labelled(head)) and all(cell == head for cell in others):
        return labelled[0]  # 'Nội dung 1. Cải cách thủ tục hành chính', 'Nhiệm vụ 2: …' across the row
    if state.ocr and not others and title and (numeral := _damaged_numeral(tt, title, state.sections + 1)):
        return numeral
    if not others and title and re.match(r"^[A-HĐ]\.?$", tt) and mostly_capitals(title):
        return tt  # 'A | CẢI CÁCH THỂ CHẾ'
    section = re.match(r"^(\d{1,2})[.,_]?$", tt)  # OCR may read the dot as ',' or '_'
    if state.dotted and section and len(title.split()) <= 12 and area_of(title):
        return section[1]  # '1 | Cải cách thể chế' in a table whose tasks are numbered 1.1, 1.2 (the title
        # maybe repeated in each column it is merged across, as an HTML colspan is read)
    marker, level, rest = find_marker(tt)
    if level == LETTER and marker.islower() and content in ("", tt) and _names_a_section(rest):
        return marker  # 'a) Nhiệm vụ về cải cách thể chế' merged across the row: a group lettered a, b, c
    if tt and not re.fullmatch(rf"{NUMERAL}\.?", tt):
        merged = split_numeral(tt, ocr=False)
        if merged and mostly_capitals(merged[1]):
            return merged[0]
        if not others and content in ("", tt) and _names_a_section(tt):
            return ""  # 'CẢI CÁCH THỂ CHẾ' merged across the whole row, its numeral left out
        garbled = not any(c.isdigit() for c in tt.replace("1", "I"))  # a roman I read '1' ('1H:' for III)
        if not others and garbled and mostly_capitals(title) and len(title) >= 6:
            return ""  # '[. | CAI CÁCH THÊ CHẾ': a scan's roman numeral garbled past reading
        return None
    if tt and re.match(r"^\d+\.?$", tt) and not mostly_capitals(title):
        return None
    if tt and not tt.rstrip(".").isdigit() and title and (not others or is_roman(tt.rstrip("."))):
        return tt  # 'II | CẢI CÁCH THỂ CHẾ', 'Il | …' as OCR read it; 'II | Cải cách …' merged across the row
    if not title:
        return None
    merged = split_numeral(title, ocr=False)
    if not tt and merged and mostly_capitals(merged[1]):
        return merged[0]
    if mostly_capitals(title) and len(title) >= 6:
        return tt
    return None


def _damaged_numeral(tt: str, title: str, expected: int) -> str | None:
    """The roman numeral of a scanned section row whose number OCR damaged ('H' for II, 'HI' for III, 'L' or
    '1' for I: ``markers.ocr_roman``), alone in its row but for its title: the next numeral in the sequence of
    sections, or one before a heading that names a section (``_names_a_section``). A number of figures only
    ('1', '11') is a task's unless it is both the next numeral and its title names a section; it is returned as
    printed (sections numbered 1, 2, 3 stay so: ``markers.name_sections``)."""
    numeral = ocr_roman(tt)
    if numeral is None:
        return None
    follows = numeral_value(numeral) == expected
    named = _names_a_section(title)
    if tt.isdigit():
        return tt if follows and named else None
    return numeral if follows or named else None


def _names_a_section(text: str) -> bool:
    """A heading with no numeral: in capitals, or the name of a reform area ('Cải cách thủ tục hành chính')."""
    if re.match(r"^\d", text) or len(text) < 6:
        return False
    return mostly_capitals(text) or (len(text.split()) <= 12 and area_of(text) is not None)


def _number(tt: str, state: _State) -> str:
    tt = tt.strip()
    number = _NUMBER.match(tt)
    if number and tt != state.last_tt:
        state.number, state.letter, state.last_tt = number[1], 0, tt
        return number[1]
    sub = _SUB_NUMBER.match(tt)
    if sub:
        state.number, state.last_tt = sub[1], tt
        return tt.rstrip(".)").replace(" ", "")
    if tt and not number and tt != state.last_tt:  # printed but unreadable (OCR): next in sequence
        state.number = str(int(state.number) + 1) if state.number and state.number.isdigit() else "1"
        state.letter, state.last_tt = 0, tt
        return state.number + "?"
    # no number, or the number of a merged cell repeated: a sub-row
    state.letter += 1
    base = state.number or ""
    return f"{base}{chr(ord('a') + state.letter - 1)}" if base else ""


def _carries_on(previous: Task, content: str) -> bool:
    if not content:
        return True
    return content[0].islower() or not re.search(r"[.;:!?]$", previous.content)


def _merged(task: Task, content: str, cells: dict[str, str]) -> Task:
    def join(a: str | None, b: str) -> str | None:
        if a and b:
            return f"{a}{b}" if re.search(r"\d[-–]$", a) and b[0].isdigit() else f"{a} {b}"
        return a or b or None

    return replace(
        task,
        content=join(task.content, content) or task.content,
        lead=join(task.lead, cells["lead"]),
        partners=join(task.partners, cells["partners"]),
        deadline=join(task.deadline, cells["deadline"]),
        output=join(task.output, cells["output"]),
    )


def _infer_numbers(tasks: list[Task], problems: list[Problem]) -> list[Task]:
    """An unreadable number ('7?') or a lone unnumbered row between n and n+2 gets its number from the sequence."""
    result = list(tasks)
    for i, task in enumerate(result):
        if task.no and task.no.endswith("?"):
            result[i] = replace(task, no=task.no[:-1])
            continue
        if i == 0 or i + 1 >= len(result) or (task.no or "").isdigit():
            continue
        before, after = result[i - 1], result[i + 1]
        lone = not task.no or (task.no.endswith("a") and not (after.no or "").endswith("b"))
        if lone and (before.no or "").isdigit() and (after.no or "").isdigit():
            if int(after.no) == int(before.no) + 2:
                result[i] = replace(task, no=str(int(before.no) + 1))
                problems.append(
                    Problem(
                        "task_number_inferred",
                        f"Nhiệm vụ không có số thứ tự; suy ra số {int(before.no) + 1} theo thứ tự.",
                        task.location,
                    )
                )
    return result
