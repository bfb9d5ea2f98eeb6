# ruff: noqa: E501  (the page keeps a table row on one line, as a site gives it)
"""A province portal's plan (tests/fixtures/other-unseen3) heads each reform area of its task table with a row
'I | Cải cách thủ tục hành chính' in sentence case whose title cell is merged across the other columns
(colspan), so every reader repeats the title in each column it covers. That row names a section; a task row
is not one even when its cells all say the same."""

from importer.pipeline import run

TD = "<td style='border:1px solid #000'>"
PAGE = f"""<!DOCTYPE html><html><body>
<p>ỦY BAN NHÂN DÂN PHƯỜNG HÒA KHÁNH</p><p>Số: 27/KH-UBND</p>
<p><b>KẾ HOẠCH</b></p><p><b>Cải cách hành chính năm 2026</b></p>
<p><b>A. MỤC TIÊU</b></p><p>- Tỷ lệ hồ sơ giải quyết trực tuyến đạt tối thiểu 80%.</p>
<p><b>B. NHIỆM VỤ TRỌNG TÂM</b></p>
<table>
<tr><th>TT</th><th>Nhiệm vụ</th><th>Đơn vị chủ trì</th><th>Thời gian thực hiện</th></tr>
<tr>{TD}I</td><td colspan="3">Cải cách thủ tục hành chính</td></tr>
<tr>{TD}1</td>{TD}Niêm yết thủ tục hành chính tại Trung tâm</td>{TD}Văn phòng HĐND và UBND phường</td>{TD}Cả năm</td></tr>
<tr>{TD}II</td><td colspan="3">Xây dựng chính quyền số</td></tr>
<tr>{TD}2</td>{TD}Triển khai hệ thống quản lý văn bản</td>{TD}Công an phường</td>{TD}Tháng 6/2026</td></tr>
</table>
<p><b>C. TỔ CHỨC THỰC HIỆN</b></p><p>Các phòng triển khai thực hiện./.</p>
</body></html>"""


def test_it_reads_a_row_merged_across_under_a_roman_numeral_as_a_section(tmp_path):
    path = tmp_path / "ke-hoach.html"
    path.write_text(PAGE, encoding="utf-8")
    tasks = run(path).tasks
    assert [(t.section, t.no, t.lead) for t in tasks] == [
        ("I", "1", "Văn phòng HĐND và UBND phường"),
        ("II", "2", "Công an phường"),
    ]


ARABIC = PAGE.replace(">I</td>", ">1</td>").replace(">II</td>", ">2</td>")
ARABIC = ARABIC.replace(">1</td>{TD}Niêm".replace("{TD}", TD), ">1.1</td>{TD}Niêm".replace("{TD}", TD))
ARABIC = ARABIC.replace(">2</td>{TD}Triển".replace("{TD}", TD), ">2.1</td>{TD}Triển".replace("{TD}", TD))


def test_it_reads_an_arabic_numbered_area_row_merged_across_as_a_section(tmp_path):
    """A commune's plan kept by an e-mail client (tests/fixtures/other-unseen5): '1 | Cải cách thủ tục hành chính'
    merged across the row over tasks 1.1, 1.2; the reader repeats the title in each column it covers."""
    path = tmp_path / "ke-hoach.html"
    path.write_text(ARABIC, encoding="utf-8")
    tasks = run(path).tasks
    assert [(t.section, t.no, t.lead) for t in tasks] == [
        ("1", "1.1", "Văn phòng HĐND và UBND phường"),
        ("2", "2.1", "Công an phường"),
    ]
