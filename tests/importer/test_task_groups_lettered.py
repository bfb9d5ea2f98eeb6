"""A ministry's task table grouped by rows 'a) Nhiệm vụ về cải cách thể chế', 'b) …' merged across the table
(tests/fixtures/other-unseen6, Bộ Tài chính's Word plan and its LibreOffice print), the tasks numbered 1–n through
the groups: the first group's row under the head is no second row of the head (its words 'Nhiệm vụ' name no
column), and each group is a section named by its letter. The head's 'STT' may wrap in its narrow cell ('ST T')."""

import pytest

from importer.model import Document, Table
from importer.tasks import extract_tasks

HEAD = ("ST T", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành", "Sản phẩm")
TASKS = {
    "a": [("1", "Rà soát văn bản quy phạm pháp luật lĩnh vực tài chính", "Vụ Pháp chế", "", "Trước 30/6/2026", "")],
    "b": [
        ("2", "Cắt giảm thủ tục hành chính lĩnh vực thuế", "Cục Thuế", "Cục Hải quan", "Quý II/2026", "Phương án"),
        ("3", "Công khai thủ tục hành chính", "Văn phòng Bộ", "", "Thường xuyên", ""),
    ],
    "c": [("4", "Triển khai hóa đơn điện tử", "Cục Thuế", "", "Quý IV/2026", "Hệ thống")],
}
TITLES = {
    "a": "a) Nhiệm vụ về cải cách thể chế",
    "b": "b) Nhiệm vụ về cải cách thủ tục hành chính",
    "c": "c) Nhiệm vụ về xây dựng chính phủ số",
}


def _table(merged_as_word_reads_it: bool) -> Table:
    rows = [HEAD]
    for letter, tasks in TASKS.items():
        title = TITLES[letter]
        # Word gives a merged cell's text in each column it spans; the PDF reader gives it in the first only
        rows.append((title,) * 6 if merged_as_word_reads_it else (title, "", "", "", "", ""))
        rows.extend(tasks)
    return Table(rows=tuple(rows))


@pytest.mark.parametrize("merged_as_word_reads_it", [True, False])
def test_it_reads_lettered_group_rows_as_sections(merged_as_word_reads_it):
    tasks, _ = extract_tasks(Document(items=(_table(merged_as_word_reads_it),)))
    assert [(t.section, t.no, t.content, t.lead) for t in tasks] == [
        ("a", "1", "Rà soát văn bản quy phạm pháp luật lĩnh vực tài chính", "Vụ Pháp chế"),
        ("b", "2", "Cắt giảm thủ tục hành chính lĩnh vực thuế", "Cục Thuế"),
        ("b", "3", "Công khai thủ tục hành chính", "Văn phòng Bộ"),
        ("c", "4", "Triển khai hóa đơn điện tử", "Cục Thuế"),
    ]
    assert [t.area for t in tasks] == ["the_che", "tthc", "tthc", "chinh_phu_so"]
