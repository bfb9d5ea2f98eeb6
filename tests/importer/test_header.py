"""The header stage reads number, issuer, date, period, bases and signer from clean and OCR-damaged text."""

import json
from pathlib import Path

import pytest

from importer.header import compose_issuer, extract_meta, find_citations, mend_symbol, parse_date, review_meta
from importer.model import Block, Document, Location, Meta, Problem, Table
from importer.pipeline import run

SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"


def lines(text: str) -> Document:
    """One block per non-empty line, numbered like the text reader does."""
    return Document(
        items=tuple(
            Block(line.strip(), Location(line=n)) for n, line in enumerate(text.splitlines(), 1) if line.strip()
        )
    )


OCR_HEADER = """UY BAN NHAN DAN CONG HOA XA HQI CHU NGHIA VIET NAM
XA KE SAT Poc 1ap - Tw do - Hanh phuc
S6:94 /KH-UBND Ké Sat,ngay 17 thang 11 nam 2025
KE HOACH
Thue hién Chwong trinh tong thé cai cach hanh chinh nha nuéc
xa Ké Sat giai doan 2026 - 2030
Thue hién Quyét dinh sé 3470/QD-UBND ngay 27/8/2025 cia UBND thanh phd Hai Phong.
|. MUC PiCH, YEU CAU
1. Muc dich
- Gan muc tiéu cai cach hanh chinh véi viéc thue hién Nghi quyét $6 45-
NQ/TW ngay 24/01/2019 cua Bo Chinh tri.
2. Y8U ciu
- Bam sat Quyét dinh s6 999/QD-UBND.
Il. MUC TIEU
Noi nhdn:
- S& Noi vu;
KT. CHU TICH
PHO CHU TICH
Pham Thi Thu Hién
"""


def test_it_reads_an_ocr_damaged_header():
    meta = extract_meta(lines(OCR_HEADER))
    assert meta.number == "94/KH-UBND"
    assert meta.date == "2025-11-17"
    assert meta.issuer == "UBND xã Ke Sat"
    assert meta.issuer_level == "xa"
    assert (meta.period_start, meta.period_end) == ("2026-01", "2030-12")
    assert meta.title.startswith("Thue hién Chwong trinh")


def test_it_reads_a_plan_number_whose_so_ocr_lost():
    header = OCR_HEADER.replace("S6:94 /KH-UBND", "6:94 /KH- UBND")
    assert extract_meta(lines(header)).number == "94/KH-UBND"


def test_it_reads_a_plan_number_whose_colon_ocr_read_as_a_semicolon():
    """An office scan's header as OCR read it: a speck beside the colon made it 'Số;'."""
    header = """. ỦY BAÑ NHÂN DÂN CỘNG HÒA XÃ HỘI .CHỦ NGHĨA
_XÃ ĐẠI TƯ” : VIỆT NAM “
: Độc lập - Tự do - Hạnh phúc '"
cu Số; 15/KH-UBND Đại Từ, ngày 20 tháng 01 năm 2026
. _ KẾ HOẠCH
Cải cách hành chính năm 2026 trên địa bàn xã Đại Từ
Căn cứ Kế hoạch số 210/KH-UBND ngày 30/12/2025 của Ủy ban nhân dẩn tỉnh
: Thái Nguyên về cải cách hành chính năm 2026;
I.MỤC ĐÍCH, YÊU CẦU
"""
    assert extract_meta(lines(header)).number == "15/KH-UBND"  # not the plan its preamble cites


def test_it_reads_a_number_and_date_whose_slash_or_space_a_speck_took():
    header = OCR_HEADER.replace(
        "S6:94 /KH-UBND Ké Sat,ngay 17 thang 11 nam 2025", "Số: 94KH-UBND - . Kẽ Sắt, ngày 17 tháng 11 nắm.2025"
    )
    meta = extract_meta(lines(header))
    assert (meta.number, meta.date) == ("94/KH-UBND", "2025-11-17")


def test_it_does_not_take_another_kind_of_document_cited_in_the_header_for_the_plan_number():
    header = OCR_HEADER.replace("S6:94 /KH-UBND", "Kem theo 3470/QD-UBND")
    assert extract_meta(lines(header)).number is None


def test_it_takes_bases_from_the_preamble_and_the_purpose_but_not_the_requirements():
    meta = extract_meta(lines(OCR_HEADER))
    assert meta.bases == ("3470/QĐ-UBND", "45-NQ/TW")


def test_it_reads_the_signer_below_the_recipients():
    meta = extract_meta(lines(OCR_HEADER))
    assert meta.signer == "Pham Thi Thu Hién"
    assert meta.signer_title == "Phó Chủ tịch"


