"""Plans in layouts the seeds do not show import as a person reading them would.

Each plan is small but shaped like a real one: a ward plan in lettered parts with several 'Căn cứ'
lines and targets worded in other ways (tests/fixtures/unseen/*.txt); a department plan, a ward plan
and a commune plan typed into Word with task tables whose columns are named, ordered and numbered
otherwise than in the seeds (built here with python-docx); a commune plan in Markdown whose task table
is a pipe table; plans saved as text whose task table came out one cell per line, its columns in
another order than the seeds'.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from importer.pipeline import run

UNSEEN = Path(__file__).resolve().parents[1] / "fixtures" / "unseen"


def _targets(plan) -> list[tuple[float, str, str, str | None]]:
    return [(t.value, t.unit, t.comparator, t.area) for t in plan.targets]


def _tasks(plan) -> list[tuple[str | None, str | None, str | None, str | None, str | None]]:
    return [(t.section, t.no, t.lead, t.partners, t.deadline) for t in plan.tasks]


# --- a ward plan as text: lettered parts, 'Căn cứ' lines, targets worded otherwise ---------------


@pytest.fixture(scope="module")
def ward_text():
    return run(UNSEEN / "phuong_nam_2026.txt")


def test_it_reads_the_header_bases_and_replaced_plan_of_a_ward_plan(ward_text):
    meta = ward_text.meta
    assert (meta.number, meta.issuer, meta.issuer_level, meta.date) == (
        "07/KH-UBND",
        "UBND phường Bạch Đằng",
        "xa",
        "2026-01-08",
    )
    assert (meta.period_start, meta.period_end) == ("2026-01", "2026-12")
    assert meta.bases == ("76/NQ-CP", "3470/QĐ-UBND", "1234/KH-UBND")
    assert meta.supersedes == ("98/KH-UBND",)
    assert (meta.signer, meta.signer_title) == ("Trần Văn Nam", "Chủ tịch")


def test_it_reads_targets_worded_in_other_ways(ward_text):
    assert _targets(ward_text) == [
        (100.0, "%", "=", "chi_dao_dieu_hanh"),  # 'Phấn đấu hoàn thành 100% …'
        (10.0, "cuộc", ">=", "chi_dao_dieu_hanh"),  # 'ít nhất 10 cuộc kiểm tra'
        (4.0, "lớp", "=", "chi_dao_dieu_hanh"),  # '04 lớp tập huấn'
        (10.0, "hạng", "<=", "chi_dao_dieu_hanh"),  # 'xếp trong nhóm 10 đơn vị dẫn đầu'
        (90.0, "%", ">=", "tthc"),  # 'đạt từ 90% trở lên'
        (95.0, "%", ">=", "tthc"),  # 'không dưới 95%'
        (80.0, "%", ">=", "tthc"),  # 'đạt ít nhất 80%'
        (50.0, "%", ">=", "chinh_phu_so"),  # 'tối thiểu 50% … và 30% …': two targets, one comparator
        (30.0, "%", ">=", "chinh_phu_so"),
    ]
    assert {t.phase for t in ward_text.targets} == {"năm 2026"}
    two = [t for t in ward_text.targets if t.area == "chinh_phu_so"]
    assert two[0].text == two[1].text and two[0].text.startswith("Tỷ lệ hồ sơ được số hóa")


def test_it_reads_the_agencies_and_a_reporting_regime_worded_otherwise(ward_text):
    assert ward_text.agencies == (
        "Phòng Văn hóa - Xã hội",
        "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường",
        "Trung tâm Phục vụ hành chính công",
    )
    assert [(r.frequency, r.to, r.deadline) for r in ward_text.reporting] == [
        (frequency, "Phòng Văn hóa - Xã hội", "trước ngày 15 tháng cuối quý")
        for frequency in ("quarterly", "semiannual", "annual")
    ]


# --- plans typed into Word, task tables in other shapes ------------------------------------------


def _header_table(d, left: list[str], right: list[str]) -> None:
    """The number and motto block as Word users type it: a two-column table without borders."""
    t = d.add_table(rows=len(left), cols=2)
    for i, (a, b) in enumerate(zip(left, right, strict=True)):
        t.cell(i, 0).text = a
        t.cell(i, 1).text = b


def _task_table(d, header: list[str], rows: list[tuple[str, ...]]) -> None:
    t = d.add_table(rows=1, cols=len(header))
    for i, h in enumerate(header):
        t.cell(0, i).text = h
    for row in rows:
        for cell, text in zip(t.add_row().cells, row, strict=True):
            cell.text = text


def _department_plan(path: Path) -> None:
    d = docx.Document()
    _header_table(
        d,
        ["UBND THÀNH PHỐ HẢI PHÒNG", "SỞ NỘI VỤ", "Số: 215/KH-SNV"],
        ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Hải Phòng, ngày 15 tháng 01 năm 2026"],
    )
    for p in [
        "KẾ HOẠCH",
        "Cải cách hành chính năm 2026 của Sở Nội vụ",
        "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành "
        "chính nhà nước giai đoạn 2021-2030;",
        "Căn cứ Quyết định số 3470/QĐ-UBND ngày 27/8/2025 của Ủy ban nhân dân thành phố;",
        "Căn cứ Kế hoạch số 301/KH-UBND ngày 30/12/2025 của Ủy ban nhân dân thành phố về cải cách hành chính năm 2026,",
        "Sở Nội vụ ban hành Kế hoạch cải cách hành chính năm 2026 như sau:",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "Bảo đảm thực hiện đồng bộ các nhiệm vụ cải cách hành chính của Sở.",
        "II. MỤC TIÊU",
        "1. Phấn đấu 100% thủ tục hành chính thuộc thẩm quyền giải quyết của Sở được cung cấp dịch vụ công trực "
        "tuyến toàn trình.",
        "2. Tỷ lệ hồ sơ giải quyết trước và đúng hạn đạt từ 98% trở lên.",
        "3. Chỉ số cải cách hành chính của Sở xếp thứ 3 trở lên trong khối sở, ngành.",
        "III. NHIỆM VỤ",
        "Nhiệm vụ cụ thể tại Phụ lục kèm theo Kế hoạch này.",
        "IV. TỔ CHỨC THỰC HIỆN",
        "1. Văn phòng Sở",
        "Là đầu mối tham mưu Giám đốc Sở theo dõi, đôn đốc thực hiện Kế hoạch; tổng hợp báo cáo định kỳ hằng quý, 6 "
        "tháng, năm gửi Ủy ban nhân dân thành phố trước ngày 15 tháng cuối quý.",
        "2. Các phòng, đơn vị thuộc Sở",
        "Căn cứ nhiệm vụ được giao, chủ động triển khai thực hiện.",
        "Nơi nhận:",
        "- UBND thành phố;",
        "- Lưu: VT, VP.",
        "GIÁM ĐỐC",
        "Nguyễn Thị Hà",
        "PHỤ LỤC",
        "DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026",
        "(Kèm theo Kế hoạch số 215/KH-SNV ngày 15/01/2026 của Sở Nội vụ)",
    ]:
        d.add_paragraph(p)
    _task_table(
        d,
        ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện", "Kết quả/Sản phẩm"],
        [
            ("1", "Cải cách thể chế", "", "", "", ""),
            (
                "1.1",
                "Rà soát văn bản quy phạm pháp luật thuộc lĩnh vực nội vụ",
                "Thanh tra Sở",
                "Các phòng thuộc Sở",
                "Quý I/2026",
                "Báo cáo rà soát",
            ),
            (
                "1.2",
                "Tham mưu ban hành quy định phân cấp quản lý cán bộ",
                "Phòng Tổ chức cán bộ",
                "Văn phòng Sở",
                "Tháng 3/2026",
                "Quyết định của UBND thành phố",
            ),
            ("2", "Cải cách thủ tục hành chính", "", "", "", ""),
            (
                "2.1",
                "Công bố danh mục thủ tục hành chính sửa đổi, bổ sung",
                "Văn phòng Sở",
                "",
                "Trước 30/6/2026",
                "Quyết định công bố",
            ),
            (
                "2.2",
                "Kiểm tra công tác giải quyết thủ tục hành chính",
                "Văn phòng Sở",
                "Thanh tra Sở",
                "Trước ngày 15/12 hằng năm",
                "Báo cáo kiểm tra",
            ),
            ("3", "Chính quyền số", "", "", "", ""),
            (
                "3.1",
                "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
                "Văn phòng Sở",
                "Trung tâm Phục vụ hành chính công thành phố",
                "Năm 2026-2027",
                "Dữ liệu số hóa",
            ),
            (
                "3.2",
                "Duy trì hệ thống quản lý văn bản và điều hành",
                "Văn phòng Sở",
                "",
                "Thường xuyên",
                "Hệ thống vận hành ổn định",
            ),
        ],
    )
    d.save(path)


def _ward_plan(path: Path) -> None:
    d = docx.Document()
    for p in [
        "ỦY BAN NHÂN DÂN PHƯỜNG LÊ CHÂN",
        "Số: 03/KH-UBND",
        "Lê Chân, ngày 06 tháng 01 năm 2026",
        "KẾ HOẠCH",
        "Thực hiện công tác cải cách hành chính 6 tháng đầu năm 2026",
        "Thực hiện Kế hoạch số 1234/KH-UBND ngày 26/12/2025 của Ủy ban nhân dân thành phố; Ủy ban nhân dân phường "
        "ban hành Kế hoạch như sau:",
        "1. MỤC TIÊU",
        "Tỷ lệ hồ sơ trực tuyến đạt tối thiểu 70% và tỷ lệ thanh toán trực tuyến đạt tối thiểu 60%.",
        "2. NHIỆM VỤ",
        "Các nhiệm vụ cụ thể như sau:",
    ]:
        d.add_paragraph(p)
    _task_table(
        d,
        ["TT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời hạn hoàn thành", "Sản phẩm", "Ghi chú"],
        [
            ("A", "CẢI CÁCH THỂ CHẾ", "", "", "", ""),
            (
                "1",
                "Tự kiểm tra văn bản quy phạm pháp luật do phường ban hành",
                "Văn phòng HĐND và UBND phường",
                "Theo tiến độ",
                "Báo cáo",
                "",
            ),
            (
                "2",
                "Rà soát, hệ thống hóa văn bản",
                "Văn phòng HĐND và UBND phường",
                "6 tháng đầu năm 2026",
                "Báo cáo kết quả rà soát",
                "Định kỳ",
            ),
            ("B", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "", "", "", ""),
            (
                "3",
                "Niêm yết công khai thủ tục hành chính",
                "Trung tâm Phục vụ hành chính công phường",
                "Thường xuyên",
                "Danh mục TTHC niêm yết",
                "",
            ),
        ],
    )
    d.add_paragraph("3. TỔ CHỨC THỰC HIỆN")
    d.add_paragraph(
        "Các cơ quan, đơn vị báo cáo kết quả thực hiện hằng quý gửi Phòng Văn hóa - Xã hội trước ngày 10 tháng cuối "
        "quý."
    )
    d.add_paragraph("Nơi nhận:")
    d.add_paragraph("CHỦ TỊCH")
    d.add_paragraph("Lê Văn Bình")
    d.save(path)


def _commune_plan(path: Path) -> None:
    d = docx.Document()
    for p in [
        "ỦY BAN NHÂN DÂN",
        "XÃ AN LÃO",
        "Số: 15/KH-UBND",
        "An Lão, ngày 20 tháng 02 năm 2026",
        "KẾ HOẠCH",
        "Cải cách hành chính giai đoạn 2026 - 2030",
        "I. MỤC TIÊU",
        "Tỷ lệ hồ sơ giải quyết đúng hạn đạt 100%.",
        "II. NHIỆM VỤ",
        "DANH MỤC NHIỆM VỤ",
    ]:
        d.add_paragraph(p)
    _task_table(
        d,
        ["TT", "Nội dung", "Thời gian", "Cơ quan chủ trì", "Cơ quan phối hợp", "Sản phẩm dự kiến"],
        [
            ("I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "", "", "", ""),
            (
                "1",
                "Ban hành kế hoạch cải cách hành chính hằng năm",
                "Quý I hằng năm",
                "Phòng Văn hóa - Xã hội",
                "Các cơ quan, đơn vị",
                "Kế hoạch",
            ),
            (
                "2",
                "Tuyên truyền cải cách hành chính",
                "202672030",
                "Phòng Văn hóa - Xã hội",
                "Trung tâm Văn hóa - Thể thao - Truyền thông",
                "Tin, bài",
            ),
            ("II", "CẢI CÁCH TỔ CHỨC BỘ MÁY", "", "", "", ""),
            (
                "3",
                "Rà soát chức năng, nhiệm vụ các phòng chuyên môn",
                "Quy IV/2026",
                "Phòng Văn hóa - Xã hội",
                "",
                "Báo cáo",
            ),
        ],
    )
    d.save(path)


@pytest.fixture(scope="module")
def word_plans(tmp_path_factory):
    folder = tmp_path_factory.mktemp("unseen")
    plans = {}
    for name, build in (("so", _department_plan), ("ward", _ward_plan), ("swapped", _commune_plan)):
        build(folder / f"{name}.docx")
        plans[name] = run(folder / f"{name}.docx")
    return plans


def test_it_reads_a_department_plan_with_arabic_sections_and_other_column_names(word_plans):
    plan = word_plans["so"]
    assert (plan.meta.number, plan.meta.issuer, plan.meta.issuer_level) == (
        "215/KH-SNV",
        "Sở Nội vụ thành phố Hải Phòng",
        "so",
    )
    assert plan.meta.bases == ("76/NQ-CP", "3470/QĐ-UBND", "301/KH-UBND")
    assert _tasks(plan) == [
        ("1", "1.1", "Thanh tra Sở", "Các phòng thuộc Sở", "Quý I/2026"),
        ("1", "1.2", "Phòng Tổ chức cán bộ", "Văn phòng Sở", "Tháng 3/2026"),
        ("2", "2.1", "Văn phòng Sở", None, "Trước 30/6/2026"),
        ("2", "2.2", "Văn phòng Sở", "Thanh tra Sở", "Trước ngày 15/12 hằng năm"),
        ("3", "3.1", "Văn phòng Sở", "Trung tâm Phục vụ hành chính công thành phố", "Năm 2026-2027"),
        ("3", "3.2", "Văn phòng Sở", None, "Thường xuyên"),
    ]
    assert plan.tasks[0].output == "Báo cáo rà soát"
    assert _targets(plan)[2] == (3.0, "hạng", "<=", "chi_dao_dieu_hanh")  # 'xếp thứ 3 trở lên'
    assert "Thanh tra Sở" in plan.agencies
    assert [(r.frequency, r.to) for r in plan.reporting] == [
        (frequency, "Ủy ban nhân dân thành phố") for frequency in ("quarterly", "semiannual", "annual")
    ]


def test_it_reads_lettered_sections_without_a_partners_column_and_with_a_notes_column(word_plans):
    plan = word_plans["ward"]
    assert (plan.meta.period_start, plan.meta.period_end) == ("2026-01", "2026-06")
    assert _tasks(plan) == [
        ("A", "1", "Văn phòng HĐND và UBND phường", None, "Theo tiến độ"),
        ("A", "2", "Văn phòng HĐND và UBND phường", None, "6 tháng đầu năm 2026"),
        ("B", "3", "Trung tâm Phục vụ hành chính công phường", None, "Thường xuyên"),
    ]
    assert plan.tasks[1].output == "Báo cáo kết quả rà soát"  # not the 'Ghi chú' cell
    assert not [p for p in plan.problems if p.code.startswith("task_")]
    assert [(t.value, t.comparator) for t in plan.targets] == [(70.0, ">="), (60.0, ">=")]


def test_it_reads_columns_in_another_order_and_mends_a_glued_year_range(word_plans):
    plan = word_plans["swapped"]
    assert _tasks(plan) == [
        ("I", "1", "Phòng Văn hóa - Xã hội", "Các cơ quan, đơn vị", "Quý I hằng năm"),
        ("I", "2", "Phòng Văn hóa - Xã hội", "Trung tâm Văn hóa - Thể thao - Truyền thông", "2026-2030"),
        ("II", "3", "Phòng Văn hóa - Xã hội", None, "Quy IV/2026"),
    ]
    assert [t.output for t in plan.tasks] == ["Kế hoạch", "Tin, bài", "Báo cáo"]


# --- a Markdown plan whose task table is a pipe table -------------------------------------------


def test_it_reads_the_header_and_targets_of_a_markdown_plan():
    plan = run(UNSEEN / "xa_bang_ke_2026.md")
    assert (plan.meta.number, plan.meta.issuer, plan.meta.bases) == (
        "21/KH-UBND",
        "UBND xã Tân Tiến",
        ("1478/QĐ-UBND",),
    )
    assert [(t.value, t.comparator, t.area) for t in plan.targets] == [(100.0, "=", "tthc"), (60.0, ">=", "tthc")]


def test_it_reads_the_tasks_of_a_markdown_pipe_table():
    plan = run(UNSEEN / "xa_bang_ke_2026.md")
    assert [(t.section, t.no, t.deadline) for t in plan.tasks] == [
        ("I", "1", "Quý I/2026"),
        ("I", "2", "Thường xuyên"),
        ("II", "3", "Tháng 6/2026"),
    ]


# --- plans saved as text, the task table one cell per line, columns in another order -------------


def _fields(plan) -> list[tuple[str | None, ...]]:
    return [(t.section, t.no, t.lead, t.partners, t.deadline, t.output) for t in plan.tasks]


def test_it_reads_a_flattened_table_whose_deadline_comes_before_the_lead_and_notes_come_last():
    plan = run(UNSEEN / "xa_thoi_gian_truoc_2026.txt")
    assert _fields(plan) == [
        ("I", "1", "Phòng Văn hóa - Xã hội", "Các cơ quan, đơn vị", "Quý I/2026", "Kế hoạch"),
        (
            "I",
            "2",
            "Văn phòng HĐND và UBND xã",
            "Phòng Văn hóa - Xã hội",
            "Quý III/2026",
            "Kế hoạch, Thông báo kết luận",  # not the 'Ghi chú' cell 'Định kỳ'
        ),
        (
            "II",
            "3",
            "Văn phòng HĐND và UBND xã",
            "Trung tâm Phục vụ hành chính công",
            "Trước ngày 30/6/2026",
            "Báo cáo kết quả rà soát",
        ),
        (
            "II",
            "4",
            "Trung tâm Phục vụ hành chính công",
            "Các cơ quan, đơn vị",
            "Thường xuyên",
            "Dữ liệu số hóa (theo hướng dẫn của Sở Khoa học và Công nghệ)",
        ),
    ]
    assert plan.tasks[1].content == (
        "Kiểm tra công tác cải cách hành chính tại các cơ quan, đơn vị thuộc Ủy ban nhân dân xã"
    )


def test_it_reads_a_flattened_table_without_partners_whose_product_comes_before_the_deadline():
    plan = run(UNSEEN / "phuong_khong_phoi_hop_2026.txt")
    assert _fields(plan) == [
        ("I", "1", "Văn phòng HĐND và UBND phường", None, "Tháng 3/2026", "Danh mục thủ tục hành chính được niêm yết"),
        ("I", "2", "Trung tâm Phục vụ hành chính công", None, "Hằng quý", "Báo cáo"),
        ("II", "3", "Văn phòng HĐND và UBND phường", None, "Thường xuyên", "Hệ thống vận hành thông suốt"),
    ]
    assert not [p for p in plan.problems if p.code.startswith("task_")]
