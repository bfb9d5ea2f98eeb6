"""A prose plan's task part gives its list items as paragraphs an officer may make tasks of; headings, labelled
lines ('Đơn vị chủ trì: …') and items of other parts are left out."""

from importer.model import Block, Document, Location
from importer.task_blocks import task_paragraphs


def _document(text: str) -> Document:
    lines = text.strip("\n").splitlines()
    return Document(items=tuple(Block(line, Location(line=n)) for n, line in enumerate(lines, start=1)))


PLAN = """
KẾ HOẠCH
Cải cách hành chính năm 2026
I. MỤC TIÊU
1. Nâng cao chất lượng phục vụ người dân, doanh nghiệp.
II. NHIỆM VỤ TRỌNG TÂM
1. Cải cách thể chế
a) Rà soát, hệ thống hóa văn bản quy phạm pháp luật do xã ban hành.
b) Kiểm tra việc thực hiện văn bản quy phạm pháp luật tại các thôn.
- Đơn vị chủ trì: Văn phòng HĐND và UBND.
2. Cải cách thủ tục hành chính
- Công khai đầy đủ thủ tục hành chính trên Cổng dịch vụ công.
III. TỔ CHỨC THỰC HIỆN
1. Phòng Văn hóa - Xã hội theo dõi, tổng hợp kết quả thực hiện.
"""


def test_it_gives_the_list_items_of_the_task_part():
    bodies = [p.body for p in task_paragraphs(_document(PLAN))]

    assert bodies == [
        "Rà soát, hệ thống hóa văn bản quy phạm pháp luật do xã ban hành.",
        "Kiểm tra việc thực hiện văn bản quy phạm pháp luật tại các thôn.",
        "Công khai đầy đủ thủ tục hành chính trên Cổng dịch vụ công.",
    ]
