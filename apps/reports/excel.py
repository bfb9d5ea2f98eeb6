"""The report's tables as .xlsx: statistics, tasks and targets, one sheet each, ready to print."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from apps.plans.models import Area
from apps.reports.content import ATTAINMENTS, BUCKETS
from cchc import xlsx


def add_sheet(book: Workbook, title: str, headers: list[tuple[str, int]], rows: list[list]) -> None:
    """A sheet ready to print: bold wrapped header row, column widths, frozen header, A4 landscape fit to width."""
    sheet = book.create_sheet(title)
    xlsx.append(sheet, [name for name, _ in headers])
    for row in rows:
        xlsx.append(sheet, row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    for i, (_, width) in enumerate(headers, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if cell.data_type == "s":
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def build_xlsx(content: dict) -> bytes:
    book = Workbook()
    book.remove(book.active)
    areas = {a.value: a.label for a in Area}
    add_sheet(
        book,
        "Thống kê",
        [("TT", 6), ("Nội dung", 55), ("Đơn vị tính", 12), ("Kết quả", 12), ("Tử số", 12), ("Mẫu số", 12)],
        [
            [i, r["label"], r["unit"], r["value"], r["numerator"], r["denominator"]]
            for i, r in enumerate(content["statistics"], start=1)
        ],
    )
    add_sheet(
        book,
        "Nhiệm vụ",
        [
            ("TT", 6),
            ("Lĩnh vực", 28),
            ("Số hiệu", 8),
            ("Nội dung nhiệm vụ", 60),
            ("Cơ quan chủ trì", 28),
            ("Thời hạn", 14),
            ("Tình trạng", 24),
            ("Tiến độ (%)", 10),
            ("Ngày hoàn thành", 14),
            ("Sản phẩm", 40),
        ],
        [
            [
                i,
                areas.get(t["area"], ""),
                t["no"],
                t["content"],
                t["lead"],
                t["deadline"],
                BUCKETS[t["status"]],
                t["progress"],
                t["completed_on"],
                "; ".join(x for x in [t["output"], *t["evidence"]] if x),
            ]
            for i, t in enumerate(content["tasks"], start=1)
        ],
    )
    add_sheet(
        book,
        "Chỉ tiêu",
        [
            ("TT", 6),
            ("Lĩnh vực", 28),
            ("Chỉ tiêu", 60),
            ("Mục tiêu", 16),
            ("Giá trị mục tiêu", 12),
            ("Đơn vị tính", 10),
            ("Kết quả kỳ", 12),
            ("Tử số", 12),
            ("Mẫu số", 12),
            ("Mức độ đạt", 22),
        ],
        [
            [
                i,
                areas.get(t["area"], ""),
                t["text"],
                t["goal"],
                t["target"],
                t["unit"],
                t["value"],
                t["numerator"],
                t["denominator"],
                ATTAINMENTS[t["attainment"]],
            ]
            for i, t in enumerate(content["targets"], start=1)
        ],
    )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
