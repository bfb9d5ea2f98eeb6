"""A document that sets no plan yields no tasks (nor is it taken for a catalogue): a decision that issues a
regulation; from tests/fixtures/other-offices, a working regulation typed in Word, a council resolution
with targets but no tasks, and a decision setting up a steering committee printed by Chromium; from
tests/fixtures/other-unseen2, a commune's Công văn asking its units to report (Word), a department's Báo cáo of
results with a table of tasks done (Markdown), and a commune council's Nghị quyết printed from .odt; from
tests/fixtures/other-unseen3, a province's Chỉ thị with numbered orders to departments (Word) and a department's
Tờ trình asking to issue a Quy chế phối hợp, with a table of the draft's chapters (Markdown); from
tests/fixtures/other-unseen6, a province's Quyết định publishing last year's PAR index, a table of units and points
and an article giving Sở Nội vụ a duty by a date (printed by LibreOffice); from tests/fixtures/other-unseen7, a
commune's Báo cáo of the first quarter, a table of the plan's tasks with their progress and the next quarter's
tasks naming who leads (printed by Chromium); from tests/fixtures/other-unseen8, a ward's Công văn urging its units
to carry out the year's plan, numbered asks naming who does what by when (printed by LibreOffice)."""

from pathlib import Path

import pytest

from importer.errors import NotAPlan
from importer.pipeline import run

OFFICES = Path(__file__).resolve().parents[1] / "fixtures" / "other-offices"
UNSEEN2 = Path(__file__).resolve().parents[1] / "fixtures" / "other-unseen2"
UNSEEN3 = Path(__file__).resolve().parents[1] / "fixtures" / "other-unseen3"
UNSEEN6 = Path(__file__).resolve().parents[1] / "fixtures" / "other-unseen6"
UNSEEN7 = Path(__file__).resolve().parents[1] / "fixtures" / "other-unseen7"
UNSEEN8 = Path(__file__).resolve().parents[1] / "fixtures" / "other-unseen8"

DECISION = """ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ
Số: 15/2026/QĐ-UBND
Quảng Trị, ngày 10 tháng 3 năm 2026

QUYẾT ĐỊNH
Ban hành Quy chế đánh giá, xác định Chỉ số cải cách hành chính của các sở, ban, ngành

Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;
Theo đề nghị của Giám đốc Sở Nội vụ.

QUYẾT ĐỊNH:

Điều 1. Ban hành kèm theo Quyết định này Quy chế đánh giá, xác định Chỉ số cải cách hành chính.

Điều 2. Quyết định này có hiệu lực từ ngày 20 tháng 3 năm 2026.

Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ và các cơ quan, đơn vị có liên quan chịu trách
nhiệm thi hành Quyết định này.

QUY CHẾ
Đánh giá, xác định Chỉ số cải cách hành chính

Điều 4. Nguyên tắc đánh giá
1. Bảo đảm khách quan, công khai, minh bạch.
2. Thời gian thực hiện: hằng năm, từ ngày 15/12 năm trước đến ngày 14/12 năm đánh giá.

Điều 5. Trách nhiệm thực hiện
1. Sở Nội vụ chủ trì, phối hợp với các cơ quan hướng dẫn, theo dõi việc đánh giá.
2. Các sở, ban, ngành tự đánh giá và gửi kết quả về Sở Nội vụ trước ngày 20 tháng 12 hằng năm.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Võ Văn Hưng
"""


def test_it_finds_no_task_in_a_decision_issuing_a_regulation(tmp_path):
    path = tmp_path / "quyet-dinh.txt"
    path.write_text(DECISION, encoding="utf-8")
    try:
        plan = run(path)
    except NotAPlan:
        return
    assert plan.tasks == ()


@pytest.mark.parametrize("label", ["Thời gian thực hiện", "Sản phẩm"])
def test_it_takes_a_labelled_line_without_a_lead_for_no_task(tmp_path, label):
    path = tmp_path / "ke-hoach.txt"
    path.write_text(
        "KẾ HOẠCH\nCải cách hành chính năm 2026\nI. MỤC TIÊU\nTỷ lệ hồ sơ trực tuyến đạt 60%.\n"
        f"II. NHIỆM VỤ\n1. Rà soát thủ tục hành chính.\n- {label}: năm 2026.\n",
        encoding="utf-8",
    )
    assert run(path).tasks == ()


@pytest.mark.parametrize(
    "path",
    [
        OFFICES / "bcd_quy_che_lam_viec_2026.docx",
        OFFICES / "hdnd_nq_cchc_2026_2030.txt",
        OFFICES / "ubnd_qd_kien_toan_bcd_2026_chromium.pdf",
        UNSEEN2 / "ubnd_xa_cv_bao_cao_cchc_2026.docx",
        UNSEEN2 / "so_tuphap_bc_ket_qua_cchc_2025.md",
        UNSEEN2 / "hdnd_xa_nq_ktxh_cchc_2026_odt_lo.pdf",
        UNSEEN3 / "ubnd_tinh_ct_ky_cuong_cchc_2026.docx",
        UNSEEN3 / "so_noivu_tt_quy_che_phoi_hop_2026.md",
        UNSEEN6 / "ubnd_tinh_thanhhoa_qd_cong_bo_chi_so_cchc_2025_lo.pdf",
        UNSEEN7 / "ubnd_xa_bc_cchc_quy_i_2026_chromium.pdf",
        UNSEEN8 / "ubnd_phuong_cv_don_doc_cchc_2026_lo.pdf",
    ],
    ids=lambda path: path.name,
)
def test_it_finds_no_task_in_a_document_that_sets_no_plan(path):
    try:
        plan = run(path)
    except NotAPlan:
        return
    assert plan.tasks == ()
