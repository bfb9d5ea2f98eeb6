"""The review screen says first how much of the document reached the draft, and which pages gave nothing, so the
officer knows where to compare with the original before anything else."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.urls import reverse

from apps.imports import services

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seeds" / "004_216e4bf6d47724c0.txt"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_the_review_screen_tells_how_much_of_the_document_reached_the_draft(client, officer, kesat):
    run = services.import_file(kesat, SEED, officer)
    client.force_login(officer)

    page = client.get(reverse("plans-review", args=[run.plan_id])).content.decode()

    share = round(run.result["coverage"]["share"] * 100)
    assert 50 < share <= 100
    assert f'<p class="notice" id="coverage">Khoảng {share}% nội dung đọc được đã vào bản nháp' in page


def test_it_points_at_the_pages_that_gave_nothing_and_at_a_draft_that_took_little():
    scan = {"coverage": {"share": 0.31, "words": 2400, "pages_without_fields": [3, 4]}}
    whole = {"coverage": {"share": 0.962, "words": 900, "pages_without_fields": []}}

    assert services.coverage_note(scan) == (
        "Khoảng 31% nội dung đọc được đã vào bản nháp (thông tin chung, chỉ tiêu, nhiệm vụ). Phần lớn văn bản chưa "
        "được đưa vào: hãy đối chiếu toàn bộ với bản gốc. Trang 3, 4 không có nội dung nào được đưa vào: hãy đối "
        "chiếu các trang này với bản gốc trước."
    )
    assert services.coverage_note(whole) == (
        "Khoảng 96% nội dung đọc được đã vào bản nháp (thông tin chung, chỉ tiêu, nhiệm vụ)."
    )
    assert services.coverage_note(None) == services.coverage_note({"coverage": {"words": 0, "share": 0}}) == ""
