"""Many tasks at once, for plans written as prose: rows pasted from Excel (tab-separated, as Excel copies them) or
typed one task per line, read into rows the officer checks before they are saved.

Columns, as the task catalogue prints them: TT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời hạn | Sản phẩm.
A row whose first cell is not a number holds the content first. A row with only a Roman numeral and a heading
('II | CẢI CÁCH THỦ TỤC HÀNH CHÍNH') opens a section for the rows below; a header row ('TT | Nội dung …') is
skipped. Nothing is cut short behind the user's back: a cell longer than its field is an error on its row.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Max

from apps.audit.models import record
from apps.plans.models import Plan, PlanStatus, Task
from importer.areas import area_of
from importer.sections import Node, heading_title
from importer.text import fold

MAX_ROWS = 500
MAX_TEXT = 20_000  # characters of pasted text
COLUMNS = ("no", "content", "lead_text", "partners_text", "deadline_text", "output")
LIMITS = {"no": 20, "lead_text": 300, "partners_text": 500, "deadline_text": 200, "output": 500, "content": 5000}
LABELS = {
    "no": "TT",
    "content": "nội dung",
    "lead_text": "cơ quan chủ trì",
    "partners_text": "cơ quan phối hợp",
    "deadline_text": "thời hạn",
    "output": "sản phẩm",
}
_ROMAN = re.compile(r"^[IVXLC]{1,6}\.?$")
_NUMBER = re.compile(r"^(\d{1,3}(\.\d{1,3}){0,3}[a-zđ]?|[a-zđ])[.)]?$", re.IGNORECASE)
_MARKER = re.compile(r"^\s*(?:(\d{1,3}(?:\.\d{1,3}){0,3}[a-zđ]?)[.)]|[-–+•*])\s+", re.IGNORECASE)


class BulkError(ValueError):
    """Text that cannot be read into rows; the message is for the user."""


@dataclass
class Row:
    line: int
    section: str = ""
    no: str = ""
    content: str = ""
    lead_text: str = ""
    partners_text: str = ""
    deadline_text: str = ""
    output: str = ""
    errors: list[str] = field(default_factory=list)


def _is_header(cells: list[str]) -> bool:
    folded = [fold(c).strip() for c in cells]
    return bool(folded) and (folded[0] in ("tt", "stt", "so tt") or any(c.startswith("noi dung") for c in folded))


def parse_rows(text: str) -> list[Row]:
    """The pasted text as rows, each with its errors; raises ``BulkError`` when there is nothing to read."""
    if len(text) > MAX_TEXT:
        size, limit = f"{len(text):,}".replace(",", "."), f"{MAX_TEXT:,}".replace(",", ".")
        raise BulkError(f"Nội dung dán vào dài {size} ký tự, quá giới hạn {limit} ký tự; hãy chia thành nhiều lần.")
    lines = list(csv.reader(io.StringIO(text.replace("\r\n", "\n").replace("\r", "\n")), delimiter="\t"))
    rows: list[Row] = []
    section = ""
    for number, cells in enumerate(lines, start=1):
        cells = [" ".join(c.split()) if "\n" not in c else c.strip() for c in cells]
        while cells and not cells[-1]:
            cells.pop()
        if not any(cells) or _is_header(cells):
            continue
        first = cells[0].strip()
        if _ROMAN.match(first) and len([c for c in cells if c]) <= 2:
            section = first.rstrip(".")
            continue
        row = Row(line=number, section=section)
        if len(cells) == 1:
            marker = _MARKER.match(first)
            row.no = (marker.group(1) or "") if marker else ""
            row.content = first[marker.end() :].strip() if marker else first
        else:
            if not _NUMBER.match(first):
                cells = ["", *cells]
            if len(cells) > len(COLUMNS):
                row.errors.append(
                    f"Dòng {number} có {len(cells)} cột, nhiều hơn {len(COLUMNS)} cột của danh mục (TT, nội dung, chủ "
                    "trì, phối hợp, thời hạn, sản phẩm); hãy bỏ các cột thừa."
                )
            for name, value in zip(COLUMNS, cells, strict=False):
                setattr(row, name, value.strip())
            row.no = row.no.rstrip(".)")
        if not row.content:
            row.errors.append(f"Dòng {number} không có nội dung nhiệm vụ.")
        for name, limit in LIMITS.items():
            length = len(getattr(row, name))
            if length > limit:
                row.errors.append(f"Dòng {number}: {LABELS[name]} dài {length} ký tự, quá {limit} ký tự; hãy rút gọn.")
        rows.append(row)
    if not rows:
        raise BulkError("Không thấy nhiệm vụ nào: hãy dán các dòng từ bảng Excel, hoặc gõ mỗi nhiệm vụ một dòng.")
    if len(rows) > MAX_ROWS:
        raise BulkError(f"Có {len(rows)} dòng, quá {MAX_ROWS} dòng mỗi lần; hãy chia thành nhiều lần.")
    return rows


def paragraph_line(paragraph) -> str:
    """A paragraph of the plan's text as a line of the form: its number (when it has one) and its text."""
    number = (paragraph.marker or "").strip("().")
    body = " ".join(paragraph.body.split())
    return f"{number}\t{body}" if number and _NUMBER.match(number) else body


