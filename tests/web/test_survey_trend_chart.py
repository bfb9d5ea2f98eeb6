"""Kẽ Sắt's results page draws the overall rate over the periods of two years as a chart on the server: an SVG with
its axis (0 to 100%), every period named, each value written above its point and "–" where a period had no answer,
no script; the table of the same figures stays under it."""

import datetime as dt
import re

from django.utils import timezone

from apps.dashboards.charts import line_chart
from apps.surveys.models import Questionnaire
from tests.web.survey_answers import stored


def _on(day):
    return timezone.make_aware(dt.datetime.combine(day, dt.time(9)))


def test_it_draws_the_trend_as_a_chart_above_its_table(client, officer, kesat):
    codes = [i.code for f in Questionnaire.current().form.factors for i in f.items]
    stored(kesat, dict.fromkeys(codes, 4), n=3, submitted_at=_on(dt.date(2026, 2, 10)))
    stored(kesat, dict.fromkeys(codes, 2), submitted_at=_on(dt.date(2026, 2, 10)))
    client.force_login(officer)
    page = client.get(f"/ket-qua-khao-sat/don-vi/{kesat.pk}/?ky=2026-year").content.decode()

    chart = re.search(r'<svg class="chart".*?</svg>', page, re.S)[0]
    assert 'role="img"' in chart and "<script" not in chart and 'viewBox="0 0 360 190"' in chart
    assert ">0%</text>" in chart and ">100%</text>" in chart
    assert re.findall(r'class="value">([^<]+)<', chart) == ["75%", "75%", "75%"]  # quý I, 6 tháng, năm 2026
    assert chart.count(">–</text>") == 5  # the four periods of 2025 and quý III 2026 had no answer
    names = re.findall(r'<tspan x="[\d.]+">([^<]+)</tspan><tspan x="[\d.]+" dy="11">(\d{4})</tspan>', chart)
    assert names[:2] == [("Quý I", "2025"), ("6 tháng", "2025")] and len(names) == 8
    assert page.index('<svg class="chart"') < page.index("<th>Tỷ lệ hài lòng chung</th>")


def test_it_breaks_the_line_where_a_period_has_no_value():
    chart = str(
        line_chart([80, 90, None, 70, 75], ["Quý I 2025", "6 tháng 2025", "Quý III 2025", "Năm 2025", "X 2026"])
    )
    assert chart.count("<polyline") == 2 and chart.count("<circle") == 4
    assert line_chart([], []) == ""
