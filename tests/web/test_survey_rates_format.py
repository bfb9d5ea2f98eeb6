"""Kẽ Sắt's results page writes every rate with at most one decimal (93,75 → "93,8%", never "93,75%" next to
"75%"), and the trend chart keeps room above its 100% line for the value written over a point near the top."""

import datetime as dt
import re

from django.utils import timezone

from apps.dashboards.charts import line_chart
from apps.surveys.models import Questionnaire
from tests.web.survey_answers import stored


def test_it_writes_rates_with_one_decimal_at_most(client, officer, kesat):
    codes = [i.code for f in Questionnaire.current().form.factors for i in f.items]
    everything_4 = dict.fromkeys(codes, 4) | {"overall": 4}
    on = timezone.make_aware(dt.datetime(2026, 5, 10, 9))
    stored(kesat, everything_4 | {"access.1": 5}, n=3, submitted_at=on)
    stored(kesat, everything_4 | {"access.1": 2}, submitted_at=on)
    client.force_login(officer)

    page = client.get(f"/ket-qua-khao-sat/don-vi/{kesat.pk}/?ky=2026-year").content.decode()

    assert '<div class="stat">98,8%</div>' in page  # overall 98,75
    assert "<th>93,8%</th>" in page and "<td>75%</td>" in page  # the access factor (93,75) and its first item
    assert not re.search(r"\d,\d\d%", page)


def test_it_leaves_room_above_the_top_line_for_a_value_near_it():
    chart = str(line_chart([99.84, 100], ["Quý I 2026", "Năm 2026"]))

    tops = [float(y) for y in re.findall(r'<text x="[\d.]+" y="([\d.]+)" text-anchor="middle" class="value">', chart)]
    assert re.findall(r'class="value">([^<]+)<', chart) == ["99,8%", "100%"]
    assert min(tops) >= 12  # a 10 px label stays inside the picture, above the 100% line
