"""Specks on an office scan that Tesseract reads as marks: dropped where they are dust ('Năm 2026 .', a
number cell of '„ —'), kept where they are letters it only doubted ('KẾ' of the title). The words and
cells below are as Tesseract read the 150 dpi office scan of the Chromium plan (bench/bench_scans.py)."""

from __future__ import annotations

from importer.header import extract_meta, find_citations
from importer.model import Block, Document, Location, Table
from importer.readers.ocr import despeckle, place_sheet, speck
from importer.tasks import extract_tasks

HEAD = ("TT", "Nội dung nhiệm vụ", "Chủ trì", "Phối hợp", "Thời gian hoàn thành", "Sản phẩm")


def test_it_keeps_a_title_word_tesseract_doubted_and_drops_the_specks():
    assert not speck("KẾ", 11, 14)  # 'KẾ HOẠCH' in bold: the plan's title hangs on it
    assert not speck("xã", 20, 10)
    assert not speck("II.", 5, 10) and not speck("5", 3, 10)  # a part's or a task's number
    assert speck(".", 0, 1) and speck(":", 10, 1) and speck("ø", 12, 3)
    assert speck("ii", 10, 2)  # two letters, but a speck's size
    assert speck("_", 0, 11)
    assert not speck(".", 88, 1)  # read with confidence: left to despeckle


def test_it_leaves_lone_marks_out_of_a_line_and_keeps_those_a_word_ends_with():
    assert despeckle("Năm 2026 .".split()) == ["Năm", "2026"]
    assert despeckle("Trung tâm Phục vụ hành chính . công".split()) == "Trung tâm Phục vụ hành chính công".split()
    assert despeckle("Văn phòng HĐNDvà -` MBNDxã -".split()) == ["Văn", "phòng", "HĐNDvà", "MBNDxã"]
    assert despeckle("Thái Nguyên về cải cách hành chính năm 2026; .".split())[-1] == "2026;"
    assert despeckle("Phòng Văn hóa - Xã hội".split()) == "Phòng Văn hóa - Xã hội".split()  # a dash between words
    assert despeckle("Thủ tục được niêm yết.".split()) == "Thủ tục được niêm yết.".split()
    assert despeckle(["„", "—"]) == []
    assert despeckle(["`5"]) == ["5"]  # a section row's number: '`5 | Xây dựng chính quyền số' was read as a task
    assert despeckle(['"Một', 'cửa"']) == ['"Một', 'cửa"']  # quotes are printed


def test_it_places_the_words_of_a_line_without_its_specks():
    words = [(100.0, 50.0, 1, "Năm"), (130.0, 50.0, 1, "2026"), (150.0, 50.0, 1, "."), (160.0, 50.0, 1, ",")]

    placed, _ = place_sheet([(words, [], 595.0, 842.0)], 1)

    assert [item.text for _, item in placed] == ["Năm 2026"]


def test_it_carries_on_a_cut_row_whose_number_cell_is_specks():
    first = Table(
        rows=(
            HEAD,
            ("2", "Cải cách thủ tục hành chính", "", "", "", ""),
            ("2.1", "Niêm yết công khai thủ tục hành chính", "Trung tâm Phục vụ hành chính công", "", "", ""),
            ("2.2", "Hướng dẫn người dân nộp hồ sơ trực tuyến, thanh toán phí,", "Trung tâm Phục vụ hành chính công",
             "Đoàn Thanh niên xã", "Năm 2026", "Hồ sơ trực tuyến"),
        )
    )  # fmt: skip
    second = Table(
        rows=(
            ("„ —", "lệ phí trực tuyến", "", "", "", ""),
            ("2.3", "Tiếp nhận, xử lý phản ánh, kiến nghị", "Trung tâm Phục vụ hành chính công", "", "", ""),
        )
    )

    tasks, _ = extract_tasks(Document(items=(first, Block("5", Location(page=2)), second)))

    assert [task.no for task in tasks] == ["2.1", "2.2", "2.3"]
    assert tasks[1].content.endswith("thanh toán phí, lệ phí trực tuyến")
    assert tasks[1].lead == "Trung tâm Phục vụ hành chính công"


def test_it_reads_a_citation_a_speck_glued_to_so():
    assert find_citations("Căn cứ Kế hoạch số.210/KH-UBND ngày 30/12/2025 của Ủy ban nhân dân tỉnh") == ["210/KH-UBND"]
    assert find_citations("đạt 1.210/KH") == []  # the tail of a figure is still no number


def test_it_does_not_take_the_place_after_the_number_for_a_part_of_its_symbol():
    header = Document(
        items=tuple(
            Block(text, Location(line=n))
            for n, text in enumerate(
                (
                    "ỦY BAN-NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA",
                    "XÃ ĐẠI TỪ VIỆT NAM",
                    "Độc lập - Tự do - Hạnh phúc",
                    "Số: 15KH-UBND - Đại Từ, ngày 20 tháng 01 nắm.2026",
                    "KẾ HOẠCH",
                    "Cải cách hành chính năm 2026 trên địa bàn xã Đại Từ",
                ),
                1,
            )
        )
    )

    meta = extract_meta(header)

    assert (meta.number, meta.date) == ("15/KH-UBND", "2026-01-20")


def test_it_keeps_a_garbled_header_cell_in_its_usual_place_once_its_specks_are_gone():
    row = ("1.1", "Ban hành Kế hoạch kiểm tra", "Văn phòng HĐND và UBND xã", "Phòng Văn hóa - Xã hội", "Tháng 02/2026")
    garbled = Table(rows=(("TT", "Nội dung nhiệm vụ", "Chủ trì", "DRẨNỐp", "Thời gian hoàn thành"), row))
    own = Table(rows=(("TT", "Nội dung nhiệm vụ", "Chủ trì", "Kinh phí", "Thời gian hoàn thành"), row))

    (read,), _ = extract_tasks(Document(items=(garbled,)))
    (other,), _ = extract_tasks(Document(items=(own,)))

    assert read.partners == "Phòng Văn hóa - Xã hội"  # no syllable starts 'dr': OCR's, not a column of its own
    assert other.partners is None
