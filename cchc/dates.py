"""The ``date`` filter of every template, with the formats the pages use written out: Django's own filter looks the
format up among the locale's named formats and reads it letter by letter on each call (~30 µs, a plan page shows
50 dates). The same text for these formats; any other format, or a value that is not a date, goes to Django's."""

from __future__ import annotations

import datetime as dt

from django import template
from django.template import defaultfilters

register = template.Library()


def _day(v: dt.date) -> str:
    return f"{v.day:02d}/{v.month:02d}/{v.year:04d}"


def _time(v: dt.datetime) -> str:
    return f"{v.hour:02d}:{v.minute:02d}"


# Django's letters: d, m = day and month with two digits, Y = year with four, H = hour 00-23, i = minutes
FORMATS = {
    "d/m/Y": (dt.date, _day),
    "d/m/Y H:i": (dt.datetime, lambda v: f"{_day(v)} {_time(v)}"),
    "H:i d/m/Y": (dt.datetime, lambda v: f"{_time(v)} {_day(v)}"),
}


@register.filter(expects_localtime=True, is_safe=False)
def date(value, arg=None):
    known = FORMATS.get(arg)
    if known is not None and isinstance(value, known[0]):
        return known[1](value)
    return defaultfilters.date(value, arg)
