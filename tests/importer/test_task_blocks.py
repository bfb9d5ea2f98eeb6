"""Tasks written as prose blocks ('Đơn vị chủ trì: …', 'Thời gian thực hiện: …' lines) are tasks."""

from importer.model import Block, Document, Location
from importer.tasks import extract_tasks


def _document(text: str) -> Document:
    lines = text.strip("\n").splitlines()
    return Document(items=tuple(Block(line, Location(line=n)) for n, line in enumerate(lines, start=1)))


PLAN = """
KẾ HOẠCH
Cải cách hành chính năm 2026
I. NHIỆM VỤ
1. Rà soát quy chế làm việc của Ủy ban nhân dân tỉnh.
- Đơn vị chủ trì: Văn phòng UBND tỉnh.
- Đơn vị phối hợp: Các sở, ban, ngành.
- Thời gian thực hiện: Quý II/2026.
- Sản phẩm: Quyết định của UBND tỉnh.
2. Tổ chức hội nghị tập huấn nghiệp vụ (Cơ quan chủ trì: Sở Nội vụ; Thời gian hoàn thành: Tháng 3/2026).
II. TỔ CHỨC THỰC HIỆN
1. Thời gian thực hiện: từ tháng 01/2026 đến tháng 12/2026.
2. Sở Nội vụ theo dõi, tổng hợp kết quả.
"""


def test_it_reads_a_task_and_its_labelled_lines():
    tasks, _ = extract_tasks(_document(PLAN))
    first = tasks[0]
    assert (first.no, first.content) == ("1", "Rà soát quy chế làm việc của Ủy ban nhân dân tỉnh.")
    assert (first.lead, first.partners, first.deadline, first.output) == (
        "Văn phòng UBND tỉnh",
        "Các sở, ban, ngành",
        "Quý II/2026",
        "Quyết định của UBND tỉnh",
    )


def test_it_reads_labels_following_the_text_in_its_paragraph():
    tasks, _ = extract_tasks(_document(PLAN))
    second = tasks[1]
    assert (second.content, second.lead, second.partners, second.deadline) == (
        "Tổ chức hội nghị tập huấn nghiệp vụ",
        "Sở Nội vụ",
        None,
        "Tháng 3/2026",
    )


def test_it_takes_no_plan_wide_line_without_a_lead_for_a_task():
    tasks, _ = extract_tasks(_document(PLAN))
    assert len(tasks) == 2


def test_it_reads_short_labels_but_not_a_heading_that_ends_like_one():
    text = """
KẾ HOẠCH
I. NHIỆM VỤ
1. Kiểm tra công vụ tại các phòng.
Chủ trì: Phòng Văn hóa - Xã hội; Phối hợp: Văn phòng HĐND và UBND; Thời gian: Quý III/2026.
II. TỔ CHỨC THỰC HIỆN: các phòng, đơn vị triển khai Kế hoạch.
"""
    tasks, _ = extract_tasks(_document(text))
    assert [(t.content, t.lead, t.partners, t.deadline) for t in tasks] == [
        ("Kiểm tra công vụ tại các phòng.", "Phòng Văn hóa - Xã hội", "Văn phòng HĐND và UBND", "Quý III/2026")
    ]


def test_it_reads_a_block_whose_text_has_a_label_of_its_own():
    text = """
KẾ HOẠCH
I. NHIỆM VỤ
1. Cải cách thể chế
- Nội dung: Rà soát văn bản quy phạm pháp luật của tỉnh.
- Cơ quan chủ trì: Sở Tư pháp.
- Thời gian hoàn thành: Quý IV/2026.
- Nội dung: Kiểm tra việc thi hành pháp luật.
- Cơ quan chủ trì: Sở Tư pháp.
- Cơ quan phối hợp: Các sở, ngành.
"""
    tasks, _ = extract_tasks(_document(text))
    assert [(t.content, t.lead, t.partners, t.deadline) for t in tasks] == [
        ("Rà soát văn bản quy phạm pháp luật của tỉnh", "Sở Tư pháp", None, "Quý IV/2026"),
        ("Kiểm tra việc thi hành pháp luật", "Sở Tư pháp", "Các sở, ngành", None),
    ]
