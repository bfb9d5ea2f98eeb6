"""The audit log tells a PAR score's changes in words: an empty score is "(trống)", a yes/no field "có"/"không",
the unit's explanation by its name, and the survey rate with a sentence, never Python's None/True or a code."""

import datetime as dt
from decimal import Decimal

from apps.par import frameworks, services
from apps.par.models import Assessment, AssessmentState, Score


def test_it_tells_self_scoring_appraisal_and_survey_rate_in_words(client, officer, reviewer, kesat):
    year = services.open_year(2025, dt.date(2099, 12, 15), {"communes": frameworks.load_sample()}, reviewer)
    assessment, _ = services.open_assessment(year, kesat, officer)
    score = Score.objects.get(assessment=assessment, criterion__code="3.3")
    services.set_self_score(score, officer, Decimal("1.5"), note="Có báo cáo kèm theo.")
    Assessment.objects.filter(pk=assessment.pk).update(state=AssessmentState.LOCKED)
    score.refresh_from_db()
    services.appraise(score, reviewer, 1, Decimal("1.25"), note="Số liệu chưa khớp.", ask_explanation=True)
    assessment.refresh_from_db()
    services.set_survey_rate(assessment, reviewer, Decimal("92.67"))
    client.force_login(officer)

    page = client.get(f"/nhat-ky/{kesat.pk}/").content.decode()

    assert "(trống) → 1,5" in page
    assert "Giải thích của đơn vị" in page and "Note" not in page
    assert "Yêu cầu giải trình" in page and "có" in page
    assert "Ghi tỷ lệ hài lòng khảo sát: 92,67%" in page and "par.survey_rate" not in page
    for code in ("None", "True", "False"):
        assert code not in page, code
