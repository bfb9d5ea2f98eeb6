"""Printed deadlines become dates; OCR damage and unknown wording do not crash."""

import datetime as dt

import pytest

from importer.deadlines import (
    Deadline,
    looks_like_deadline,
    mend_deadline,
    parse_deadline,
    readable,
    repair_deadline,
    restore_deadline,
    roman_quarters,
)

D = dt.date
START, END = D(2026, 1, 1), D(2030, 12, 31)

CASES = [
    ("Quý IV/2025", Deadline(D(2025, 10, 1), D(2025, 12, 31))),
    ("Quý 1/2026", Deadline(D(2026, 1, 1), D(2026, 3, 31))),
    ("Quy IV/2025", Deadline(D(2025, 10, 1), D(2025, 12, 31))),
    ("Quy 1V/2025", Deadline(D(2025, 10, 1), D(2025, 12, 31))),
    ("Quy TV/2025", Deadline(D(2025, 10, 1), D(2025, 12, 31))),
    ("6 tháng cuối năm 2025", Deadline(D(2025, 7, 1), D(2025, 12, 31))),
    ("6 tháng đầu năm 2026", Deadline(D(2026, 1, 1), D(2026, 6, 30))),
    ("6 thang cudi ndm 2025", Deadline(D(2025, 7, 1), D(2025, 12, 31))),
    ("6tháng cuối năm 2025", Deadline(D(2025, 7, 1), D(2025, 12, 31))),
    ("2026 - tháng 2/2027", Deadline(D(2026, 1, 1), D(2027, 2, 28))),
    ("2026-02/2027", Deadline(D(2026, 1, 1), D(2027, 2, 28))),
    ("2026-2030", Deadline(D(2026, 1, 1), D(2030, 12, 31))),
    ("2026 – 2030", Deadline(D(2026, 1, 1), D(2030, 12, 31))),
    ("20262030", Deadline(D(2026, 1, 1), D(2030, 12, 31))),
    ("2026.2030", Deadline(D(2026, 1, 1), D(2030, 12, 31))),
    ("Trong tháng 7/2025", Deadline(D(2025, 7, 1), D(2025, 7, 31))),
    ("tháng 7/2025", Deadline(D(2025, 7, 1), D(2025, 7, 31))),
    ("Trong thang 712025", Deadline(D(2025, 7, 1), D(2025, 7, 31))),
    ("Tháng 12 năm 2025", Deadline(D(2025, 12, 1), D(2025, 12, 31))),
    ("Năm 2026", Deadline(D(2026, 1, 1), D(2026, 12, 31))),
    ("trước ngày 10/12/2025", Deadline(None, D(2025, 12, 10))),
    ("Hàng năm", Deadline(START, END, True)),
    ("Hằng năm", Deadline(START, END, True)),
    ("Thường xuyên", Deadline(START, END, True)),
    ("Hane nim", Deadline(START, END, True)),
    ("Quý I năm 2026", Deadline(D(2026, 1, 1), D(2026, 3, 31))),
    ("Quý III - IV/2026", Deadline(D(2026, 7, 1), D(2026, 12, 31))),
    ("Quý I, II/2026", Deadline(D(2026, 1, 1), D(2026, 6, 30))),
    ("Tháng 3/2026", Deadline(D(2026, 3, 1), D(2026, 3, 31))),
    ("Tháng 3 - 4/2026", Deadline(D(2026, 3, 1), D(2026, 4, 30))),
    ("03/2026", Deadline(D(2026, 3, 1), D(2026, 3, 31))),
    ("Trước 30/6/2026", Deadline(None, D(2026, 6, 30))),
    ("Trước 30-6-2026", Deadline(None, D(2026, 6, 30))),
    ("Trước ngày 30 tháng 6 năm 2026", Deadline(None, D(2026, 6, 30))),
    ("Trước ngày 15/12 hằng năm", Deadline(START, D(2030, 12, 15), True)),
    ("Năm 2026-2027", Deadline(D(2026, 1, 1), D(2027, 12, 31))),
    ("202672030", Deadline(D(2026, 1, 1), D(2030, 12, 31))),  # the hyphen read as 7
    ("Đầu năm 2026", Deadline(D(2026, 1, 1), D(2026, 3, 31))),
    ("Giữa năm 2026", Deadline(D(2026, 4, 1), D(2026, 6, 30))),
    ("Cuối năm 2025", Deadline(D(2025, 10, 1), D(2025, 12, 31))),
    ("Cudi nim 2025", Deadline(D(2025, 10, 1), D(2025, 12, 31))),
    # a roman quarter as OCR reads it (II as H or 11, III as HI or IH, I as l), a month's 1 read as l
    ("Quý H/2026", Deadline(D(2026, 4, 1), D(2026, 6, 30))),
    ("Quý HI/2026", Deadline(D(2026, 7, 1), D(2026, 9, 30))),
    ("Quý IH năm 2026", Deadline(D(2026, 7, 1), D(2026, 9, 30))),
    ("Quý 11/2026", Deadline(D(2026, 4, 1), D(2026, 6, 30))),
    ("Quý lI/2026", Deadline(D(2026, 4, 1), D(2026, 6, 30))),
    ("Quý H - IV/2026", Deadline(D(2026, 4, 1), D(2026, 12, 31))),
    ("Tháng l2/2026", Deadline(D(2026, 12, 1), D(2026, 12, 31))),
    ("Theo tiến độ", Deadline(None, None)),  # unreadable: no date, not silently the period's end
    ("Theo văn bản chỉ đạo của", Deadline(None, None)),
    ("", Deadline(None, END)),
    (None, Deadline(None, END)),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_it_reads_printed_deadlines(text, expected):
    assert parse_deadline(text, START, END) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Quý IV/2025", True), ("Hàng năm", True), ("", True), (None, True), ("Theo tiến độ", False), ("Kịp thời", False)],
)
def test_it_tells_a_deadline_it_cannot_read(text, expected):
    assert readable(text) is expected


