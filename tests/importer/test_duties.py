"""Agencies with duties come from 'Tổ chức thực hiện' and the task cells; reporting from its periodic sentences."""

from importer.agencies import agency_named_by
from importer.duties import extract_agencies, extract_reporting, read_reporting
from importer.model import Block, Document, Reporting, Task

ORGANISATION = (
    "I. MỤC TIÊU",
    "- Đạt 100% chỉ tiêu.",
    "V. TỔ CHỨC THỰC HIỆN",
    "1. Trách nhiệm chung",
    "Các cơ quan, đơn vị định kỳ hàng quý, 6 tháng, hàng năm hoặc đột xuất báo cáo Ủy ban nhân dân xã "
    "(qua Phòng Văn hóa - Xã hội) tình hình thực hiện.",
    "2. Trách nhiệm cụ thể",
    "a) Phòng Văn hóa - Xã hội xã:",
    "- Tổng hợp, báo cáo kết quả thực hiện Kế hoạch hàng năm của xã đảm bảo chất lượng.",
    "b) Trung tâm Văn hóa, Thể thao và Truyền thông",
    "- Tuyên truyền.",
    "c) Các đơn vị được giao nhiệm vụ: chủ động thực hiện.",
    "d) Đề nghị Mặt trận Tổ quốc Việt Nam xã và các đoàn thể: phối hợp giám sát.",
)


def document() -> Document:
    return Document(items=tuple(Block(text) for text in ORGANISATION))


def test_it_lists_the_bodies_given_duties_and_leaves_out_collective_holders():
    tasks = (Task(content="x", lead="Công an xã", partners="Các cơ quan, đơn vị; Văn phòng HĐND và"),)
    assert extract_agencies(document(), tasks) == (
        "Phòng Văn hóa - Xã hội",
        "Trung tâm Văn hóa, Thể thao và Truyền thông",
        "Mặt trận Tổ quốc Việt Nam xã",
        "Công an xã",
    )


def test_it_keeps_a_ward_department_whose_name_has_a_comma_in_one_piece():
    tasks = (Task(content="x", lead="Phòng Kinh tế, Hạ tầng và Đô thị", partners="Công an phường, Phòng Văn hóa"),)
    assert extract_agencies(Document(items=()), tasks) == (
        "Phòng Kinh tế, Hạ tầng và Đô thị",
        "Công an phường",
        "Phòng Văn hóa",
    )


def test_it_ignores_task_cells_of_a_document_that_lost_its_diacritics():
    tasks = (Task(content="x", lead="Phong Vian hoa - Trong thang"),)
    low = Document(items=document().items, low_fidelity=True)
    assert "Phong Vian hoa - Trong thang" not in extract_agencies(low, tasks)


def test_it_reads_the_periodic_reporting_regime():
    to = "Ủy ban nhân dân xã (qua Phòng Văn hóa - Xã hội)"
    assert extract_reporting(document()) == tuple(
        Reporting(frequency, to, None) for frequency in ("quarterly", "semiannual", "annual", "ad_hoc")
    )


def test_it_reads_an_ocr_damaged_annual_report_with_its_deadline():
    sentence = (
        "Thi trudng cac co quan chuyén mon chi dao thuc hién ché do thong tin bao cdo theo dinh ky "
        "(bdo cao nam gui trude ngay 10/12) vé Phong Vin hoa - Xa hoi dé tong hop"
    )
    assert read_reporting(sentence) == [Reporting("annual", "Phong Vin hoa - Xa hoi dé tong hop", "trude ngay 10/12")]


def test_it_does_not_take_a_yearly_plan_for_a_reporting_regime():
    assert (
        read_reporting("Kế hoạch cải cách hành chính hàng năm của xã đảm bảo chất lượng, tiến độ; báo cáo kết quả.")
        == []
    )


def test_it_names_an_agency_from_a_heading():
    assert agency_named_by("Vin phong Hoi dong nhan dan va Uy ban nhan dan XA:") == (
        "Vin phong Hoi dong nhan dan va Uy ban nhan dan XA"
    )
    assert agency_named_by("Các phòng thuộc Sở") is None
    assert agency_named_by("Trách nhiệm chung") is None
