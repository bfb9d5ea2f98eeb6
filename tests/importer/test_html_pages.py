"""An HTML page saved from a site reads as the document: its tables as rows (merged cells repeated), the
site's banner, metadata table and trailing lists left out."""

from importer.model import Block, Table
from importer.readers.html import html_lines
from importer.readers.text import read_text

PAGE = """<!DOCTYPE html><html><head><title>Kế hoạch 27/KH-SNV</title><script>var x = "<p>no</p>";</script></head>
<body><div><a href="/">Trang chủ</a> » Văn bản pháp luật</div><ul><li>Đăng nhập</li><li>Tra cứu</li></ul>
<table><tr><td>Số hiệu:</td><td>27/KH-SNV</td></tr><tr><td>Người ký:</td><td>Nguyễn Viết Hưng</td></tr>
<tr><td>Ngày ban hành:</td><td>15/01/2026</td></tr></table>
<p>UBND TỈNH NGHỆ AN<br><b>SỞ NỘI VỤ</b></p>
<p><b>KẾ HOẠCH</b></p><p>Cải cách hành chính năm 2026</p>
<table><tr><th rowspan="2">TT</th><th rowspan="2">Nội dung</th><th colspan="2">Cơ quan thực hiện</th></tr>
<tr><th>Chủ trì</th><th>Phối hợp</th></tr>
<tr><td>1</td><td>Rà soát<br>thủ tục</td><td>Văn phòng Sở</td><td></td></tr></table>
<p>Nơi nhận:</p><p>GIÁM ĐỐC</p>
<h3>Văn bản liên quan</h3><ul><li>Tỷ lệ hồ sơ trực tuyến đạt 45%</li></ul></body></html>"""


def test_it_reads_merged_cells_in_each_place_they_cover():
    tables = [line for line in html_lines(PAGE) if not isinstance(line, str)]
    rows = tables[-1][0]
    assert rows == (
        ("TT", "Nội dung", "Cơ quan thực hiện", "Cơ quan thực hiện"),
        ("TT", "Nội dung", "Chủ trì", "Phối hợp"),
        ("1", "Rà soát\nthủ tục", "Văn phòng Sở", ""),
    )


def test_it_leaves_out_the_sites_banner_metadata_and_trailing_lists(tmp_path):
    path = tmp_path / "ke-hoach.html"
    path.write_text(PAGE, encoding="utf-8")
    items = read_text(path).items
    texts = [item.text for item in items if isinstance(item, Block)]
    assert texts[0] == "UBND TỈNH NGHỆ AN"
    assert texts[-1] == "GIÁM ĐỐC"
    assert not any("27/KH-SNV" in " ".join(row) for item in items if isinstance(item, Table) for row in item.rows)
    assert "no" not in texts and not any("45%" in text for text in texts)


def test_it_keeps_a_document_without_a_site_around_it_whole():
    lines = html_lines("<html><body><p>Kế hoạch</p><p>Văn bản liên quan</p></body></html>")
    assert lines == ["Kế hoạch", "Văn bản liên quan"]
