"""Kẽ Sắt's standing officer reads the satisfaction trend as a chart on a phone (390 px wide): it fits the screen
without sideways scrolling and its writing stays readable; printed, the chart and the table of its figures are both
on paper."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from apps.surveys.models import Questionnaire
from tests.browser.conftest import SCREENSHOTS, login, shot
from tests.web.survey_answers import stored

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_it_draws_the_trend_readably_on_a_phone_and_in_print(phone_page, officer, kesat):
    codes = [i.code for f in Questionnaire.current().form.factors for i in f.items]
    year = timezone.localdate().year
    at = timezone.make_aware(dt.datetime(year, 2, 10, 9))
    stored(kesat, dict.fromkeys(codes, 4), n=3, submitted_at=at)
    stored(kesat, dict.fromkeys(codes, 2), submitted_at=at)
    login(phone_page, "kesat.vhxh")
    phone_page.goto(f"/ket-qua-khao-sat/don-vi/{kesat.pk}/?ky={year}-q1")
    chart = phone_page.locator("svg.chart")
    chart.scroll_into_view_if_needed()
    expect(chart).to_be_visible()
    box = chart.bounding_box()
    assert 300 <= box["width"] <= 390 and box["x"] >= 0
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 390
    smallest = phone_page.evaluate(
        "Math.min(...[...document.querySelectorAll('svg.chart text')].map(t => t.getBoundingClientRect().height)"
        ".filter(h => h > 0))"
    )
    assert smallest >= 9  # px on the screen: 10 px type scaled to the phone's width
    expect(chart.locator("text.value").first).to_have_text("75%")
    shot(phone_page, "survey-trend-phone")

    phone_page.emulate_media(media="print")
    expect(chart).to_be_visible()
    expect(phone_page.locator("th", has_text="Tỷ lệ hài lòng chung")).to_be_visible()  # the table is printed too
    phone_page.pdf(path=str(SCREENSHOTS / "print-survey-trend.pdf"), format="A4", print_background=True)
