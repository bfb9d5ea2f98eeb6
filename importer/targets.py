"""Targets stage: every quantitative target (chỉ tiêu) in the plan's goal parts and task catalogue.

Where targets are read:
- paragraphs under a goal heading ('a) Mục tiêu', 'Một số chỉ tiêu cụ thể', 'II. MỤC TIÊU …'), not under
  'Mục đích', 'Yêu cầu' or 'Nhiệm vụ';
- rows of the task catalogue that state a figure ('Tỷ lệ hồ sơ …: Tối thiểu 60%'), whether the catalogue
  is a table or was flattened into lines.
One target per figure; its text is the sentence holding the figure (two figures in one sentence give two
targets with the same text). Area is the area of the enclosing section, else guessed from the wording;
phase is the nearest phase line ('- Giai đoạn 2026 - 2027:'), else the plan's own period.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from importer.agencies import looks_like_agency
from importer.areas import area_of, run_in_area, topic_of
from importer.deadlines import period_dates
from importer.markers import LETTER, split_numeral
from importer.model import Document, Location, Meta, Problem, Table, Target
from importer.numbers import FIGURE, NUMBER, PERCENT, SPELLED, has_percentage, parse_number
from importer.sections import Node, Paragraph, document_outline, goal_horizon, scope_of, split_sentences
from importer.table_lines import COLUMN_CUES, CONTENT
from importer.text import fold_aligned

_LEVEL = re.compile(r"\bdat\s+cap do\s+(\d{1,2})\b")
# a count of things a goal asks for: '10 cuộc kiểm tra', '04 lớp tập huấn', '02 (hai) hội nghị', 'tăng 03 bậc' (not
# years, not '1.000')
_COUNT = re.compile(
    rf"(?<![\w/.,])(\d{{1,4}}){SPELLED}\s+"
    r"(cuoc|lop|buoi|luot|dot|hoi nghi|hoi thi|van ban|mo hinh|sang kien|de tai|tin bai"
    r"|bai viet|chuyen de|phong su|thu tuc|dich vu cong|nhiem vu|can bo|cong chuc|nguoi|co quan|don vi|diem"
    r"|doanh nghiep|san|lan|bac)\b"
)
# a rank among units: 'xếp thứ 5', 'xếp hạng 10', 'trong nhóm 10 đơn vị dẫn đầu', 'top 10'
_RANK = re.compile(r"\b(?:xep thu|xep hang|thu hang|nhom|top)\s+(\d{1,3})\b(?!\s*%)")
_AT_LEAST_BEFORE = re.compile(
    # a dash OCR put for the space before the figure ('tối thiểu-95%')
    r"(\bt\S{0,2}\s+th\S{1,3}u\b|\bit nhat\b|\bkhong (duoi|thap hon)\b)(\s+\S+){0,2}[\s\-–]*$|\b(tr\S{1,2}n|hon)\s*$"
    r"|(≥|>=?)\s*$"
)
_AT_LEAST_AFTER = re.compile(r"^\s*(tr\S{0,2}\s+[l1]\S{0,2}n)\b")
_AT_MOST_BEFORE = re.compile(r"(\bt\S{0,2}i da\b|\bkhong (vuot )?qua\b|\bduoi\b)(\s+\S+){0,1}\s*$|(≤|<=?)\s*$")
_PHASE_LINE = re.compile(
    r"^(?:trong\s+|den\s+)?(?:giai do\S{1,2}n|n\S{0,2}m|giai do\S{1,2}n tu n\S{0,2}m)?\s*(20\d\d)"
    r"(?:\s*[-–—]\s*(?:n\S{0,2}m\s+)?(20\d\d))?\s*:?\s*$"
)
_INLINE_PHASE = re.compile(r"giai do\S{1,2}n\s*(20\d\d)\s*[-–—]\s*(20\d\d)")
_LEADING_JUNK = re.compile(r"^[\W_]+(?=\w)")


@dataclass(frozen=True)
class Figure:
    """A number stated as a target inside a sentence, with what surrounds it."""

    value: float
    unit: str
    comparator: str


def extract_targets(document: Document, meta: Meta) -> tuple[tuple[Target, ...], tuple[Problem, ...]]:
    outline = document_outline(document)
    plan_phase = describe_period(meta)
    targets: list[Target] = []
    problems: list[Problem] = []
    running_phase: str | None = None
    guessed_at: list[Location] = []
    for node in outline:
        paragraph = node.paragraph
        if paragraph.level is not None and paragraph.level <= LETTER and paragraph.is_heading():
            running_phase = None
        if not _holds_targets(node):
            continue
        line_phase = phase_of_line(paragraph)
        if line_phase:
            running_phase = line_phase
            continue
        phase = _phase_from_ancestors(node) or running_phase or plan_phase or _horizon_from_ancestors(node)
        area, guessed = area_for(node)
        if guessed and (labelled := run_in_area(paragraph.body)):
            area, guessed = labelled.value, False
        found = read_paragraph_targets(paragraph, area, phase, counts=node.region == "body")
        if found and guessed:
            guessed_at.append(paragraph.location)
        targets += found
    first, last = period_dates(meta.period_start, meta.period_end)
    years = (first.year, last.year) if first and last else None
    targets += read_table_targets(document, plan_phase, years)
    targets = _unique(targets)
    if guessed_at:
        problems.append(
            Problem(
                "target_area_guessed",
                f"{len(guessed_at)} đoạn chỉ tiêu không nằm trong mục lĩnh vực nào; lĩnh vực được đoán theo nội dung, "
                "cần kiểm tra lại.",
                guessed_at[0],
            )
        )
    if not targets:
        problems.append(
            Problem(
                "targets_missing",
                "Không tìm thấy chỉ tiêu định lượng nào (ví dụ “tối thiểu 90%”) trong phần mục tiêu của kế hoạch.",
            )
        )
    if any(target.phase is None for target in targets):
        problems.append(
            Problem("target_phase_missing", "Không xác định được giai đoạn của kế hoạch nên chỉ tiêu thiếu giai đoạn.")
        )
    return tuple(targets), tuple(problems)


def _holds_targets(node: Node) -> bool:
    """Goal parts hold targets; where no heading above says what part a paragraph is in (a heading garbled
    or left out), a paragraph shaped like a target ('Tỷ lệ … đạt tối thiểu 85%', '100% hồ sơ …') is one too:
    the heading is a hint, not a gate."""
    if node.region == "catalogue":
        return True
    if node.region != "body":
        return False
    scope = scope_of(node)
    return scope == "goal" or scope is None and states_a_target(node.paragraph.body)


# a statement of a target: it opens with the figure or with the indicator it sets, perhaps after when and
# who ('Trong năm 2026, tỉnh phấn đấu 100% …', 'Bảo đảm 100% cán bộ …')
_TARGET_SHAPE = re.compile(
    r"^\W*((trong|den|nam)\b[^,;.]{0,24},\s*)?((\w+\s+){0,3}?(phan dau|bao dam|dam bao)\s+)?(dat\s+)?"
    rf"(((t\S{{0,2}}i thi\S{{1,2}}u|it nhat|tren)\s+)?{FIGURE}\s*%"
    r"|(ty le|ty trong|muc do hai long|chi so)\b.*\d\s*%)"
)


def states_a_target(text: str) -> bool:
    """Some sentence of the text is shaped like a target statement (the figure or its indicator first)."""
    return any(_TARGET_SHAPE.match(fold_aligned(sentence)) for sentence in split_sentences(text))


def describe_period(meta: Meta) -> str | None:
    """The plan's period as a phase: '2026-2030', '6 tháng cuối năm 2025', 'năm 2025', 'quý III năm 2025'."""
    if not meta.period_start or not meta.period_end:
        return None
    y1, m1 = meta.period_start.split("-")
    y2, m2 = meta.period_end.split("-")
    if y1 != y2:
        return f"{y1}-{y2}"
    span = (m1, m2)
    if span == ("01", "12"):
        return f"năm {y1}"
    if span == ("07", "12"):
        return f"6 tháng cuối năm {y1}"
    if span == ("01", "06"):
        return f"6 tháng đầu năm {y1}"
    quarters = {("01", "03"): "I", ("04", "06"): "II", ("07", "09"): "III", ("10", "12"): "IV"}
    if span in quarters:
        return f"quý {quarters[span]} năm {y1}"
    return f"{meta.period_start}-{meta.period_end}"


