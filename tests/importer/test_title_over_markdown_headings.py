"""A plan copied from a site as Markdown marks its parts as headings ('# KẾ HOẠCH', '## Cải cách …',
'### I. MỤC TIÊU', as the Báo cáo of tests/fixtures/other-unseen2 does): the title ends where the first part
heading starts, its marks or not."""

from importer.pipeline import run

PLAN = """**ỦY BAN NHÂN DÂN XÃ NAM ĐÀN** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**
---|---
Số: 20/KH-UBND | Độc lập - Tự do - Hạnh phúc
 | *Nam Đàn, ngày 12 tháng 01 năm 2026*

# KẾ HOẠCH

## Cải cách hành chính năm 2026

### I. MỤC TIÊU

- Tỷ lệ hồ sơ được giải quyết đúng hạn đạt 100%.

### II. NHIỆM VỤ

| TT | Nhiệm vụ | Cơ quan chủ trì | Thời gian | Sản phẩm |
|---|---|---|---|---|
| 1 | Rà soát thủ tục hành chính | Văn phòng HĐND và UBND xã | Quý II/2026 | Báo cáo |
"""


def test_it_ends_the_title_at_a_part_heading_marked_in_markdown(tmp_path):
    path = tmp_path / "ke-hoach.md"
    path.write_text(PLAN, encoding="utf-8")
    meta = run(path).meta
    assert (meta.number, meta.issuer, meta.title) == ("20/KH-UBND", "UBND xã Nam Đàn", "Cải cách hành chính năm 2026")
