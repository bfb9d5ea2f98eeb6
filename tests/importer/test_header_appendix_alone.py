"""A task appendix may be kept and published on its own, as a spreadsheet printed to PDF (tests/fixtures/
other-unseen4): the letterhead, 'PHỤ LỤC' over its title and '(Kèm theo Kế hoạch số 20/KH-UBND ngày … của Ủy ban
nhân dân tỉnh …)', then the table, with no 'KẾ HOẠCH' above it. The title is the appendix's, the number and date
the plan's it belongs to, the issuer the letterhead's; a cell 'Kế hoạch' (an output) in the table is no type."""

from importer.header import extract_meta
from importer.model import Block, Document, Location, Table

APPENDIX = (
    Block("ỦY BAN NHÂN DÂN"),
    Block("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    Block("TỈNH HƯNG YÊN"),
    Block("Độc lập - Tự do - Hạnh phúc"),
    Block("PHỤ LỤC"),
    Block("DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026"),
    Block("(Kèm theo Kế hoạch số 20/KH-UBND ngày 10 tháng 01 năm 2026 của Ủy ban nhân dân tỉnh Hưng Yên)"),
    Table(
        rows=(
            ("TT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành", "Sản phẩm"),
            ("1", "Ban hành Kế hoạch tuyên truyền", "Sở Nội vụ", "Tháng 02/2026", "Kế hoạch"),
        ),
        location=Location(table=0),
    ),
)


def test_it_reads_an_appendix_published_alone():
    meta = extract_meta(Document(items=APPENDIX))
    assert (meta.number, meta.date, meta.issuer, meta.issuer_level) == (
        "20/KH-UBND",
        "2026-01-10",
        "UBND tỉnh Hưng Yên",
        "tinh",
    )
    assert meta.title == "DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026"
    assert (meta.period_start, meta.period_end) == ("2026-01", "2026-12")
