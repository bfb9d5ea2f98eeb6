"""The PAR survey points come from the SIPAS answers collected in cchc for the year, unless the city enters the
rate of a survey run elsewhere: then the entered rate counts."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from apps.par import frameworks, services
from apps.par.models import Score
from tests.web.survey_answers import item_codes, stored


@pytest.fixture
def assessment(db, kesat, officer, reviewer):
    year = services.open_year(2025, dt.date(2099, 12, 15), {"communes": frameworks.load_sample()}, reviewer)
    assessment, _ = services.open_assessment(year, kesat, officer)
    return assessment


def survey_score(assessment) -> Score:
    return Score.objects.get(assessment=assessment, criterion__method="survey")


def answers(kesat, level: int, n: int) -> None:
    at = timezone.make_aware(dt.datetime(2025, 6, 1, 9, 0))  # inside 2025's data window
    stored(kesat, dict.fromkeys(item_codes(), level), n=n, submitted_at=at)


def test_it_proposes_the_survey_points_from_the_sipas_answers_of_the_year(client, assessment, kesat, reviewer):
    assert services.survey_points(kesat, 2025) is None
    answers(kesat, 5, 3)  # very satisfied
    answers(kesat, 2, 1)  # not satisfied
    assert services.survey_points(kesat, 2025) == Decimal("75")
    services.refresh_proposals(assessment)
    score = survey_score(assessment)
    assert score.proposed is not None and score.proposed > 0 and "75" in score.computation

    client.force_login(reviewer)
    page = client.get(f"/chi-so-cchc/ban-cham/{assessment.pk}/").content.decode()
    assert "Kết quả khảo sát SIPAS trên cchc năm 2025" in page and "4 phiếu được tính" in page


def test_it_counts_the_rate_the_city_entered_over_the_answers_in_cchc(assessment, kesat, reviewer):
    answers(kesat, 5, 4)
    services.set_survey_rate(assessment, reviewer, Decimal("60"))
    assert services.survey_points(kesat, 2025) == Decimal("60")
    assert "60" in survey_score(assessment).computation