def area_lines(nodes: list[Node]) -> str:
    """Task paragraphs as the form's lines, in the document's order, with a section line wherever the reform area
    of the heading above them changes, numbered as the programme numbers the areas ('I · Cải cách thể chế'), so the
    tasks get their area; a paragraph under no heading naming an area keeps the section before it."""
    from apps.imports.services import STANDARD_SECTIONS

    numerals = {area: numeral for numeral, area in STANDARD_SECTIONS.items()}
    lines, section = [], ""
    for node in nodes:
        heading = next((h for h in reversed(node.ancestors) if area_of(h.body)), None)
        numeral = numerals.get(area_of(heading.body), "") if heading else ""
        if numeral and numeral != section:
            lines.append(f"{numeral}\t{heading_title(heading.body)}")
            section = numeral
        lines.append(paragraph_line(node.paragraph))
    return "\n".join(lines)


def create_tasks(plan: Plan, rows: list[Row], user) -> list[Task]:
    """Add the rows after the plan's tasks, agencies matched, deadlines read when the plan is in force; audited."""
    from apps.imports.services import area_for_section, task_dates
    from apps.units.matching import match_agency, match_many, split_names

    if any(row.errors for row in rows):
        raise BulkError("Còn dòng có lỗi; hãy sửa rồi xem trước lại.")
    with transaction.atomic():
        plan = Plan.objects.select_for_update().get(pk=plan.pk)
        start = (plan.tasks.aggregate(n=Max("position"))["n"] or 0) + 1
        made = []
        for offset, row in enumerate(rows):
            names = split_names(row.lead_text)
            lead = match_agency(plan.unit, names[0])[0] if names else None
            task = Task(
                plan=plan,
                position=start + offset,
                section=row.section,
                no=row.no,
                area=area_for_section(row.section),
                content=row.content,
                lead=lead,
                lead_text=row.lead_text,
                partners_text=row.partners_text,
                deadline_text=row.deadline_text,
                output=row.output,
            )
            if plan.status == PlanStatus.PUBLISHED:
                task_dates(task, plan)
            task.save()
            partners = [u for u in match_many(plan.unit, row.partners_text) if u != lead]
            if partners:
                task.partners.set(partners)
            made.append(task)
        record(
            user,
            "task.create_many",
            plan,
            plan.unit,
            after={"tasks": [t.pk for t in made]},
            summary=f"Thêm {len(made)} nhiệm vụ vào kế hoạch {plan.number or plan.title[:60]}",
        )
    return made
