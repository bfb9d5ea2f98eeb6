"""Scoring methods of the PAR Index: pure functions from a leaf's maximum, its parameters and the facts of the year
to a proposed score with the computation written out in Vietnamese ("1.234 / 1.410 = 87,5% ≥ 85% → 2,0 / 2,0").

No Django here: the methods are data (a criterion names one and gives its parameters as JSON), the facts come from
the tracked tasks and figures (apps/par/evidence.py), and a person always has the last word.

- ``manual``: entered by hand, nothing proposed.
- ``rate``: proportional to a rate — rate × max; full points at or above ``threshold``; 0 below ``floor``;
  or ``steps`` ([[minimum rate, points], …], highest first) where the rule gives steps.
- ``all_or_nothing``: full points when the rate reaches ``threshold`` (100 unless given), or the thing was done.
- ``nothing_to_assess``: full points when nothing arose to assess (denominator 0); otherwise as ``rate``.
- ``deduction``: ``per_item`` off the maximum for each missing item, down to 0.
- ``group_average``: full points at or above the group's average, else ``below`` × max (0 unless given).
- ``survey``: the satisfaction rate × max (the survey points).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from cchc.numbers import num, rate

HUNDRED = Decimal(100)
CENT = Decimal("0.01")

METHODS = {
    "manual": "Chấm theo thực tế (nhập tay)",
    "rate": "Theo tỷ lệ (tỷ lệ × điểm tối đa)",
    "all_or_nothing": "Đạt thì đủ điểm, không đạt 0 điểm",
    "nothing_to_assess": "Không phát sinh thì đủ điểm",
    "deduction": "Trừ điểm theo mỗi nội dung thiếu",
    "group_average": "So với bình quân của khối",
    "survey": "Theo kết quả khảo sát sự hài lòng",
}


class MethodError(ValueError):
    """A method or its parameters that cannot be used: the message says what to fix."""


@dataclass(frozen=True)
class Facts:
    """What the year's tracking says about a leaf. ``value`` is a rate in % (or a figure) when there is no
    numerator and denominator; ``missing`` a number of missing items; ``done`` whether the task was done."""

    numerator: Decimal | None = None
    denominator: Decimal | None = None
    value: Decimal | None = None
    missing: int | None = None
    done: bool | None = None
    group_average: Decimal | None = None

    @property
    def rate(self) -> Decimal | None:
        if self.numerator is not None and self.denominator:
            return Decimal(self.numerator) * HUNDRED / Decimal(self.denominator)
        return None if self.value is None else Decimal(self.value)


@dataclass(frozen=True)
class Proposal:
    score: Decimal
    computation: str


def points(value: Decimal) -> Decimal:
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def pts(number) -> str:
    """Points, wherever they are shown (pages, .docx, .xlsx, messages): up to two decimals without trailing zeros,
    '2,5', '1', '1,42'."""
    return num(number, places=2)


pct = rate  # a rate in a computation: '87,5%'


def describe_params(params: dict | None) -> str:
    """A leaf's parameters as people read them: 'đủ điểm từ 98%; 0 điểm dưới 80%', 'trừ 0,5 điểm mỗi nội dung
    thiếu'; a key no method knows is shown as it is."""
    words = []
    known = ("steps", "threshold", "floor", "per_item", "below")  # in this order, whatever the database kept
    params = params or {}
    for key in sorted(params, key=lambda k: known.index(k) if k in known else len(known)):
        value = params[key]
        try:
            if key == "steps":
                words.extend(f"từ {pct(rate)}: {pts(score)} điểm" for rate, score in value)
            elif key == "threshold":
                words.append(f"đủ điểm từ {pct(value)}")
            elif key == "floor":
                words.append(f"0 điểm dưới {pct(value)}")
            elif key == "per_item":
                words.append(f"trừ {pts(value)} điểm mỗi nội dung thiếu")
            elif key == "below":
                words.append(f"dưới bình quân khối được {pct(Decimal(str(value)) * HUNDRED)} số điểm")
            else:
                words.append(f"{key}: {value}")
        except (InvalidOperation, TypeError, ValueError):
            words.append(f"{key}: {value}")
    return "; ".join(words)


def _decimal(params: dict, key: str, default=None) -> Decimal | None:
    raw = params.get(key, default)
    if raw is None:
        return None
    try:
        return Decimal(str(raw))
    except (InvalidOperation, ValueError):
        raise MethodError(f"Tham số “{key}” phải là một số, không phải “{raw}”.") from None


def _rate_text(facts: Facts) -> str:
    rate = facts.rate
    if facts.numerator is not None and facts.denominator:
        return f"{num(facts.numerator)} / {num(facts.denominator)} = {pct(rate)}"
    return pct(rate)


