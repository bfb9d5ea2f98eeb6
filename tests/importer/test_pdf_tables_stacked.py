"""Two ruled tables stacked on one page with a title between them (tests/fixtures/other-unseen2, a province's
plan printed by Chromium: Phụ lục I of targets by year, then 'Phụ lục II NHIỆM VỤ CỤ THỂ' and its task table,
the same width) are two tables: the band of the title, which no rule crosses, is not a row of one table ruled
only across that would hold both."""

from pathlib import Path

from importer.model import Table
from importer.pipeline import Limits
from importer.readers import read

PLAN = Path(__file__).resolve().parents[1] / "fixtures" / "other-unseen2" / "tinh_hatinh_kh_cchc_2026_2030_chromium.pdf"


def test_it_reads_two_ruled_tables_stacked_on_a_page_as_two():
    tables = [item for item in read(PLAN, Limits()).items if isinstance(item, Table)]
    assert [table.rows[0] for table in tables] == [
        ("TT", "Chỉ tiêu", "Năm 2026", "Năm 2027", "Năm 2028", "Năm 2029", "Năm 2030"),
        ("TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Sản phẩm"),
    ]
    assert tables[1].rows[1][3] == "Các sở, ban, ngành"  # not cut in two by a column of the table above
