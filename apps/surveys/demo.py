"""Demo SIPAS responses: a few hundred plausible answers per commune over the last two years, from a fixed random
seed per commune (the same every run), with N entered, a few flagged and two excluded by Sở Nội vụ.

Called by ``load_demo``; a commune that already has responses is left alone, so running it twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
import random

from django.contrib.auth import get_user_model
from django.utils import timezone

from apps.surveys.models import Flag, Questionnaire, Response, Survey
from apps.surveys.services import HONEYPOT_REASON
from apps.units.models import Role, Unit, UnitKind

COMMENTS = [
    "Cán bộ hướng dẫn tận tình, dễ hiểu.",
    "Phòng chờ hơi chật vào buổi sáng.",
    "Nên có thêm máy lấy số thứ tự.",
    "Thời gian trả kết quả đúng hẹn, cảm ơn.",
    "Mong dịch vụ công trực tuyến dễ dùng hơn trên điện thoại.",
    "Niêm yết thủ tục rõ ràng.",
]
EXCLUDE_REASON = "Nhiều phiếu giống hệt nhau gửi từ một địa chỉ trong vài phút."


def _level(rng: random.Random, mean: float) -> int:
    """A level 1–5 around ``mean`` (people mostly answer 4 or 5), sometimes no opinion."""
    if rng.random() < 0.03:
        return 0
    return max(1, min(5, round(rng.gauss(mean, 0.7))))


def add_survey_responses(today: dt.date, report) -> None:
    questionnaire = Questionnaire.current()
    form = questionnaire.form
    reviewer = get_user_model().objects.filter(memberships__role=Role.CITY_REVIEWER).order_by("pk").first()
    communes = Unit.objects.filter(kind__in=[UnitKind.COMMUNE, UnitKind.WARD, UnitKind.SPECIAL_ZONE]).order_by("code")
    first_day = dt.date(today.year - 1, 1, 1)
    days = (today - first_day).days
    for unit in communes:
        if Response.objects.filter(unit=unit).exists():
            continue
        rng = random.Random(f"sipas-demo-{unit.code}")
        desk = unit.agencies().filter(name__icontains="Phục vụ hành chính công").first()
        quality = {factor.code: rng.uniform(4.1, 4.7) for factor in form.factors}
        rows = []
        count = rng.randint(280, 420)
        for n in range(count):
            day = first_day + dt.timedelta(days=min(days, int(days * (n + rng.random()) / count)))
            moment = timezone.make_aware(dt.datetime.combine(day, dt.time(rng.randint(7, 16), rng.randint(0, 59))))
            drift = (day - first_day).days / max(days, 1) * 0.2  # service improves a little over time
            items = {
                item.code: _level(rng, quality[factor.code] + drift)
                for factor in form.factors
                for item in factor.items
                if rng.random() > 0.05
            }
            items[form.overall.code] = max(
                1, min(5, round(sum(quality.values()) / len(quality) + drift + rng.gauss(0, 0.6)))
            )
            flags = [Flag.TOO_FAST] if rng.random() < 0.03 else []
            honeypot = rng.random() < 0.005
            if honeypot:
                flags = [Flag.HONEYPOT]
            respondent = {
                question.code: rng.choice(question.choices) for question in form.respondent if rng.random() < 0.7
            }
            rows.append(
                Response(
                    unit=unit,
                    desk=desk if rng.random() < 0.85 else None,
                    questionnaire=questionnaire,
                    submitted_at=moment,
                    answers={
                        "items": items,
                        "respondent": respondent,
                        "improve": sorted(rng.sample(form.improve.choices, rng.choice([0, 0, 1, 1, 2]))),
                        "comment": rng.choice(COMMENTS) if rng.random() < 0.12 else "",
                    },
                    visit_token=f"demo-{unit.code}-{n}",
                    address_hash=f"{rng.getrandbits(64):016x}",
                    flags=[str(flag) for flag in flags],
                    flagged=bool(flags),
                    excluded=honeypot,
                    exclude_reason=HONEYPOT_REASON if honeypot else "",
                )
            )
        Response.objects.bulk_create(rows)
        report.add("phiếu khảo sát SIPAS", len(rows))
        flagged = [r for r in Response.objects.filter(unit=unit, flagged=True, excluded=False).order_by("pk")[:2]]
        if reviewer is not None:
            for response in flagged[:1]:
                Response.objects.filter(pk=response.pk).update(
                    excluded=True, exclude_reason=EXCLUDE_REASON, excluded_by=reviewer, excluded_at=timezone.now()
                )
        for year in (today.year - 1, today.year):
            Survey.objects.get_or_create(unit=unit, year=year, defaults={"population": rng.randint(25, 60) * 100})
