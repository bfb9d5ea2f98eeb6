"""Text that lost its diacritics is told apart in a stage of its own (importer.unmarked.flag_lost_diacritics):
the document is marked low-fidelity and the reviewer is warned once; Vietnamese with its marks passes as it is."""

from importer.model import Block, Document
from importer.unmarked import flag_lost_diacritics

UNMARKED = (
    "Ke hoach cai cach hanh chinh nam 2026 cua Uy ban nhan dan xa. Muc tieu: nang cao chat luong phuc vu "
    "nguoi dan va doanh nghiep, day manh chuyen doi so trong giai quyet thu tuc hanh chinh tren dia ban xa."
)
MARKED = (
    "Kế hoạch cải cách hành chính năm 2026 của Ủy ban nhân dân xã. Mục tiêu: nâng cao chất lượng phục vụ "
    "người dân và doanh nghiệp, đẩy mạnh chuyển đổi số trong giải quyết thủ tục hành chính trên địa bàn xã."
)


def test_it_flags_a_document_whose_text_lost_its_marks_once():
    flagged = flag_lost_diacritics(Document(items=(Block(UNMARKED), Block(UNMARKED))))
    assert flagged.low_fidelity
    assert [p.code for p in flagged.problems] == ["low_fidelity"]
    assert flag_lost_diacritics(flagged).problems == flagged.problems


def test_it_leaves_vietnamese_with_its_marks_as_it_is():
    document = Document(items=(Block(MARKED), Block(MARKED)))
    assert flag_lost_diacritics(document) == document
