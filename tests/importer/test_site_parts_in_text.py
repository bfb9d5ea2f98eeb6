"""Markdown copied from a legal-document site: the banner and the metadata table before the letterhead and the
lists after the signature are the site's, not the plan's; a plan without a site around it is kept whole."""

from importer.model import Block, Table
from importer.readers.text import drop_site_chrome, split_tables

PAGE = """Trang chủ » Văn bản pháp luật » Hành chính
Đăng nhập | Đăng ký
| Số hiệu: | 12/KH-UBND | Loại văn bản: | Kế hoạch |
|---|---|---|---|
| Cơ quan ban hành: | Tỉnh Lâm Đồng | Người ký: | Trần Văn Hiệp |
| Ngày ban hành: | 08/01/2026 | Tình trạng: | Còn hiệu lực |

**ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG**
Số: 12/KH-UBND
**KẾ HOẠCH**
Cải cách hành chính năm 2026
Tỷ lệ hồ sơ trực tuyến đạt tối thiểu 70%.
Nơi nhận:
- Bộ Nội vụ;
**CHỦ TỊCH**
Trần Văn Hiệp
**PHỤ LỤC**
Danh mục nhiệm vụ
### Văn bản liên quan
- Kế hoạch 912/KH-UBND cải cách hành chính 2025, tỷ lệ đạt 45%
Bản quyền © 2026"""


def test_it_leaves_out_the_sites_banner_metadata_and_lists():
    items = drop_site_chrome(split_tables(PAGE.splitlines()))
    texts = [item.text for item in items if isinstance(item, Block)]
    assert texts[0] == "**ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG**"
    assert not any(isinstance(item, Table) for item in items)
    assert texts[-2:] == ["**PHỤ LỤC**", "Danh mục nhiệm vụ"]  # the appendix after the signature stays


def test_it_keeps_a_plan_that_only_names_a_site_word_whole():
    lines = ["UBND XÃ AN LÃO", "KẾ HOẠCH", "Tra cứu hồ sơ trực tuyến đạt 100%.", "Văn bản liên quan đến kế hoạch"]
    items = drop_site_chrome(split_tables(lines))
    assert [item.text for item in items] == lines
