"""A ward's task table with one column 'Cơ quan chủ trì/phối hợp' (tests/fixtures/other-unseen2, the ward's plan
printed from .odt, and a department's Word plan): the lead is named first, in bold on its own line, with the
partners under it (the PDF reader joins the cell's lines; Word's paragraphs may say 'Phối hợp: …'), or the cell
says which body leads ('X chủ trì; Y phối hợp'); the lead alone is the lead."""

import pytest

from importer.agencies import lead_and_partners
from importer.model import Document, Table
from importer.tasks import extract_tasks

TABLE = Table(
    rows=(
        ("TT", "Nhiệm vụ", "Cơ quan chủ trì/phối hợp", "Thời gian", "Sản phẩm"),
        ("I", "CẢI CÁCH THỂ CHẾ", "", "", ""),
        ("1", "Rà soát văn bản", "Văn phòng HĐND và UBND phường Phòng Kinh tế, Hạ tầng và Đô thị", "Quý II", "Báo cáo"),
        ("2", "Tuyên truyền pháp luật", "Phòng Văn hóa - Xã hội chủ trì; Công an phường phối hợp", "Tháng 3/2026", ""),
        ("3", "Công khai thủ tục hành chính", "Trung tâm Phục vụ hành chính công phường", "Thường xuyên", ""),
    )
)


def test_it_parts_the_lead_from_the_partners_in_one_column():
    tasks, _ = extract_tasks(Document(items=(TABLE,)))
    assert [(t.lead, t.partners, t.deadline) for t in tasks] == [
        ("Văn phòng HĐND và UBND phường", "Phòng Kinh tế, Hạ tầng và Đô thị", "Quý II"),
        ("Phòng Văn hóa - Xã hội", "Công an phường", "Tháng 3/2026"),
        ("Trung tâm Phục vụ hành chính công phường", None, "Thường xuyên"),
    ]


@pytest.mark.parametrize(
    ("cell", "lead", "partners"),
    [
        ("Thanh tra Sở Phòng Tổ chức cán bộ", "Thanh tra Sở", "Phòng Tổ chức cán bộ"),  # not 'Thanh tra' | 'Sở …'
        ("Văn phòng Sở\nCác phòng chuyên môn", "Văn phòng Sở", "Các phòng chuyên môn"),
        (
            "Thanh tra Sở\nPhối hợp: Phòng Tổ chức cán bộ; Văn phòng Sở",
            "Thanh tra Sở",
            "Phòng Tổ chức cán bộ; Văn phòng Sở",
        ),
        ("Chủ trì: Văn phòng Sở; phối hợp: Phòng Pháp chế", "Văn phòng Sở", "Phòng Pháp chế"),
        ("Sở Nội vụ (chủ trì), Sở Tài chính (phối hợp)", "Sở Nội vụ", "Sở Tài chính"),
        (
            "Công an phường Đoàn Thanh niên phường; Tổ công nghệ số",
            "Công an phường",
            "Đoàn Thanh niên phường; Tổ công nghệ số",
        ),
    ],
)
def test_it_reads_the_lead_first_and_the_partners_after_it(cell, lead, partners):
    assert lead_and_partners(cell) == (lead, partners)


def test_it_keeps_a_lead_column_without_partners_whole():
    table = Table(
        rows=(("TT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian"), ("1", "Rà soát", "UBND xã Sở Nội vụ", "2026"))
    )
    tasks, _ = extract_tasks(Document(items=(table,)))
    assert (tasks[0].lead, tasks[0].partners) == ("UBND xã Sở Nội vụ", None)


def test_it_parts_a_column_of_who_carries_it_out_that_says_who_leads():
    """A commune's Word plan (tests/fixtures/other-unseen6, xã Hiệp Thạnh) with one column 'Đơn vị thực hiện',
    last, after the output: 'X chủ trì, phối hợp với Y' names the lead and the partners; a body alone leads."""
    table = Table(
        rows=(
            ("TT", "Nội dung công việc", "Sản phẩm", "Thời gian thực hiện", "Đơn vị thực hiện"),
            ("I", "CẢI CÁCH THỂ CHẾ", "", "", ""),
            (
                "1",
                "Rà soát văn bản",
                "Báo cáo",
                "Quý III/2026",
                "Văn phòng HĐND và UBND xã chủ trì, phối hợp với Phòng Kinh tế",
            ),
            ("2", "Xếp loại công chức", "Quyết định", "Tháng 12/2026", "Phòng Văn hóa - Xã hội"),
        )
    )
    tasks, _ = extract_tasks(Document(items=(table,)))
    assert [(t.lead, t.partners, t.output, t.deadline) for t in tasks] == [
        ("Văn phòng HĐND và UBND xã", "Phòng Kinh tế", "Báo cáo", "Quý III/2026"),
        ("Phòng Văn hóa - Xã hội", None, "Quyết định", "Tháng 12/2026"),
    ]
