"""The yearly PAR cycle as the cast lives it: Kẽ Sắt's standing officer self-scores with the figure already
tracked proposing a score, locks with the signed file; the city reviewer appraises round 1 and asks for one
explanation; the unit explains once; round 2 gives the final points and the ranking shows the index."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from apps.par import frameworks, services
from apps.par.models import Assessment, AssessmentState, Criterion, CriterionTag, Score, ScoreEntry, Stage
from apps.plans.models import Area, Plan, PlanStatus, Target
from apps.tracking.models import Measurement, Period, PeriodKind


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path  # signed files and evidence go to a temporary folder


PDF = b"%PDF-1.4 signed"


@pytest.fixture
def year(db, reviewer):
    framework = frameworks.load_sample()
    return services.open_year(2025, dt.date(2099, 12, 15), {"communes": framework}, reviewer)


@pytest.fixture
def online_target(kesat, officer, year):
    plan = Plan.objects.create(
        unit=kesat,
        status=PlanStatus.PUBLISHED,
        title="Kế hoạch CCHC năm 2025",
        created_by=officer,
        period_start=dt.date(2025, 1, 1),
        period_end=dt.date(2025, 12, 31),
    )
    target = Target.objects.create(
        plan=plan, position=1, text="Tỷ lệ hồ sơ trực tuyến", value=85, unit="%", area=Area.TTHC
    )
    Period.ensure_year(2025)
    period = Period.objects.get(year=2025, kind=PeriodKind.YEAR)
    Measurement.objects.create(target=target, period=period, value=Decimal("87.52"), numerator=1234, denominator=1410)
    criterion = Criterion.objects.get(framework__decision_number="MẪU", code="3.3")
    CriterionTag.objects.create(criterion=criterion, target=target)
    return target


def _score(assessment, code):
    return Score.objects.get(assessment=assessment, criterion__code=code)


def test_it_runs_self_scoring_lock_appraisal_explanation_and_round_two(
    client, officer, reviewer, other_commune_officer, kesat, year, online_target
):
    client.force_login(officer)
    response = client.post(f"/chi-so-cchc/nam/{year.pk}/don-vi/{kesat.pk}/bat-dau/")
    assessment = Assessment.objects.get(unit=kesat)
    assert response.status_code == 302
    page = client.get(f"/chi-so-cchc/ban-cham/{assessment.pk}/").content.decode()
    assert "1.234 / 1.410 = 87,5% ≥ 85% → 2 / 2" in page

    online = _score(assessment, "3.3")
    client.post(
        f"/chi-so-cchc/ban-cham/{assessment.pk}/diem/{online.pk}/tu-cham/", {"score": "2", "version": online.version}
    )
    online.refresh_from_db()
    assert online.self_score == 2  # no evidence nor explanation yet: the lock is refused
    response = client.post(
        f"/chi-so-cchc/ban-cham/{assessment.pk}/khoa/", {"signed": SimpleUploadedFile("ky.pdf", PDF)}, follow=True
    )
    assert (
        "Chưa khóa được" in response.content.decode()
        and "3.3: cần tài liệu kiểm chứng hoặc giải thích" in response.content.decode()
    )

    for score in assessment.scores.all():
        client.post(
            f"/chi-so-cchc/ban-cham/{assessment.pk}/diem/{score.pk}/tu-cham/",
            {
                "score": "1,5" if score.criterion.max_points >= Decimal("1.5") else "1",
                "note": "Có báo cáo kèm theo",
                "version": score.version,
            },
        )
    client.post(f"/chi-so-cchc/ban-cham/{assessment.pk}/khoa/", {"signed": SimpleUploadedFile("ky.pdf", PDF)})
    assessment.refresh_from_db()
    assert assessment.state == AssessmentState.LOCKED and assessment.signed_name == "ky.pdf"
    online.refresh_from_db()
    response = client.post(
        f"/chi-so-cchc/ban-cham/{assessment.pk}/diem/{online.pk}/tu-cham/",
        {"score": "0", "version": online.version},
        follow=True,
    )
    assert "đã khóa" in response.content.decode()
    # the unit cannot appraise itself
    assert (
        client.post(f"/chi-so-cchc/ban-cham/{assessment.pk}/diem/{online.pk}/tham-dinh/", {"score": "1"}).status_code
        == 403
    )

    client.force_login(other_commune_officer)
    assert client.get(f"/chi-so-cchc/ban-cham/{assessment.pk}/").status_code == 404

    client.force_login(reviewer)
    response = client.post(
        f"/chi-so-cchc/ban-cham/{assessment.pk}/diem/{online.pk}/tham-dinh/",
        {"score": "1", "version": online.version},
        follow=True,
    )
    assert "hãy ghi lý do" in response.content.decode()
    client.post(
        f"/chi-so-cchc/ban-cham/{assessment.pk}/diem/{online.pk}/tham-dinh/",
        {"score": "1", "note": "Số liệu chưa khớp Cổng DVC", "ask": "1", "version": online.version},
    )
    client.post(f"/chi-so-cchc/ban-cham/{assessment.pk}/ket-thuc-vong/")
    assessment.refresh_from_db()
    assert assessment.state == AssessmentState.ROUND1

    client.force_login(officer)
    online.refresh_from_db()
    client.post(
        f"/chi-so-cchc/ban-cham/{assessment.pk}/diem/{online.pk}/giai-trinh/",
        {
            "explanation": "Cổng DVC cập nhật chậm; gửi kèm số liệu",
            "version": online.version,
            "files": SimpleUploadedFile("so-lieu.pdf", PDF),
        },
    )
    client.post(f"/chi-so-cchc/ban-cham/{assessment.pk}/khoa-giai-trinh/")
    assessment.refresh_from_db()
    assert assessment.state == AssessmentState.EXPLAINED

    client.force_login(reviewer)
    online.refresh_from_db()
    client.post(
        f"/chi-so-cchc/ban-cham/{assessment.pk}/diem/{online.pk}/tham-dinh/",
        {"score": "2", "note": "Giải trình hợp lý", "version": online.version},
    )
    client.post(f"/chi-so-cchc/ban-cham/{assessment.pk}/ket-thuc-vong/")
    assessment.refresh_from_db()
    assert assessment.state == AssessmentState.FINAL
    online.refresh_from_db()
    assert (online.self_score, online.round1, online.round2, online.final) == (Decimal("1.5"), 1, 2, 2)
    stages = list(ScoreEntry.objects.filter(score=online).values_list("stage", "points"))
    assert [s for s, _ in stages] == [Stage.SELF, Stage.SELF, Stage.ROUND1, Stage.EXPLANATION, Stage.ROUND2]

    totals = services.totals(assessment)
    assert totals.index == (totals.points * 100 / totals.max_points).quantize(Decimal("0.01"))
    page = client.get(f"/chi-so-cchc/nam/{year.pk}/xep-hang/").content.decode()
    assert "Xã Kẽ Sắt" in page and totals.index_text in page
    for kind in ("docx", "xlsx"):
        response = client.get(f"/chi-so-cchc/ban-cham/{assessment.pk}/bang-diem.{kind}")
        assert response.status_code == 200 and response.content[:2] == b"PK"
        assert client.get(f"/chi-so-cchc/nam/{year.pk}/xep-hang.{kind}").content[:2] == b"PK"
