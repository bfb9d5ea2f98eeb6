"""An office scan read the number and the place-and-date line as one ('Số: 412/KH-SYT- Nghệ An, ngày 15.tháng 1
năm 2026.'): the place after the symbol's dash is no part of the symbol even with no space before the dash, and a
speck read as a dot before 'tháng' keeps the date (lines as OCR read them)."""

from importer.header import clean_symbol, extract_meta
from importer.model import Block, Document, Location

LINES = [
    "UBND.TỈNH NGHỆ AN CỘNG HÒA XÃ HỘI CHỦ NGHĨA",
    "SỞ Y TẾ VIỆT NAM",
    "Số: 412/KH-SYT- Nghệ An, ngày 15.tháng 1 năm 2026.",
    "KẾ HOẠCH",
    "Cải cách hành chính năm 2026 của Sở Y tế",
    "Căn cứ Kế hoạch số 96/KH-UBND ngày 30/12/2025 của Ủy ban nhân dần tỉnh Nghệ",
    "An về:cải cách hành chính năm 2026, Sở Y tế ban hành Kế hoạch cải cách hành chính",
    "1.MỤC ĐÍCH, YÊU CẦU",
]


def test_it_leaves_the_place_after_a_dash_out_of_the_symbol():
    assert clean_symbol("KH-SYT- Nghệ") == "KH-SYT"
    assert clean_symbol("KH -UBND") == "KH-UBND"


def test_it_reads_the_number_date_and_basis_of_a_glued_number_and_date_line():
    document = Document(items=tuple(Block(line, Location(page=1, line=n)) for n, line in enumerate(LINES, start=1)))
    meta = extract_meta(document)
    assert (meta.number, meta.date, meta.bases) == ("412/KH-SYT", "2026-01-15", ("96/KH-UBND",))
