# ruff: noqa: E501  (the programme keeps an item on one line, as its site gives it)
"""A department's work programme (tests/fixtures/other-unseen2, 'Chương trình công tác cải cách hành chính') gives
each item's lead in a sentence of its own after what to do: 'Giao Phòng Pháp chế chủ trì, phối hợp với Văn phòng
Sở thực hiện; hoàn thành trong Quý II/2026.' The item is a task; a sentence giving a duty with nothing to do
before it, or one that names no lead ('Giao Văn phòng … tổng hợp'), is not.

A commune's plan (tests/fixtures/other-unseen3) lists its tasks as a plain numbered list under each area, who
leads and when in brackets at the item's end: '(Văn phòng HĐND-UBND chủ trì; hoàn thành trong Quý II).', the
partners as 'Y phối hợp' or 'phối hợp với Y'. The item is a task; brackets that name no lead are not."""

from importer.model import Block, Document, Location
from importer.task_blocks import assigned, extract_task_blocks

PROGRAMME = """CHƯƠNG TRÌNH
Công tác cải cách hành chính năm 2026
II. NHIỆM VỤ
1. Cải cách thể chế
1.1. Xây dựng văn bản quy phạm pháp luật
a) Tham mưu ban hành quy định phân cấp quản lý công trình thủy lợi. Giao Chi cục Thủy lợi chủ trì, phối hợp với Phòng Pháp chế, các chi cục thực hiện; hoàn thành trong tháng 9/2026.
2. Cải cách tổ chức bộ máy
2.1. Giao quyền tự chủ tài chính cho các đơn vị sự nghiệp. Giao Phòng Kế hoạch - Tài chính chủ trì thực hiện; thời gian: thường xuyên.
2.2. Kiện toàn tổ chức các phòng sau hợp nhất. Giao Phòng Tổ chức cán bộ chủ trì.
III. TỔ CHỨC THỰC HIỆN
Giao Văn phòng Sở tổng hợp, báo cáo kết quả trước ngày 10 của tháng cuối quý.
"""


PLAN = """KẾ HOẠCH
Cải cách hành chính năm 2026
II. NHIỆM VỤ CỤ THỂ
1. Cải cách thể chế
1. Rà soát văn bản quy phạm pháp luật do xã ban hành (Văn phòng HĐND-UBND chủ trì; hoàn thành trong Quý II).
2. Phổ biến pháp luật về đất đai cho người dân (Phòng Kinh tế chủ trì, các thôn phối hợp; thực hiện cả năm).
3. Vận hành camera giám sát bộ phận một cửa (Công an xã chủ trì, phối hợp với Văn phòng HĐND-UBND).
4. Công khai thủ tục hành chính (theo Quyết định số 12/QĐ-UBND).
"""


def _document(text: str) -> Document:
    lines = text.strip("\n").splitlines()
    return Document(items=tuple(Block(line, Location(line=n)) for n, line in enumerate(lines, start=1)))


def test_it_reads_the_lead_partners_and_deadline_from_the_sentence_that_assigns_the_item():
    tasks = extract_task_blocks(_document(PROGRAMME))
    assert [(t.no, t.content, t.lead, t.partners, t.deadline) for t in tasks] == [
        (
            "a",
            "Tham mưu ban hành quy định phân cấp quản lý công trình thủy lợi.",
            "Chi cục Thủy lợi",
            "Phòng Pháp chế, các chi cục",
            "tháng 9/2026",
        ),
        (
            "2.1",
            "Giao quyền tự chủ tài chính cho các đơn vị sự nghiệp.",
            "Phòng Kế hoạch - Tài chính",
            None,
            "thường xuyên",
        ),
        ("2.2", "Kiện toàn tổ chức các phòng sau hợp nhất.", "Phòng Tổ chức cán bộ", None, None),
    ]


def test_it_takes_a_duty_with_nothing_to_do_before_it_for_no_task():
    assert assigned("Giao Sở Nội vụ chủ trì, phối hợp với các cơ quan theo dõi, đôn đốc thực hiện.") is None
    assert assigned("Đề nghị các đơn vị thực hiện. Giao Văn phòng tổng hợp, báo cáo trước ngày 20/6/2026.") is None


def test_it_reads_the_lead_partners_and_time_from_the_brackets_closing_the_item():
    tasks = extract_task_blocks(_document(PLAN))
    assert [(t.no, t.content, t.lead, t.partners, t.deadline) for t in tasks] == [
        ("1", "Rà soát văn bản quy phạm pháp luật do xã ban hành", "Văn phòng HĐND-UBND", None, "Quý II"),
        ("2", "Phổ biến pháp luật về đất đai cho người dân", "Phòng Kinh tế", "các thôn", "cả năm"),
        ("3", "Vận hành camera giám sát bộ phận một cửa", "Công an xã", "Văn phòng HĐND-UBND", None),
    ]


def test_it_takes_brackets_that_name_no_lead_for_no_task():
    assert assigned("Công khai thủ tục hành chính (theo Quyết định số 12/QĐ-UBND).") is None
    assert assigned("Tổ chức hội nghị (thực hiện trong Quý III).") is None