def test_it_reads_the_signer_of_a_scan_that_lost_its_recipients_line():
    """The LibreOffice plan's 200 dpi office scan: OCR read nothing of 'Nơi nhận:' but its list."""
    header = OCR_HEADER.replace("Noi nhdn:\n", "").replace("KT. CHU TICH\nPHO CHU TICH", "KT. GIẢM ĐỐC\nPHÓ GIÁM ĐỐC")

    meta = extract_meta(lines(header))

    assert (meta.signer, meta.signer_title) == ("Pham Thi Thu Hién", "Phó Giám đốc")


def test_it_leaves_the_end_of_a_wrapped_motto_out_of_the_issuer():
    """The Chromium plan faxed: the motto's 'VIỆT NAM' read on the issuer's second line."""
    header = """ỦY BAN NHÂN DẪN CỘNG HÒA XÃ HỘI CHỦ NGHĨA
XÃ ĐẠI TỪ VIỆẸT NAM
Độc lập - Tự do - Hạnh phúc
Số: 15/KH-UBND Đại Từ, ngày 20 tháng 01 năm 2026
KẾ HOẠCH
Cải cách hành chính năm 2026 trên địa bàn xã Đại Từ
"""
    assert extract_meta(lines(header)).issuer == "UBND xã Đại Từ"


def test_it_falls_back_to_the_appendix_heading_and_the_preamble_issuer():
    text = """KẾ HOẠCH
Cải cách hành chính năm 2026
Căn cứ Quyết định số 12/QĐ-UBND ngày 02/01/2026; Ủy ban nhân dân phường Lê Chân ban hành Kế hoạch như sau:
I. MỤC ĐÍCH
DANH MỤC NHIỆM VỤ
(Kèm theo Kế hoạch số 07/KH-UBND ngày 5 /02/2026 của UBND phường Lê Chân)
"""
    meta = extract_meta(lines(text))
    assert (meta.number, meta.date) == ("07/KH-UBND", "2026-02-05")
    assert (meta.issuer, meta.issuer_level) == ("UBND phường Lê Chân", "xa")
    assert (meta.period_start, meta.period_end) == ("2026-01", "2026-12")
    assert meta.bases == ("12/QĐ-UBND",)


def test_it_reads_an_appendix_heading_wrapped_over_two_lines():
    """A PDF wraps the appendix's heading where the page ends: '… (Kèm' / 'theo Kế hoạch số …)'."""
    text = """KẾ HOẠCH
Cải cách hành chính năm 2026
I. MỤC ĐÍCH
DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026 (Kèm
theo Kế hoạch số 07/KH-UBND ngày 5 /02/2026 của UBND xã An Lão)
"""
    meta = extract_meta(lines(text))
    assert (meta.number, meta.date) == ("07/KH-UBND", "2026-02-05")
    assert (meta.issuer, meta.issuer_level) == ("UBND xã An Lão", "xa")


def test_it_reads_an_appendix_date_wrapped_onto_the_next_line():
    text = """KẾ HOẠCH
Cải cách hành chính năm 2026
I. MỤC ĐÍCH
DANH MỤC NHIỆM VỤ (Kèm theo Kế hoạch số 69/KH-NV ngày 29 tháng 8 năm
2025 của Sở Nội vụ)
"""
    meta = extract_meta(lines(text))
    assert (meta.number, meta.date) == ("69/KH-NV", "2025-08-29")


def test_it_reads_a_word_header_table_and_a_replaced_plan():
    header = Table(
        rows=(
            ("ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG\nSỞ NỘI VỤ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            ("Số: 15/KH-SNV", "Hải Phòng, ngày 03 tháng 3 năm 2026"),
        )
    )
    body = (
        Block("KẾ HOẠCH"),
        Block("Cải cách hành chính 6 tháng đầu năm 2026"),
        Block("I. MỤC TIÊU"),
        Block("Kế hoạch này thay thế Kế hoạch số 3/KH-SNV ngày 10/01/2026."),
    )
    meta = extract_meta(Document(items=(header, *body)))
    assert (meta.number, meta.date) == ("15/KH-SNV", "2026-03-03")
    assert (meta.issuer, meta.issuer_level) == ("Sở Nội vụ thành phố Hải Phòng", "so")
    assert (meta.period_start, meta.period_end) == ("2026-01", "2026-06")
    assert meta.supersedes == ("3/KH-SNV",)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nghị quyết số 76/NQ-CP và 45-NQ/TW", ["76/NQ-CP", "45-NQ/TW"]),
        ("Nghi dinh 118/2025/ND-CP, Luat 226/2025/QH15", ["118/2025/NĐ-CP", "226/2025/QH15"]),
        ("Quyết định số 282/QĐ-TTg ngày 12/02/2026", ["282/QĐ-TTg"]),
        ("Nghị quyết số 76/NQ- CP; ngày 27/8/2025; Đề án 06/CP", ["76/NQ-CP"]),
    ],
)
def test_it_finds_document_numbers_and_restores_their_symbols(text, expected):
    assert find_citations(text) == expected


