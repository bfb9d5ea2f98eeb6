"""What the plan's workbook holds: its sheets and their columns, shared by the writer and the reader."""

from __future__ import annotations

FIGURES = "Số liệu"
TASKS = "Nhiệm vụ"
GUIDE = "Hướng dẫn"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# Every downloaded row ends with two hidden columns nobody edits: the version of its record when the file was
# made (empty for a period with no value yet) and the row's values as they were then. An upload compares each
# row with those values (not with today's) to know what the uploader changed, and with the version to know
# whether someone else changed the record since.
VERSION = "Phiên bản (không sửa)"
ORIGINAL = "Giá trị lúc tải về (không sửa)"

# column key → header as printed; the reader finds columns by their folded header, so order may change
FIGURE_COLUMNS = {
    "target": "Mã chỉ tiêu",
    "text": "Nội dung",
    "goal": "Chỉ tiêu",
    "period": "Kỳ",
    "value": "Giá trị",
    "numerator": "Tử số",
    "denominator": "Mẫu số",
    "source": "Nguồn",
    "version": VERSION,
    "original": ORIGINAL,
}
TASK_COLUMNS = {
    "task": "ID",
    "no": "TT",
    "content": "Nội dung",
    "lead": "Chủ trì",
    "due": "Hạn",
    "state": "Tình trạng",
    "progress": "Tiến độ %",
    "comment": "Ghi chú",
    "version": VERSION,
    "original": ORIGINAL,
}
FIGURE_REQUIRED = ("target", "period", "value", "numerator", "denominator", "source")
TASK_REQUIRED = ("task", "state", "progress", "comment")
