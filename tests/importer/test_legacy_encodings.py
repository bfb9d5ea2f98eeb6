"""Text typed in the legacy Vietnamese encodings (TCVN3 .VnTime, VNI) is detected and converted to Unicode."""

from pathlib import Path

from importer import legacy
from importer.pipeline import run
from importer.readers.text import decode, read_text

OTHER = Path(__file__).resolve().parents[1] / "fixtures" / "other"


def test_it_converts_tcvn3_by_the_published_table():
    # TCVN3 codes as .VnTime text shows them through Windows-1252: 'Ch­¬ng tr×nh' is 'Chương trình'
    assert legacy.detect("Ch\xad\xacng tr\xd7nh c\xb6i c\xb8ch hµnh chÝnh nhµ n\xad\xedc") == "tcvn3"
    converted = legacy.to_unicode("Ch\xad\xacng tr\xd7nh c\xb6i c\xb8ch hµnh chÝnh", "tcvn3")
    assert converted == "Chương trình cải cách hành chính"
    assert legacy.to_unicode("§éc lËp - Tù do - H¹nh phóc", "tcvn3") == "Độc lập - Tự do - Hạnh phúc"


def test_it_gives_a_line_typed_with_the_capitals_font_in_capitals():
    # .VnTimeH draws capitals at the small letters' codes
    assert legacy.to_unicode("KÕ HO¹CH C¶I C¸CH HµNH CHÝNH", "tcvn3") == "KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH"
    assert legacy.to_unicode("Së Néi vô", "tcvn3") == "Sở Nội vụ"


def test_it_converts_vni():
    text = "Keá hoaïch caûi caùch haønh chính naêm 2026 cuûa xaõ Ñoâng Höng"
    assert legacy.detect(text) == "vni"
    assert legacy.to_unicode(text, "vni") == "Kế hoạch cải cách hành chính năm 2026 của xã Đông Hưng"


def test_it_leaves_unicode_and_plain_ascii_alone():
    assert legacy.detect("Kế hoạch cải cách hành chính năm 2026 của Ủy ban nhân dân xã") is None
    assert legacy.detect("Ke hoach cai cach hanh chinh nam 2026") is None
    assert decode("Kế hoạch".encode()) == ("Kế hoạch", "utf-8")


def test_it_reads_a_tcvn3_file_and_says_it_converted_it():
    document = read_text(OTHER / "xa_anlao_kh_cchc_2026_tcvn3.txt")
    assert [p.code for p in document.problems] == ["legacy_encoding"]
    assert "TCVN3" in document.problems[0].message
    plan = run(OTHER / "xa_anlao_kh_cchc_2026_tcvn3.txt")
    assert plan.meta.title == "Cải cách hành chính năm 2026 của xã An Lão"
    assert plan.tasks[0].lead == "Văn phòng HĐND và UBND xã"