def phase_of_line(paragraph: Paragraph) -> str | None:
    """A line that only names a phase ('- Giai đoạn 2026 - 2027:', 'Năm 2026:') gives it to what follows."""
    folded = fold_aligned(paragraph.body).strip()
    if "%" in folded or len(folded.split()) > 8:
        return None
    match = _PHASE_LINE.match(folded)
    if not match:
        return None
    first, last = match.groups()
    return f"{first}-{last}" if last else f"năm {first}"


def _phase_from_ancestors(node: Node) -> str | None:
    for heading in reversed(node.ancestors):
        phase = phase_of_line(heading)
        if phase:
            return phase
    return None


def _horizon_from_ancestors(node: Node) -> str | None:
    """For a plan without a period of its own: the year its goal heading looks to ('… đến năm 2030')."""
    for heading in reversed(node.ancestors):
        horizon = goal_horizon(heading.body) if heading.is_heading() else None
        if horizon:
            return f"đến năm {horizon}"
    return None


def area_for(node: Node) -> tuple[str | None, bool]:
    """The area of the nearest enclosing section heading; else a guess from the text (second value True)."""
    for heading in reversed(node.ancestors):
        if heading.is_heading():
            area = area_of(heading.body)
            if area:
                return area.value, False
    return None, True


def read_paragraph_targets(
    paragraph: Paragraph, area: str | None, phase: str | None, counts: bool = False
) -> list[Target]:
    """Targets of a paragraph; ``counts`` also reads counts and ranks (in a goal part, not in a task's text)."""
    targets: list[Target] = []
    for sentence in split_sentences(paragraph.body):
        text = _LEADING_JUNK.sub("", sentence).strip()
        figures = find_figures(text, counts)
        if not figures:
            continue
        inline = _INLINE_PHASE.search(fold_aligned(text))
        sentence_phase = f"{inline.group(1)}-{inline.group(2)}" if inline and not phase else phase
        areas = [area] * len(figures) if area else _clause_areas(text, figures, counts)
        for figure, figure_area in zip(figures, areas, strict=True):
            targets.append(
                Target(
                    text=text,
                    value=figure.value,
                    unit=figure.unit,
                    comparator=figure.comparator,
                    area=figure_area,
                    phase=sentence_phase,
                    location=paragraph.location,
                )
            )
    return targets


