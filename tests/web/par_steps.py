"""Steps of the PAR cycle in tests: a unit's published target, and an assessment taken to its final points."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile

from apps.par import services
from apps.par.models import Assessment, AssessmentYear, Score
from apps.plans.models import Plan, PlanStatus, Target


def published_target(unit, user, text: str) -> Target:
    """A target of 85% in a published 2025 plan of ``unit``."""
    plan = Plan.objects.create(
        unit=unit,
        status=PlanStatus.PUBLISHED,
        title="Kế hoạch CCHC năm 2025",
        created_by=user,
        period_start=dt.date(2025, 1, 1),
        period_end=dt.date(2025, 12, 31),
    )
    return Target.objects.create(plan=plan, position=1, text=text, value=85, unit="%")


def final(year: AssessmentYear, unit, officer, reviewer, share: Decimal) -> Assessment:
    """The unit's assessment self-scored at ``share`` of each leaf (no penalty), locked, and through both rounds."""
    assessment, _ = services.open_assessment(year, unit, officer)
    for score in Score.objects.filter(assessment=assessment).select_related("criterion"):
        value = (
            0 if score.criterion.part == "penalty" else (score.criterion.max_points * share).quantize(Decimal("0.01"))
        )
        services.set_self_score(score, officer, value, '=HYPERLINK("http://x") có hồ sơ')
    services.lock(assessment, officer, SimpleUploadedFile("ky.pdf", b"%PDF-1.4 ky"))
    services.finish_round(assessment, reviewer, 1)
    services.finish_round(assessment, reviewer, 2)
    return assessment
