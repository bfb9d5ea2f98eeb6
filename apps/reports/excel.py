"""The report's tables as .xlsx: statistics, tasks and targets, one sheet each, ready to print."""

from __future__ import annotations

from apps.plans.models import Area
from apps.reports.content import ATTAINMENTS, BUCKETS
from cchc import xlsx


def build_xlsx(content: dict) -> bytes:
    book = xlsx.workbook()
    areas = {a.value: a.label for a in Area}
    xlsx.add_table(
        book,
        "Thống kê",
        [("TT", 6), ("Nội dung", 55), ("Đơn vị tính", 12), ("Kết quả", 12), ("Tử số", 12), ("Mẫu số", 12)],
        [
            [i, r["label"], r["unit"], r["value"], r["numerator"], r["denominator"]]
            for i, r in enumerate(content["statistics"], start=1)
        ],
    )
    xlsx.add_table(
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
    xlsx.add_table(
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
    return xlsx.to_bytes(book)