def _clause_areas(text: str, figures: list[Figure], counts: bool) -> list[str | None]:
    """The guessed area of each figure of a sentence no section places: a sentence of clauses split by ';', each
    of its own figures ('100% thủ tục … đúng hạn; tối thiểu 90% hồ sơ được số hóa kết quả …'), gives each figure
    the topic of its clause (the sentence's where its clause names none); else every figure the sentence's."""
    whole = _topic_value(text)
    areas: list[str | None] = []
    for clause in text.split(";"):
        areas += [_topic_value(clause) or whole] * len(find_figures(clause, counts))
    return areas if len(areas) == len(figures) else [whole] * len(figures)


def _topic_value(text: str) -> str | None:
    area = topic_of(text)
    return area.value if area else None


def find_figures(sentence: str, counts: bool = False) -> list[Figure]:
    """Percentages (and 'đạt cấp độ N'; with ``counts``, '10 cuộc', 'xếp thứ 5') in a sentence, each with
    its comparator. A figure joined to the one before by 'và' or a comma ('tối thiểu 50% … và 30% …')
    shares its comparator."""
    folded = fold_aligned(sentence)
    spans = [(m.start(), m.end(), m.group(1), "%") for m in PERCENT.finditer(folded)]
    spans += [(m.start(1), m.end(1), m.group(1), "cấp độ") for m in _LEVEL.finditer(folded)]
    if counts:
        spans += [(m.start(1), m.end(), m.group(1), sentence[m.start(2) : m.end(2)]) for m in _COUNT.finditer(folded)]
        spans += [(m.start(1), m.end(1), m.group(1), "hạng") for m in _RANK.finditer(folded)]
    spans.sort()
    figures: list[Figure] = []
    previous_end = -1
    for start, end, number, unit in spans:
        if start < previous_end:  # 'nhóm 10 đơn vị': one figure read as a rank and as a count
            continue
        gap = folded[max(previous_end, 0) : start]
        after = folded[end : end + 20]
        comparator = comparator_of(gap[-40:], after)
        if unit == "hạng":
            comparator = "<="  # a rank is met at that place or better ('xếp thứ 3 trở lên')
        if figures and comparator == "=" and _COORDINATED.search(gap) and len(gap) <= 80:
            comparator = figures[-1].comparator
        figures.append(Figure(parse_number(number), unit, comparator))
        previous_end = end
    return figures


_COORDINATED = re.compile(r"^[^.;:]*(\bva\b|,)[^.;:]*$")


def comparator_of(before: str, after: str) -> str:
    """'tối thiểu 85%', 'đạt trên 90%', '50% trở lên' → '>='; 'không quá 5%', 'tối đa 5%' → '<='; else '='."""
    if _AT_LEAST_AFTER.match(after) or _AT_LEAST_BEFORE.search(before):
        return ">="
    if _AT_MOST_BEFORE.search(before):
        return "<="
    return "="


