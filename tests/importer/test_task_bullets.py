"""A task's text as the document prints it in a list keeps no bullet: '- Rà soát …', '– …', '+ …', '• …' become
'Rà soát …' (taken off where extract_tasks hands the tasks on, however they were found); a sign that is part of
the text stays."""

from importer.markers import strip_bullet
from importer.model import Block, Document, Location, Table
from importer.tasks import extract_tasks

HEADER = ("TT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Sản phẩm")


def test_it_takes_the_bullet_off_each_tasks_text():
    rows = [
        ("I", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "", "", "", ""),
        ("1", "- Rà soát, đánh giá thủ tục hành chính", "Văn phòng", "", "Quý IV/2026", "Báo cáo"),
        ("2", "– Công khai thủ tục hành chính", "Văn phòng", "", "Quý IV/2026", "Báo cáo"),
        ("3", "+ Số hóa hồ sơ", "Văn phòng", "", "Quý IV/2026", "Báo cáo"),
        ("4", "• Tuyên truyền CCHC", "Văn phòng", "", "Quý IV/2026", "Báo cáo"),
    ]
    document = Document(items=(Block("KẾ HOẠCH"), Table(rows=(HEADER, *rows), location=Location(page=1))))

    tasks, _ = extract_tasks(document)

    assert [t.content for t in tasks] == [
        "Rà soát, đánh giá thủ tục hành chính",
        "Công khai thủ tục hành chính",
        "Số hóa hồ sơ",
        "Tuyên truyền CCHC",
    ]


def test_it_keeps_a_sign_that_belongs_to_the_text():
    assert strip_bullet("-5% chi phí tuân thủ") == "-5% chi phí tuân thủ"
    assert strip_bullet("Rà soát - đánh giá") == "Rà soát - đánh giá"
    assert strip_bullet("  -   Rà soát") == "Rà soát"