def test_it_parses_printed_and_ocr_dates():
    assert parse_date("Hưng Thắng, ngày 24 tháng 7 năm 2025") == "2025-07-24"
    assert parse_date("Himng Thing, ngay 24 thang 7 nam 2025") == "2025-07-24"
    assert parse_date("ngày 13 /10/2025") == "2025-10-13"
    assert parse_date("ngày 45 tháng 13 năm 2025") is None


def test_it_composes_issuers_of_each_level():
    assert compose_issuer("ỦY BAN NHÂN DÂN XÃ MAO ĐIỀN") == ("UBND xã Mao Điền", "xa")
    assert compose_issuer("ỦY BAN-NHÂN DÂN XÃ ĐẠI TỪ") == ("UBND xã Đại Từ", "xa")  # a speck read as a dash
    assert compose_issuer("UBND THÀNH PHỐ HẢI PHÒNG") == ("UBND thành phố Hải Phòng", "tinh")
    assert compose_issuer("So Ngoai vu", "thành phố Hai Phong") == ("Sở Ngoai vu thành phố Hai Phong", "so")
    assert compose_issuer("Ủy ban nhân dân xã") == (None, None)


def test_it_reports_a_missing_number_and_date():
    codes = [
        p.code
        for p in review_meta(
            Meta(
                issuer="UBND xã A", title="Cải cách hành chính năm 2026", period_start="2026-01", period_end="2026-12"
            ),
            lines("x"),
        )
    ]
    assert codes == ["header_number_missing", "header_date_missing"]


GOLD = sorted((SEEDS / "gold").glob("*.json"))


@pytest.mark.parametrize("gold_path", GOLD, ids=lambda p: p.stem)
def test_it_reads_the_seed_headers_as_the_gold_does(gold_path):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))["meta"]
    meta = run(SEEDS / json.loads(gold_path.read_text(encoding="utf-8"))["doc"]).meta
    assert (meta.number, meta.date) == (gold["number"], gold["date"])
    assert (meta.period_start, meta.period_end) == (gold["period_start"], gold["period_end"])
    assert meta.issuer_level == gold["issuer_level"]
    assert set(meta.bases) == set(gold["bases"])
    assert set(meta.supersedes) == set(gold["supersedes"])


# the header of the Sở Tư pháp's LibreOffice plan (tests/fixtures/other-pdf) down to its title, as its scans read it
DEPARTMENT_HEADER = """SỞ TƯ PHÁP CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 84/KH-STP Bắc Ninh, ngày 12 tháng 01 năm 2026
KẾ HOẠCH
Cải cách hành chính năm 2026 của Sở Tư pháp tỉnh Bắc Ninh
"""


def test_it_ends_the_province_of_a_department_before_the_next_lines_grounds():
    """The LibreOffice plan faxed: its title's last line and the first 'Căn cứ' were read as one paragraph."""
    header = DEPARTMENT_HEADER + "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành\n"
    assert extract_meta(lines(header)).issuer == "Sở Tư pháp tỉnh Bắc Ninh"


@pytest.mark.parametrize(
    ("number", "issuer", "mended"),
    [
        ("84/KH-SFP", "Sở Tư pháp tỉnh Bắc Ninh", "84/KH-STP"),  # LibreOffice plan, 200 dpi office scan
        ("84/KH-SFP", "Sở Từ pháp tỉnh Bắc Ninh", "84/KH-STP"),  # the issuer's marks misread too
        ("15/KH-UBN", "UBND xã Đại Từ", "15/KH-UBND"),  # Chromium plan faxed: its last letter lost
        ("07/KH-SGDĐI", "Sở Giáo dục và Đào tạo thành phố Hải Phòng", "07/KH-SGDĐT"),
        ("15/KH-BCĐ", "UBND xã Đại Từ", "15/KH-BCĐ"),  # a steering committee's plan: another body
        ("15/KH-UBND", "UBND xã Đại Từ", "15/KH-UBND"),
        ("12/KH-VP", "UBND xã Đại Từ", "12/KH-VP"),
        ("12/KH", "UBND xã Đại Từ", "12/KH"),
        ("84/KH-SFP", None, "84/KH-SFP"),
    ],
)
def test_it_mends_a_symbol_one_letter_off_the_issuer_the_header_names(number, issuer, mended):
    assert mend_symbol(number, issuer) == mended


def test_it_mends_the_symbol_of_a_scan_only():
    header = DEPARTMENT_HEADER.replace("84/KH-STP", "84/KH-SFP") + (
        "Căn cứ Kế hoạch số 84/KH-SFP của Sở Tư pháp và Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;\n"
    )
    typed = lines(header)
    scanned = Document(items=typed.items, problems=(Problem("ocr", "OCR"),))
    assert extract_meta(scanned).number == "84/KH-STP"
    assert extract_meta(scanned).bases == ("76/NQ-CP",)  # its own number, as read, is no basis
    assert extract_meta(typed).number == "84/KH-SFP"
