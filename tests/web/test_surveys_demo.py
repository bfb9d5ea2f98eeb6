"""The demo's surveys: a few hundred plausible responses per commune, the same on every run (a fixed seed per
commune), with N entered and a flagged one excluded by Sở Nội vụ; running it again adds nothing."""

import datetime as dt

from apps.surveys import results
from apps.surveys.demo import add_survey_responses
from apps.surveys.models import Response, Survey
from apps.tracking.models import Period, PeriodKind
from apps.units.demo import DemoReport


def test_it_adds_a_few_hundred_responses_per_commune_the_same_each_time(kesat, maodien, pvhcc, reviewer):
    add_survey_responses(dt.date(2026, 11, 20), DemoReport())
    first = {u.code: Response.objects.filter(unit=u).count() for u in (kesat, maodien)}
    Period.ensure_year(2026)
    rate = results.satisfaction(kesat, Period.objects.get(year=2026, kind=PeriodKind.YEAR)).overall

    assert all(250 <= n <= 450 for n in first.values())
    assert 70 < rate < 100
    assert Response.objects.filter(unit=kesat, excluded=True, excluded_by=reviewer).count() == 1
    assert Response.objects.filter(unit=kesat, desk=pvhcc).exists()
    assert Survey.objects.get(unit=kesat, year=2026).population >= 2500

    add_survey_responses(dt.date(2026, 11, 20), DemoReport())
    assert {u.code: Response.objects.filter(unit=u).count() for u in (kesat, maodien)} == first

    Response.objects.filter(unit=kesat).delete()
    add_survey_responses(dt.date(2026, 11, 20), DemoReport())
    again = results.satisfaction(kesat, Period.objects.get(year=2026, kind=PeriodKind.YEAR)).overall
    assert Response.objects.filter(unit=kesat).count() == first[kesat.code] and again == rate