# --- task catalogue as a table ------------------------------------------------------------------------


def read_table_targets(document: Document, phase: str | None, years: tuple[int, int] | None = None) -> list[Target]:
    """Figures stated in the content cell of a catalogue table's rows; area from the table's section rows. A
    table of targets is read by ``read_target_table``; ``years`` are the first and last of the plan's period."""
    targets: list[Target] = []
    tables = [item for item in document.items if isinstance(item, Table)]
    runs_on = _runs_on(document, years)
    for index, table in enumerate(tables):
        if index in runs_on.values():
            continue  # read with the table it carries on
        content_column = _content_column(table)
        if content_column is None:
            carried = index
            while carried in runs_on:  # a table of targets cut by page breaks: its rows on the next pages
                carried = runs_on[carried]
                table = replace(table, rows=table.rows + tables[carried].rows)
            found = read_target_table(table, phase, years)
            targets += [replace(t, location=replace(t.location, table=index)) for t in found]
            continue
        area: str | None = None
        for row_number, row in enumerate(table.rows):
            cells = [cell for cell in row if cell.strip()]
            if not cells:
                continue
            if _is_section_row(row, cells):
                found = area_of(" ".join(cells))
                area = found.value if found else area
                continue
            if content_column >= len(row):
                continue
            location = Location(page=table.location.page, table=index, row=row_number, line=table.location.line)
            paragraph = Paragraph(text=row[content_column], body=row[content_column], location=location)
            targets += [
                t for t in read_paragraph_targets(paragraph, area, phase) if _sets_a_figure(t, row[content_column])
            ]
    return targets


def _runs_on(document: Document, years: tuple[int, int] | None) -> dict[int, int]:
    """Table index -> the index of the table carrying it on: a table of targets that a page break cut is read
    as two tables, the second with no head row, on the next page, right after the first and as wide."""
    runs_on: dict[int, int] = {}
    tables = [(at, item) for at, item in enumerate(document.items) if isinstance(item, Table)]
    for index in range(1, len(tables)):
        (at, before), (next_at, table) = tables[index - 1], tables[index]
        starts = index - 1 in runs_on.values() or _target_columns(before, years) is not None
        if (
            starts
            and next_at == at + 1
            and before.location.page is not None
            and table.location.page == before.location.page + 1
            and table.rows
            and len(table.rows[0]) == len(before.rows[0])
            and _target_columns(table, years) is None
            and _content_column(table) is None
        ):
            runs_on[index - 1] = index
    return runs_on


def _sets_a_figure(target: Target, cell: str) -> bool:
    """A task row's figure is a target when the row states one: a bound ('Tối thiểu 80%', 'trên 90%'), the
    figure reached ('đạt 100%'), or a target's shape ('100% hồ sơ …'); not the reach of an action
    ('Triển khai nền tảng họp trực tuyến đến 100% xã, phường')."""
    return target.comparator != "=" or states_a_target(cell) or bool(re.search(r"\bdat\b", fold_aligned(cell)))


def _content_column(table: Table) -> int | None:
    for row in table.rows[:4]:
        for column, cell in enumerate(row):
            if len(cell) <= 60 and re.search(COLUMN_CUES[CONTENT], fold_aligned(cell)):
                return column
    return None


# --- a table of targets: TT | Chỉ tiêu | Đơn vị tính | Kết quả (mục tiêu) | Cơ quan chủ trì theo dõi ------------

_INDICATOR_CELL = re.compile(r"^\W*(ten )?chi tieu\b")
_UNIT_CELL = re.compile(r"^\W*(don vi( tinh| do)?|dvt)\W*$")
_VALUE_CELL = re.compile(
    r"ket qua|gia tri|muc tieu|chi tieu (giao|phan dau|dat)|phan dau|nam 20\d\d|giai doan|ke hoach( nam)? 20\d\d"
)  # 'Kế hoạch 2026', the year's plan beside 'Năm 2025' (last year's)


