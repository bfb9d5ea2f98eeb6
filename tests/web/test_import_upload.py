"""Kẽ Sắt's standing officer uploads a plan (a real seed, a Word file) and gets a draft to review."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx import Document

from apps.imports.models import ImportRun, RunStatus
from apps.plans.models import Plan, PlanStatus

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seeds" / "004_216e4bf6d47724c0.txt"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def upload(client, unit, name: str, content: bytes):
    return client.post(reverse("imports-upload", args=[unit.pk]), {"file": SimpleUploadedFile(name, content)})


def test_it_turns_an_uploaded_seed_into_a_draft_with_tasks(client, officer, kesat, media):
    client.force_login(officer)
    response = upload(client, kesat, "ke-hoach-84.txt", SEED.read_bytes())

    plan = Plan.objects.get(unit=kesat)
    assert response.status_code == 302
    assert response["Location"] == reverse("plans-review", args=[plan.pk])
    assert plan.status == PlanStatus.DRAFT
    assert plan.tasks.count() > 0
    assert plan.source_name == "ke-hoach-84.txt"
    assert Path(plan.source_file.path).is_relative_to(media)
    run = ImportRun.objects.get()
    assert run.status == RunStatus.DONE and run.plan == plan and run.result["tasks"]

    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "Duyệt bản nháp" in page.content.decode()


def test_it_preselects_the_agency_a_task_names(client, officer, kesat, vanphong, media):
    client.force_login(officer)
    upload(client, kesat, "ke-hoach-84.txt", SEED.read_bytes())

    plan = Plan.objects.get(unit=kesat)
    named = plan.tasks.filter(lead_text__startswith="Văn phòng HĐND và UBND")
    assert named.exists()
    assert all(task.lead == vanphong for task in named)


def test_it_reads_a_word_file_built_inline(client, officer, kesat):
    document = Document()
    document.add_paragraph("ỦY BAN NHÂN DÂN XÃ KẼ SẮT")
    document.add_paragraph("Số: 12/KH-UBND")
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Cải cách hành chính nhà nước năm 2026 của xã Kẽ Sắt")
    document.add_paragraph("I. MỤC TIÊU, NHIỆM VỤ")
    document.add_paragraph("Tỷ lệ hồ sơ giải quyết trực tuyến trên tổng số hồ sơ đạt tối thiểu 85%.")
    document.add_paragraph("DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026")
    table = document.add_table(rows=3, cols=6)
    rows = [
        ("TT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Sản phẩm"),
        ("I", "CẢI CÁCH THỂ CHẾ", "", "", "", ""),
        (
            "1",
            "Rà soát văn bản quy phạm pháp luật",
            "Văn phòng HĐND và UBND xã",
            "Các cơ quan",
            "Quý IV/2026",
            "Báo cáo",
        ),
    ]
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    buffer = io.BytesIO()
    document.save(buffer)

    client.force_login(officer)
    response = upload(client, kesat, "ke-hoach-12.docx", buffer.getvalue())

    run = ImportRun.objects.get()
    assert run.status == RunStatus.DONE, run.error
    assert response["Location"] == reverse("plans-review", args=[run.plan.pk])
    assert run.plan.status == PlanStatus.DRAFT
    assert run.plan.tasks.count() > 0


def test_it_turns_a_plan_saved_from_a_web_page_into_a_draft(client, officer, kesat):
    page = Path(__file__).resolve().parents[1] / "fixtures" / "other" / "so_noivu_nghean_kh_cchc_2026.html"
    client.force_login(officer)
    response = upload(client, kesat, "ke-hoach-tu-trang-web.html", page.read_bytes())

    plan = Plan.objects.get(unit=kesat)
    assert response["Location"] == reverse("plans-review", args=[plan.pk])
    assert plan.tasks.count() > 0
