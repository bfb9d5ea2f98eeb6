"""Pages show dates with the project's ``date`` filter (cchc.dates, a template builtin): for every value and format
it must print what Django's own filter prints, in the site's time zone."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest
from django.template import engines
from django.template.defaultfilters import date as django_date
from django.utils import timezone

from cchc.dates import FORMATS

VALUES = [
    None,
    "",
    "không phải ngày",
    dt.date(2026, 3, 5),
    dt.date(999, 1, 2),
    dt.datetime(2026, 12, 31, 23, 59),
    dt.datetime(2026, 12, 31, 18, 30, tzinfo=dt.UTC),  # 01:30 on 1 January in Hà Nội
    dt.datetime(2026, 7, 1, 0, 5, tzinfo=zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")),
]


def test_it_prints_what_djangos_date_filter_prints():
    engine = engines["django"]
    for fmt in [*FORMATS, "j/n/Y", "d/m"]:
        page = engine.from_string("{{ value|date:fmt }}|{{ value|date:fmt|default:'—' }}")
        for value in VALUES:
            local = timezone.localtime(value) if isinstance(value, dt.datetime) and timezone.is_aware(value) else value
            if type(value) is dt.date and ("H" in fmt or "i" in fmt):  # Django refuses, and so do the pages
                with pytest.raises(TypeError):
                    page.render({"value": value, "fmt": fmt})
                continue
            expected = django_date(local, fmt)
            assert page.render({"value": value, "fmt": fmt}) == f"{expected}|{expected or '—'}", (fmt, value)


def test_it_is_the_filter_templates_get():
    page = engines["django"].from_string('{{ value|date:"H:i d/m/Y" }}')
    assert page.render({"value": dt.datetime(2026, 12, 31, 18, 30, tzinfo=dt.UTC)}) == "01:30 01/01/2027"
