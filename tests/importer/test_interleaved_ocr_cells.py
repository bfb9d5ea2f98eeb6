"""Interleaved lines of an OCR'd table that lost its diacritics: where one cell ends and the next goes on.

* a speck OCR read after a cell's last word ('So Khoa hoc va \\'') does not close a cell its last word leaves
  open, so the next line's 'Cong nghe' carries it on;
* a plural ('Các', read 'Cac', 'Céc', 'Caf') opens the next cell even when OCR garbled the word after it
  ('Van phong Cac phvongq': the lead 'Văn phòng', then the partners);
* a fragment in lower case after the lead goes on with the partners cell begun, not into the output;
* 'Văn phòng' and 'thuộc' with a speck OCR read inside them ('Van p}long', 'thu?c') still name a body and
  join the partners cell begun a line higher ('Cac phong' + 'thu?c So, Van' → the partners, 'Van p}long' the lead);
* a recurring deadline in capitals after the content ('… cai cach Hang nam Bao cao') ends the content there."""

from importer.table_lines import Line, parse_lines


def test_it_carries_an_open_cell_on_past_a_speck_after_its_last_word():
    lines = [
        Line("1 | Phat trien cac he thong dac thu | Van phong | Cac phong thuoc So, | 2026-2030 | Phan mem"),
        Line("kiem thoi gian, chi phi trien khai So Khoa hoc va '"),
        Line("ket noi, chia se du lieu Cong nghe"),
    ]
    row = parse_lines(lines)[0]
    assert row[1].endswith("chia se du lieu")
    assert row[3] == "Cac phong thuoc So, So Khoa hoc va ' Cong nghe"


def test_it_opens_the_partners_cell_at_a_plural_whose_next_word_ocr_garbled():
    lines = [
        Line("1 | Doi moi cong tac tuyen dung, su dung | van phong Cac phvongq | 2026-2030 | Ke hoach"),
        Line("can bo, cong chuc, vien chuc"),
    ]
    row = parse_lines(lines)[0]
    assert row[2:4] == ("van phong", "Cac phvongq")


def test_it_adds_a_lower_case_fragment_after_the_lead_to_the_partners_cell():
    lines = [
        Line("Thuc hien theo huong dan ve doi moi phuong phap | van phong | Cac phong"),
        Line("6 | minh bach, luong hoa cac tieu chi danh gia | thuoc So, So Noi vu | 2026-2030 | Ke hoach"),
    ]
    row = parse_lines(lines)[0]
    assert row[2:6] == ("van phong", "Cac phong thuoc So, So Noi vu", "2026-2030", "Ke hoach")


def test_it_knows_an_agency_and_its_member_word_with_a_speck_inside():
    lines = [
        Line("Thuong xuyen cap nhat, cong khai thu tuc hanh chinh | Cac phong"),
        Line("tao thuan loi cho nguoi dan tim Van p}long thu?c S0, Van 2026-2030 Co so du lieu"),
        Line("hieu va thuc hien. | phong UBND"),
    ]
    row = parse_lines(lines)[0]
    assert row[1].endswith("nguoi dan tim hieu va thuc hien.")
    assert row[2:5] == ("Van p}long", "Cac phong thu?c S0, Van phong UBND", "2026-2030")


def test_it_ends_the_content_at_a_recurring_deadline_written_in_capitals():
    lines = [
        Line("Tu danh gia, cham diem cong tac cai cach | Van phong"),
        Line("1 | hanh chinh hang nam cua thanh pho Hang nam Bao cao"),
    ]
    row = parse_lines(lines)[0]
    assert row[1] == "Tu danh gia, cham diem cong tac cai cach hanh chinh hang nam cua thanh pho"
    assert row[4:6] == ("Hang nam", "Bao cao")