def read_target_table(table: Table, phase: str | None, years: tuple[int, int] | None = None) -> list[Target]:
    """Rows of a table of targets: the indicator cell is the text, the figure comes from the value cell, the
    unit from the unit cell ('%' when the value cell prints it); a section row sets the area. A table giving
    each year of the plan's period (``years``, its first and last) a column sets a target a year."""
    columns = _target_columns(table, years)
    if columns is None:
        return []
    header_at, indicator, unit_column, values = columns
    targets: list[Target] = []
    area: str | None = None
    for row_number, row in enumerate(table.rows[header_at + 1 :], start=header_at + 1):
        cells = [cell for cell in row if cell.strip()]
        if not cells or max(indicator, *(column for column, _ in values)) >= len(row):
            continue
        numbers = [(column, year, NUMBER.search(fold_aligned(row[column]))) for column, year in values]
        if _is_section_row(row, cells) or not any(number for _, _, number in numbers):
            found = area_of(" ".join(cells))
            area = found.value if found else area
            continue
        text = row[indicator].strip()
        for column, year, number in numbers:
            if number is None:
                continue
            value_text = fold_aligned(row[column])
            unit = "%" if "%" in value_text else row[unit_column].strip() if unit_column is not None else ""
            unit = unit or _unit_after(row[column], number.end())
            before = value_text[: number.start()] or fold_aligned(text)[-40:]
            targets.append(
                Target(
                    text=text,
                    value=parse_number(number[1]),
                    unit=unit or "%",
                    comparator=comparator_of(before, value_text[number.end() :]),
                    area=area or _topic_value(text),
                    phase=f"năm {year}" if year else phase,
                    location=Location(page=table.location.page, row=row_number, line=table.location.line),
                )
            )
    return targets


def _target_columns(
    table: Table, years: tuple[int, int] | None = None
) -> tuple[int, int, int | None, list[tuple[int, str | None]]] | None:
    """(header row, indicator column, unit column, value columns) of a table of targets, else None; each value
    column with the year it sets the target for, None for the plan's period. Value columns naming two years or
    more of the plan's period (``years``, its first and last: 'Năm 2026 | Năm 2027 | … | Năm 2030') set a target
    each for its year; else, of several naming years ('Chỉ tiêu năm 2025 | Chỉ tiêu năm 2026'), the plan's
    target is the latest year's: the earlier ones give what was set or reached before."""
    for index, row in enumerate(table.rows[:3]):
        folded = [fold_aligned(cell).strip() for cell in row]
        indicator = next((k for k, cell in enumerate(folded) if _INDICATOR_CELL.match(cell) and len(cell) <= 40), None)
        if indicator is None:
            continue
        unit = next((k for k, cell in enumerate(folded) if _UNIT_CELL.match(cell)), None)
        values = [k for k, cell in enumerate(folded) if k not in (indicator, unit) and _VALUE_CELL.search(cell)]
        if not values:
            continue
        named = {k: max(_YEAR.findall(folded[k]), default="") for k in values}
        each = [k for k in values if named[k] and years and years[0] <= int(named[k]) <= years[1]]
        if len(each) >= 2:
            return index, indicator, unit, [(k, named[k]) for k in each]
        return index, indicator, unit, [(max(values, key=lambda k: named[k]), None)]
    return None


_YEAR = re.compile(r"\b20\d\d\b")
_UNIT_WORDS = re.compile(r"\s*([^\W\d_]+(?:\s+[^\W\d_]+){0,2})\s*\.?$")


def _unit_after(cell: str, end: int) -> str:
    """The unit a value cell prints after its figure when the table has no unit column or leaves it blank
    ('12 dịch vụ', 'Ít nhất 04 cuộc'): the one to three words that end the cell, else none. Words naming a body
    are no unit: a scan's value cell that ran into the next column ('100 Sở Nội vụ') names who follows it up."""
    words = _UNIT_WORDS.match(cell, end)
    return words[1] if words and not looks_like_agency(words[1]) else ""


def _is_section_row(row: tuple[str, ...], cells: list[str]) -> bool:
    distinct = {cell.strip() for cell in cells}
    text = " ".join(cells)
    numeral = split_numeral(text)
    if len(distinct) <= 2 and numeral and not numeral[0].isdigit():
        return not has_percentage(text)
    return len(distinct) == 1 and area_of(text) is not None and len(text.split()) <= 14


def _unique(targets: list[Target]) -> list[Target]:
    """Drop a target read twice (from the table and from its flattened lines); a sentence may state the
    same figure twice ('100% … đạt 100%'), so a key is kept as often as one reading gives it."""
    allowed: dict[tuple[str, float, str], int] = {}
    kept: dict[tuple[str, float, str], int] = {}
    unique = []
    for target in targets:
        key = (" ".join(fold_aligned(target.text).split()), target.value, target.unit)
        allowed.setdefault(key, sum(1 for f in find_figures(target.text, counts=True) if (f.value, f.unit) == key[1:]))
        if kept.get(key, 0) >= max(1, allowed[key]):
            continue
        kept[key] = kept.get(key, 0) + 1
        unique.append(target)
    return unique
