"""After the self-scoring deadline a unit can no longer change its scores, until the city reopens its
assessment; a reopened assessment locks again with the signed file."""

import datetime as dt

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from apps.par import frameworks, services
from apps.par.models import AssessmentState


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path  # signed files and evidence go to a temporary folder


@time_machine.travel(dt.datetime(2026, 1, 20, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=7))), tick=False)
def test_it_closes_self_scoring_at_the_deadline_unless_reopened(client, officer, reviewer, kesat):
    year = services.open_year(2025, dt.date(2026, 1, 15), {"communes": frameworks.load_sample()}, reviewer)
    assessment, _ = services.open_assessment(year, kesat, officer)
    score = assessment.scores.first()
    client.force_login(officer)
    page = client.get(f"/chi-so-cchc/ban-cham/{assessment.pk}/").content.decode()
    assert "Đã hết hạn tự chấm (15/01/2026)" in page and "Khóa và gửi thẩm định" not in page
    response = client.post(
        f"/chi-so-cchc/ban-cham/{assessment.pk}/diem/{score.pk}/tu-cham/", {"score": "1", "version": 1}, follow=True
    )
    assert "Đã quá hạn tự chấm" in response.content.decode()
    score.refresh_from_db()
    assert score.self_score is None

    client.force_login(officer)
    assert client.post(f"/chi-so-cchc/ban-cham/{assessment.pk}/mo-lai/").status_code == 403
    client.force_login(reviewer)
    client.post(f"/chi-so-cchc/ban-cham/{assessment.pk}/mo-lai/")
    assessment.refresh_from_db()
    assert assessment.reopened and assessment.self_open()
    for each in assessment.scores.all():
        services.set_self_score(each, officer, each.criterion.max_points, "Đủ hồ sơ")
    services.lock(assessment, officer, SimpleUploadedFile("ky.pdf", b"%PDF-1.4 ky"))
    assessment.refresh_from_db()
    assert assessment.state == AssessmentState.LOCKED and not assessment.reopened


def test_it_refuses_a_score_above_the_leaf_maximum(officer, reviewer, kesat):
    year = services.open_year(2025, dt.date(2099, 1, 15), {"communes": frameworks.load_sample()}, reviewer)
    assessment, _ = services.open_assessment(year, kesat, officer)
    score = assessment.scores.select_related("criterion").first()
    with pytest.raises(services.WorkflowError, match="điểm phải từ 0 đến"):
        services.set_self_score(score, officer, score.criterion.max_points + 1)
    with pytest.raises(ValueError, match="không phải là số điểm"):
        services.parse_points("hai điểm")