def test_it_falls_back_to_no_end_without_a_period():
    assert parse_deadline("Theo chỉ đạo") == Deadline(None, None)


@pytest.mark.parametrize(
    ("printed", "restored"),
    [
        ("Quy 1V/2025", "Quý IV/2025"),
        ("202672030", "2026-2030"),
        ("Quy III - 1V/2026", "Quý III - IV/2026"),
        ("Quy H/2026", "Quý II/2026"),
        ("Thang l2/2026", "tháng 12/2026"),
        ("thang 3 - 4/2026", "tháng 3 - 4/2026"),
        ("Dau nam 2026", "Đầu năm 2026"),
        ("6thang cuoi nam 2025", "6 tháng cuối năm 2025"),
        ("ngay 30 thang 6 nam 2026", None),  # a full date is left as printed
    ],
)
def test_it_restores_ocr_damaged_deadlines(printed, restored):
    assert restore_deadline(printed) == restored


@pytest.mark.parametrize(
    ("printed", "repaired"),
    [("202672030", "2026-2030"), ("2026.2030", "2026-2030"), ("Quý IV/2025", "Quý IV/2025"), ("20302026", "20302026")],
)
def test_it_mends_only_a_glued_year_range_in_a_clean_document(printed, repaired):
    assert repair_deadline(printed) == repaired


def test_it_tells_a_cell_giving_a_time_from_other_cells():
    assert all(looks_like_deadline(c) for c in ("Quý II/2026", "Hằng năm", "2026 - 2030", "Theo kế hoạch", "612026"))
    assert not any(looks_like_deadline(c) for c in ("Văn phòng UBND xã", "Báo cáo kết quả", "Rà soát thủ tục"))


@pytest.mark.parametrize(
    ("read", "mended"),
    [  # deadline cells as Tesseract read them on the 150/200 dpi office scans and the fax
        ("Quý1IV/2026", "Quý IV/2026"),  # a stroke before IV
        ("QuýH/2026", "Quý II/2026"),
        ("Qưý H/2026,", "Quý II/2026"),
        ("Quý.l1⁄2026", "Quý II/2026"),  # a fraction slash, a speck after Quý
        ("Quý IH/2026", "Quý III/2026"),
        ("Quý IHI/2026", "Quý III/2026"),
        ("'Quýl IV/2026", "Quý IV/2026"),
        ("-QuýlV/2026", "Quý IV/2026"),
        ("Quý1⁄2026", "Quý I/2026"),
        ("Quý 12026", "Quý I/2026"),  # the slash lost
        ("Trước 31122026", "Trước 31/12/2026"),
        ("Năm2026", "Năm 2026"),
        ("6 tháng cuối năm2026", "6 tháng cuối năm 2026"),
    ],
)
def test_it_mends_an_ocr_damaged_deadline_keeping_its_wording(read, mended):
    assert mend_deadline(read) == mended
    assert readable(mended)


@pytest.mark.parametrize(
    "printed",
    [
        "Tháng 02/2026",
        "Quý IV/2026",
        "Quý III - IV/2026",
        "Quý I, II/2026",
        "Quý 3/2026",
        "Quý II năm 2026",
        "2026-2030",
        "Hằng năm",
        "Trước 30/6/2026",
        "Quý 2026",
        "Quý I/⁄2026",
    ],
)
def test_it_leaves_a_deadline_without_ocr_damage_as_printed(printed):
    # 'Quý 2026' lost its numeral and 'Quý I/⁄2026' may be II: no quarter is guessed
    assert mend_deadline(printed) == printed


def test_it_writes_a_first_quarter_read_as_1_in_the_plans_own_style():
    assert roman_quarters(["Quý 1/2026", "QuýH/2026", None])
    assert not roman_quarters(["Quý 1/2026", "Quý 3/2026"])
    assert not roman_quarters(["Năm 2026"])
    assert mend_deadline("Quý 1/2026", roman_quarters=True) == "Quý I/2026"
    assert mend_deadline("Quý 1/2026", roman_quarters=False) == "Quý 1/2026"
    assert mend_deadline("Quý 12026", roman_quarters=False) == "Quý 12026"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Quý II", Deadline(D(2026, 4, 1), D(2026, 6, 30))),
        ("Quý III - IV", Deadline(D(2026, 7, 1), D(2026, 12, 31))),
        ("Trước 30/6", Deadline(None, D(2026, 6, 30))),
        ("Tháng 3", Deadline(D(2026, 3, 1), D(2026, 3, 31))),
        ("Cuối năm", Deadline(D(2026, 10, 1), D(2026, 12, 31))),
        ("Theo tiến độ", Deadline(None, None)),  # still no date: not the year's end
    ],
)
def test_it_reads_a_time_without_its_year_in_the_year_of_a_plan_for_one_year(text, expected):
    """A ward's plan for 2026 (tests/fixtures/other-unseen2) writes 'Quý II', 'Trước 30/6' in its 'Thời gian'
    column: of 2026. In a plan for 2026-2030 the year is not known, and the reviewer is asked."""
    assert parse_deadline(text, D(2026, 1, 1), D(2026, 12, 31)) == expected
    assert readable(text, D(2026, 1, 1), D(2026, 12, 31)) is (expected.end is not None)
    assert not readable(text, D(2026, 1, 1), D(2030, 12, 31))
