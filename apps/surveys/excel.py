"""A unit's survey results for one period as .xlsx, written through cchc/xlsx.py."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Font

from apps.surveys import questionnaire as q
from apps.surveys.results import Result
from cchc import xlsx


def build_xlsx(result: Result) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Kết quả"
    xlsx.append(sheet, [f"Kết quả khảo sát sự hài lòng (SIPAS) – {result.unit.name} – {result.period}"])
    sheet["A1"].font = Font(bold=True, size=13)
    xlsx.append(sheet, [f"Số liệu từ {result.period.start:%d/%m/%Y} đến {result.period.end:%d/%m/%Y}"])
    xlsx.append(sheet, ["Số phiếu được tính", result.responses])
    xlsx.append(sheet, ["Phiếu bị loại", result.excluded])
    xlsx.append(sheet, ["Phiếu có dấu hiệu bất thường (vẫn được tính)", result.flagged])
    xlsx.append(sheet, ["Số người được phục vụ trong năm (N)", result.population])
    xlsx.append(sheet, ["Cỡ mẫu cần thiết (sai số 5%)", result.sample_needed])
    xlsx.append(sheet, ["Tỷ lệ hài lòng chung (%)", result.overall])
    xlsx.append(sheet, ["Cách tính", result.method])
    xlsx.append(sheet, [])
    header = ["Yếu tố / tiêu chí", "Tỷ lệ hài lòng (%)", "Số phiếu trả lời"] + [label for _, label in q.SCALE]
    xlsx.append(sheet, header)
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for factor in result.factors:
        xlsx.append(sheet, [factor.name, factor.rate])
        sheet.cell(sheet.max_row, 1).font = Font(bold=True)
        for item in factor.items:
            xlsx.append(sheet, [f"  {item.text}", item.rate, item.valid] + [item.levels[level] for level, _ in q.SCALE])
    item = result.overall_question
    xlsx.append(sheet, [item.text, item.rate, item.valid] + [item.levels[level] for level, _ in q.SCALE])
    sheet.column_dimensions["A"].width = 70
    for column in "BCDEFGH":
        sheet.column_dimensions[column].width = 16
    improve = book.create_sheet("Cần cải thiện")
    xlsx.append(improve, ["Nội dung", "Số lượt chọn"])
    for text, n in result.improve:
        xlsx.append(improve, [text, n])
    improve.column_dimensions["A"].width = 60
    comments = book.create_sheet("Ý kiến")
    xlsx.append(comments, ["Thời gian", "Nơi tiếp nhận", "Ý kiến"])
    for at, desk, text in result.comments:
        xlsx.append(comments, [at.replace(tzinfo=None), desk, text])
    comments.column_dimensions["A"].width = 18
    comments.column_dimensions["B"].width = 36
    comments.column_dimensions["C"].width = 90
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