def _proportional(maximum: Decimal, params: dict, facts: Facts) -> Proposal | None:
    rate = facts.rate
    if rate is None:
        return None
    out = f"/ {pts(maximum)}"
    steps = params.get("steps")
    if steps:
        try:
            ordered = sorted(((Decimal(str(a)), Decimal(str(b))) for a, b in steps), reverse=True)
        except (InvalidOperation, ValueError, TypeError):
            raise MethodError("Tham số “steps” phải là danh sách [tỷ lệ tối thiểu, số điểm].") from None
        for minimum, given in ordered:
            if rate >= minimum:
                score = points(min(given, maximum))
                return Proposal(score, f"{_rate_text(facts)} ≥ {pct(minimum)} → {pts(score)} {out}")
        return Proposal(Decimal("0.00"), f"{_rate_text(facts)} < {pct(ordered[-1][0])} → 0 {out}")
    threshold = _decimal(params, "threshold")
    floor = _decimal(params, "floor")
    if threshold is not None and rate >= threshold:
        return Proposal(points(maximum), f"{_rate_text(facts)} ≥ {pct(threshold)} → {pts(maximum)} {out}")
    if floor is not None and rate < floor:
        return Proposal(Decimal("0.00"), f"{_rate_text(facts)} < {pct(floor)} → 0 {out}")
    score = points(min(maximum, max(Decimal(0), rate * maximum / HUNDRED)))
    below = f" < {pct(threshold)}" if threshold is not None else ""
    return Proposal(score, f"{_rate_text(facts)}{below} → {pct(rate)} × {pts(maximum)} = {pts(score)} {out}")


def _all_or_nothing(maximum: Decimal, params: dict, facts: Facts) -> Proposal | None:
    out = f"/ {pts(maximum)}"
    if facts.rate is None:
        if facts.done is None:
            return None
        score = maximum if facts.done else Decimal(0)
        word = "Đã thực hiện" if facts.done else "Chưa thực hiện"
        return Proposal(points(score), f"{word} → {pts(score) if facts.done else '0'} {out}")
    threshold = _decimal(params, "threshold", 100)
    if facts.rate >= threshold:
        return Proposal(points(maximum), f"{_rate_text(facts)} ≥ {pct(threshold)} → {pts(maximum)} {out}")
    return Proposal(Decimal("0.00"), f"{_rate_text(facts)} < {pct(threshold)} → 0 {out}")


def _nothing_to_assess(maximum: Decimal, params: dict, facts: Facts) -> Proposal | None:
    if facts.denominator is not None and Decimal(facts.denominator) == 0:
        return Proposal(points(maximum), f"Không phát sinh → {pts(maximum)} / {pts(maximum)}")
    return _proportional(maximum, params, facts)


def _deduction(maximum: Decimal, params: dict, facts: Facts) -> Proposal | None:
    if facts.missing is None:
        return None
    per_item = _decimal(params, "per_item", "0.25")
    if per_item is None or per_item < 0:
        raise MethodError("Tham số “per_item” (số điểm trừ mỗi nội dung thiếu) phải là số không âm.")
    off = per_item * facts.missing
    score = points(max(Decimal(0), maximum - off))
    if facts.missing == 0:
        return Proposal(score, f"Không thiếu nội dung nào → {pts(score)} / {pts(maximum)}")
    return Proposal(
        score,
        f"Thiếu {facts.missing} × {pts(per_item)} = {pts(off)} → {pts(maximum)} − {pts(off)} = "
        f"{pts(score) if score else '0'} / {pts(maximum)}",
    )


def _group_average(maximum: Decimal, params: dict, facts: Facts) -> Proposal | None:
    rate, average = facts.rate, facts.group_average
    if rate is None or average is None:
        return None
    below = _decimal(params, "below", 0)
    if rate >= average:
        return Proposal(
            points(maximum), f"{pct(rate)} ≥ bình quân khối {pct(average)} → {pts(maximum)} / {pts(maximum)}"
        )
    score = points(maximum * below)
    return Proposal(score, f"{pct(rate)} < bình quân khối {pct(average)} → {pts(score)} / {pts(maximum)}")


def _survey(maximum: Decimal, params: dict, facts: Facts) -> Proposal | None:
    rate = facts.rate
    if rate is None:
        return None
    score = points(min(maximum, max(Decimal(0), rate * maximum / HUNDRED)))
    return Proposal(score, f"Mức độ hài lòng {pct(rate)} × {pts(maximum)} = {pts(score)} / {pts(maximum)}")


COMPUTE = {
    "manual": lambda maximum, params, facts: None,
    "rate": _proportional,
    "all_or_nothing": _all_or_nothing,
    "nothing_to_assess": _nothing_to_assess,
    "deduction": _deduction,
    "group_average": _group_average,
    "survey": _survey,
}


def propose(method: str, maximum, params: dict | None, facts: Facts | None) -> Proposal | None:
    """The score a method proposes for these facts, or None when it proposes nothing (entered by hand, no facts)."""
    if method not in COMPUTE:
        raise MethodError(f"Không có cách chấm “{method}”. Dùng một trong: {', '.join(COMPUTE)}.")
    if facts is None:
        return None
    return COMPUTE[method](Decimal(maximum), params or {}, facts)


def check_params(method: str, params) -> list[str]:
    """What is wrong with a method's parameters (empty when nothing): for the framework's totals check."""
    if method not in COMPUTE:
        return [f"không có cách chấm “{method}”"]
    if not isinstance(params, dict):
        return ["tham số phải là một bảng khóa: giá trị (JSON)"]
    try:
        propose(method, 1, params, Facts(numerator=Decimal(1), denominator=Decimal(2), missing=1, group_average=50))
    except MethodError as error:
        return [str(error)]
    return []
