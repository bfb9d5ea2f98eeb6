"""A short commune plan as a real Word file, built with python-docx: header, a target with a %, a task table."""

from __future__ import annotations

from pathlib import Path

from docx import Document

PLAN_NUMBER = "15/KH-UBND"
PLAN_TITLE = "Cải cách hành chính nhà nước năm 2026 trên địa bàn xã Kẽ Sắt"
TARGET_TEXT = "Tỷ lệ hồ sơ giải quyết trực tuyến trên tổng số hồ sơ đạt tối thiểu 80%"
TASKS = [
    (
        "1",
        "Rà soát, đánh giá văn bản quy phạm pháp luật do xã ban hành",
        "Phòng Văn hóa - Xã hội",
        "Văn phòng HĐND và UBND",
        "Quý II/2026",
        "Báo cáo",
    ),
    (
        "2",
        "Công khai đầy đủ thủ tục hành chính tại bộ phận một cửa",
        "Trung tâm Phục vụ hành chính công",
        "Các cơ quan, đơn vị",
        "Tháng 6/2026",
        "Danh mục TTHC",
    ),
    (
        "3",
        "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
        "Trung tâm Phục vụ hành chính công",
        "Phòng Văn hóa - Xã hội",
        "Năm 2026",
        "Kho dữ liệu số",
    ),
]
HEADER = ["TT", "Nội dung công việc", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Sản phẩm"]


def write_seed_docx(path: Path) -> Path:
    doc = Document()
    top = doc.add_table(rows=2, cols=2)
    top.cell(0, 0).text = "ỦY BAN NHÂN DÂN\nXÃ KẼ SẮT"
    top.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    top.cell(1, 0).text = f"Số: {PLAN_NUMBER}"
    top.cell(1, 1).text = "Kẽ Sắt, ngày 05 tháng 01 năm 2026"
    doc.add_paragraph("KẾ HOẠCH").runs[0].bold = True
    doc.add_paragraph(PLAN_TITLE)
    doc.add_paragraph(
        "Thực hiện Quyết định số 3470/QĐ-UBND của UBND thành phố Hải Phòng, "
        "UBND xã Kẽ Sắt ban hành Kế hoạch cải cách hành chính năm 2026 như sau:"
    )
    doc.add_paragraph("I. MỤC ĐÍCH, YÊU CẦU")
    doc.add_paragraph("Nâng cao chất lượng phục vụ người dân, doanh nghiệp.")
    doc.add_paragraph("II. MỤC TIÊU")
    doc.add_paragraph(f"- Mục tiêu: {TARGET_TEXT}.")
    doc.add_paragraph("III. NHIỆM VỤ, GIẢI PHÁP")
    doc.add_paragraph("Có Danh mục nhiệm vụ kèm theo.")
    doc.add_paragraph("IV. TỔ CHỨC THỰC HIỆN")
    doc.add_paragraph("Phòng Văn hóa - Xã hội là cơ quan thường trực, theo dõi, tổng hợp, báo cáo.")
    doc.add_paragraph("DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026")
    table = doc.add_table(rows=1, cols=len(HEADER))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, HEADER, strict=True):
        cell.text = text
    section = table.add_row().cells
    section[0].text = "I"
    merged = section[1].merge(section[-1])
    merged.text = "CẢI CÁCH THỂ CHẾ"
    for row in TASKS:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    doc.add_paragraph("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH")
    doc.save(path)
    return path
