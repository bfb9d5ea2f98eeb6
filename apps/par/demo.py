"""Demo PAR data: the sample framework, an opened 2025 assessment year, Mao Điền's self-scores locked and
appraised in round 1 with one explanation asked, Kẽ Sắt's in progress. Running it twice changes nothing."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_DOWN, Decimal

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from apps.par import frameworks, services
from apps.par.models import Assessment, AssessmentState, AssessmentYear, Criterion, CriterionTag
from apps.plans.models import Target, Task
from apps.units.models import Role, Unit

# targets and tasks whose text says which criterion of the sample they serve
TAGS = {
    "3.3": ("trực tuyến",),
    "3.2": ("đúng hạn", "trước hạn"),
    "3.4": ("thanh toán",),
    "3.5": ("số hóa",),
    "1.1.2": ("kế hoạch cải cách hành chính",),
    "1.3": ("kiểm tra công tác",),
    "1.4": ("tuyên truyền",),
    "2.2": ("rà soát",),
}
SIGNED = b"%PDF-1.4\n% ban tu cham co chu ky (minh hoa)\n"


def _user(unit: Unit, role: str):
    return get_user_model().objects.filter(memberships__unit=unit, memberships__role=role).order_by("pk").first()


def _tag(framework, unit: Unit) -> None:
    for code, words in TAGS.items():
        criterion = Criterion.objects.filter(framework=framework, code=code).first()
        if criterion is None:
            continue
        for word in words:
            for target in Target.objects.filter(plan__unit=unit, text__icontains=word)[:2]:
                CriterionTag.objects.get_or_create(criterion=criterion, target=target)
            for task in Task.objects.filter(plan__unit=unit, content__icontains=word)[:3]:
                CriterionTag.objects.get_or_create(criterion=criterion, task=task)


def _self_score_all(assessment: Assessment, user, share: float = 1.0) -> None:
    scores = list(assessment.scores.select_related("criterion"))
    for i, score in enumerate(scores):
        if i >= len(scores) * share:
            break
        maximum = score.criterion.max_points
        if score.proposed is not None:
            value = score.proposed
        else:  # a plausible self-score on a quarter-point grid
            value = (maximum * Decimal("0.9") * 4).quantize(Decimal(1), rounding=ROUND_DOWN) / 4
        if score.criterion.part == "penalty":
            value = Decimal(0)
        services.set_self_score(score, user, value, "Có báo cáo, văn bản kèm theo (minh họa).")


def add_par(say=print, today: dt.date | None = None) -> None:
    today = today or timezone.localdate()
    framework = frameworks.load_sample()
    reviewer = get_user_model().objects.filter(memberships__role=Role.CITY_REVIEWER).order_by("pk").first()
    year = AssessmentYear.objects.filter(year=2025).first() or services.open_year(
        2025,
        max(today + dt.timedelta(days=21), dt.date(2026, 1, 15)),
        {"communes": framework, "wards": framework},
        reviewer,
        appraisal_start=today + dt.timedelta(days=22),
        appraisal_end=today + dt.timedelta(days=60),
    )
    maodien = Unit.objects.filter(code="mao-dien").first()
    kesat = Unit.objects.filter(code="ke-sat").first()
    if maodien is not None:
        _tag(framework, maodien)
        officer = _user(maodien, Role.STANDING_OFFICER)
        assessment, created = services.open_assessment(year, maodien, officer)
        if created:
            services.set_survey_rate(assessment, reviewer, Decimal("92.67"))
            _self_score_all(assessment, officer)
            services.lock(assessment, officer, SimpleUploadedFile("ban-tu-cham-mao-dien.pdf", SIGNED))
            online = assessment.scores.select_related("criterion").filter(criterion__code="3.3").first()
            training = assessment.scores.select_related("criterion").filter(criterion__code="5.2").first()
            if online is not None:
                services.appraise(
                    online,
                    reviewer,
                    1,
                    max(Decimal(0), (online.self_score or Decimal(0)) - Decimal("0.5")),
                    "Số hồ sơ trực tuyến chưa khớp số liệu trên Cổng dịch vụ công.",
                    ask_explanation=True,
                )
            if training is not None:
                services.appraise(training, reviewer, 1, training.self_score or Decimal(0), "Đạt.")
            services.finish_round(Assessment.objects.get(pk=assessment.pk), reviewer, 1)
            say("Chỉ số CCHC: bản chấm 2025 của Mao Điền đã khóa và thẩm định vòng 1 (một tiêu chí cần giải trình).")
    if kesat is not None:
        _tag(framework, kesat)
        officer = _user(kesat, Role.STANDING_OFFICER)
        assessment, created = services.open_assessment(year, kesat, officer)
        if created and assessment.state == AssessmentState.SELF:
            _self_score_all(assessment, officer, share=0.5)
            say("Chỉ số CCHC: Kẽ Sắt đang tự chấm năm 2025.")
