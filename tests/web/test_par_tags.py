"""Kẽ Sắt's standing officer tags a target with the criterion it serves: its figure for the year shows on the
leaf and proposes a score; a task or target of another commune cannot be tagged from Kẽ Sắt's assessment."""

import datetime as dt
from decimal import Decimal

from apps.par import frameworks, services
from apps.par.models import Criterion, CriterionTag, Score
from apps.tracking.models import Measurement, Period, PeriodKind
from tests.web.par_steps import published_target


def test_it_tags_a_target_and_proposes_from_its_figure(
    client, officer, other_commune_officer, reviewer, kesat, maodien
):
    year = services.open_year(2025, dt.date(2099, 1, 1), {"communes": frameworks.load_sample()}, reviewer)
    assessment, _ = services.open_assessment(year, kesat, officer)
    online = published_target(kesat, officer, "Tỷ lệ hồ sơ trực tuyến")
    foreign = published_target(maodien, other_commune_officer, "Tỷ lệ của xã khác")
    Period.ensure_year(2025)
    Measurement.objects.create(
        target=online, period=Period.objects.get(year=2025, kind=PeriodKind.YEAR), value=Decimal("70.92")
    )
    leaf = Criterion.objects.get(code="3.3")
    client.force_login(officer)
    page = client.get(f"/chi-so-cchc/ban-cham/{assessment.pk}/gan-tieu-chi/").content.decode()
    assert "Tỷ lệ hồ sơ trực tuyến" in page and "Tỷ lệ của xã khác" not in page
    client.post(
        f"/chi-so-cchc/ban-cham/{assessment.pk}/gan-tieu-chi/",
        {f"target-{online.pk}": leaf.pk, f"target-{foreign.pk}": leaf.pk},
    )
    assert list(CriterionTag.objects.values_list("target_id", flat=True)) == [online.pk]
    score = Score.objects.get(assessment=assessment, criterion=leaf)
    assert score.proposed == Decimal("1.42")
    assert score.computation == "70,9% < 85% → 70,9% × 2 = 1,42 / 2"
    assert "70,9% &lt; 85%" in client.get(f"/chi-so-cchc/ban-cham/{assessment.pk}/").content.decode()
    client.post(f"/chi-so-cchc/ban-cham/{assessment.pk}/gan-tieu-chi/", {f"target-{online.pk}": ""})
    assert not CriterionTag.objects.exists()


def test_it_shows_a_tagged_task_with_its_status_and_output(client, officer, reviewer, kesat):
    from apps.plans.models import Task

    year = services.open_year(2025, dt.date(2099, 1, 1), {"communes": frameworks.load_sample()}, reviewer)
    assessment, _ = services.open_assessment(year, kesat, officer)
    plan = published_target(kesat, officer, "Chỉ tiêu").plan
    task = Task.objects.create(
        plan=plan,
        position=1,
        content="Ban hành kế hoạch tuyên truyền CCHC",
        output="Kế hoạch",
        due_on=dt.date(2025, 3, 1),
    )
    CriterionTag.objects.create(criterion=Criterion.objects.get(code="1.4"), task=task)
    services.refresh_proposals(assessment)
    client.force_login(officer)
    page = client.get(f"/chi-so-cchc/ban-cham/{assessment.pk}/").content.decode()
    assert "Ban hành kế hoạch tuyên truyền CCHC" in page and "sản phẩm: Kế hoạch" in page
    assert "Quá hạn chưa hoàn thành" in page
    score = Score.objects.get(assessment=assessment, criterion__code="1.4")
    assert (score.proposed, score.computation) == (0, "0 / 1 = 0% < 100% → 0 / 1,5")
