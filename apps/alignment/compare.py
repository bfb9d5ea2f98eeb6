"""How a plan lines up with another (the plan it implements, or any two plans a user picks), side by side.

Targets are paired first by the indicator of the catalogue they bind to, then by accent-insensitive similarity of
their texts with the figures left out ("… trực tuyến đạt 60%" pairs with "… trực tuyến đạt 85%"). Tasks are paired
by the similarity of their contents. An officer's decision (``TargetMatch`` / ``TaskMatch``) overrides both: a
confirmed pair is kept, a broken one is never suggested again. Each pair then gets the kind of gap it shows.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from apps.alignment.models import Decision, TargetMatch, TaskMatch
from apps.plans.models import Comparator, Plan, Target, Task
from apps.units.matching import similarity
from importer.text import fold

TARGET_SIMILAR = 0.6  # texts without their figures at least this alike pair two targets
TASK_SIMILAR = 0.55

GAPS = {
    "missing": "Kế hoạch so sánh không có chỉ tiêu này",
    "weaker": "Đặt thấp hơn",
    "stronger": "Đặt cao hơn",
    "other_unit": "Khác đơn vị tính",
    "other_deadline": "Khác thời hạn, giai đoạn",
    "same": "Tương đương",
    "extra": "Chỉ có ở kế hoạch so sánh",
    "no_counterpart": "Nhiệm vụ chưa có nhiệm vụ tương ứng",
    "matched": "Có nhiệm vụ tương ứng",
}
HOW = {"indicator": "cùng chỉ số", "text": "nội dung tương tự", "confirmed": "cán bộ đã xác nhận"}
_FIGURES = re.compile(r"\d+(?:[.,]\d+)?\s*%?")
_WORDS = re.compile(r"[a-z0-9]+")


def _words(text: str, figures: bool = True) -> str:
    folded = fold(text or "")
    if not figures:
        folded = _FIGURES.sub(" ", folded)
    return " ".join(_WORDS.findall(folded))


@dataclass
class TargetPair:
    parent: Target | None
    child: Target | None
    how: str = ""  # indicator / text / confirmed; empty when unpaired
    score: float = 0.0
    gaps: list[str] = field(default_factory=list)

    @property
    def gap_labels(self) -> list[str]:
        return [GAPS[g] for g in self.gaps]

    @property
    def decided(self) -> bool:
        return self.how == "confirmed"


@dataclass
class TaskPair:
    parent: Task | None
    child: Task | None
    how: str = ""
    score: float = 0.0

    @property
    def gap(self) -> str:
        if self.parent is None:
            return "extra"
        return "matched" if self.child is not None else "no_counterpart"

    @property
    def decided(self) -> bool:
        return self.how == "confirmed"


@dataclass
class Alignment:
    parent: Plan
    child: Plan
    targets: list[TargetPair]
    tasks: list[TaskPair]

    def count(self, gap: str) -> int:
        return sum(gap in pair.gaps for pair in self.targets) + sum(pair.gap == gap for pair in self.tasks)

    @property
    def summary(self) -> dict[str, int]:
        keys = ("missing", "weaker", "stronger", "other_deadline", "other_unit", "extra", "no_counterpart")
        return {key: self.count(key) for key in keys}

    @property
    def weaker(self) -> list[TargetPair]:
        """The pairs where the compared plan sets a weaker figure: what the page shows first."""
        return [pair for pair in self.targets if "weaker" in pair.gaps]

    @property
    def gap_count(self) -> int:
        return sum(self.count(key) for key in ("missing", "weaker", "other_deadline", "no_counterpart"))


def _strength(target: Target) -> Decimal:
    """The target's figure oriented so that higher is stronger (a ceiling "tối đa 5" is stronger when lower)."""
    return -target.value if target.comparator == Comparator.AT_MOST else target.value


def target_gaps(parent: Target, child: Target) -> list[str]:
    gaps = []
    if parent.unit.strip() != child.unit.strip():
        gaps.append("other_unit")
    elif _strength(child) < _strength(parent):
        gaps.append("weaker")
    elif _strength(child) > _strength(parent):
        gaps.append("stronger")
    deadline = (parent.due_on, (parent.phase or "").strip()) != (child.due_on, (child.phase or "").strip())
    if deadline and (parent.due_on or parent.phase) and (child.due_on or child.phase):
        gaps.append("other_deadline")
    return gaps or ["same"]


def _pair(parents, children, decisions, score) -> list[tuple]:
    """(parent, child, how, score) for every row: confirmed pairs first, then the best free pairs by score."""
    confirmed = {(p, c) for (p, c), d in decisions.items() if d == Decision.CONFIRMED}
    broken = {(p, c) for (p, c), d in decisions.items() if d == Decision.BROKEN}
    by_id_p, by_id_c = {p.pk: p for p in parents}, {c.pk: c for c in children}
    pairs, used_p, used_c = [], set(), set()
    for p_id, c_id in sorted(confirmed):
        if p_id in by_id_p and c_id in by_id_c and p_id not in used_p and c_id not in used_c:
            pairs.append((by_id_p[p_id], by_id_c[c_id], "confirmed", 1.0))
            used_p.add(p_id)
            used_c.add(c_id)
    scored = []
    for p in parents:
        for c in children:
            if p.pk in used_p or c.pk in used_c or (p.pk, c.pk) in broken:
                continue
            how, value = score(p, c)
            if how:
                scored.append((value, p.pk, c.pk, how))
    for value, p_id, c_id, how in sorted(scored, key=lambda s: (-s[0], s[1], s[2])):
        if p_id in used_p or c_id in used_c:
            continue
        pairs.append((by_id_p[p_id], by_id_c[c_id], how, value))
        used_p.add(p_id)
        used_c.add(c_id)
    pairs += [(p, None, "", 0.0) for p in parents if p.pk not in used_p]
    pairs += [(None, c, "", 0.0) for c in children if c.pk not in used_c]
    return pairs


def _target_score(words: dict[int, str]):
    def score(parent: Target, child: Target) -> tuple[str, float]:
        if parent.indicator_id and parent.indicator_id == child.indicator_id:
            return "indicator", 1.0 + similarity(words[parent.pk], words[child.pk])  # indicator first
        value = similarity(words[parent.pk], words[child.pk])
        return ("text", value) if value >= TARGET_SIMILAR else ("", 0.0)

    return score


def _task_score(words: dict[int, str]):
    def score(parent: Task, child: Task) -> tuple[str, float]:
        value = similarity(words[parent.pk], words[child.pk])
        return ("text", value) if value >= TASK_SIMILAR else ("", 0.0)

    return score


def _order(pair: tuple) -> tuple:
    parent, child = pair[0], pair[1]
    row = parent or child
    return (parent is None, row.area or "", row.position, row.pk)


def compare(parent: Plan, child: Plan) -> Alignment:
    """Every target and task of ``parent`` beside its counterpart in ``child`` (or none), with the gaps."""
    return compare_many(parent, [child])[child.pk]


def compare_many(parent: Plan, children: list[Plan]) -> dict[int, Alignment]:
    """``compare(parent, child)`` for each child, by child id, in a fixed number of queries whatever their number
    (the plans implementing a city plan)."""
    ids = [child.pk for child in children]
    p_targets = list(parent.targets.select_related("indicator").order_by("position", "pk"))
    p_tasks = list(parent.tasks.order_by("position", "pk"))
    c_targets, c_tasks = defaultdict(list), defaultdict(list)
    for t in Target.objects.filter(plan__in=ids).select_related("indicator").order_by("position", "pk"):
        c_targets[t.plan_id].append(t)
    for t in Task.objects.filter(plan__in=ids).order_by("position", "pk"):
        c_tasks[t.plan_id].append(t)
    target_decisions, task_decisions = defaultdict(dict), defaultdict(dict)
    for model, into in ((TargetMatch, target_decisions), (TaskMatch, task_decisions)):
        matches = model.objects.filter(parent__plan=parent, child__plan__in=ids).values_list(
            "child__plan", "parent", "child", "decision"
        )
        for plan_id, parent_id, child_id, decision in matches:
            into[plan_id][(parent_id, child_id)] = decision
    target_words = {t.pk: _words(t.text, figures=False) for t in p_targets}
    task_words = {t.pk: _words(t.content) for t in p_tasks}
    found = {}
    for child in children:
        target_words |= {t.pk: _words(t.text, figures=False) for t in c_targets[child.pk]}
        task_words |= {t.pk: _words(t.content) for t in c_tasks[child.pk]}
        targets = []
        pairs = _pair(p_targets, c_targets[child.pk], target_decisions[child.pk], _target_score(target_words))
        for p, c, how, score in sorted(pairs, key=_order):
            if p is None:
                gaps = ["extra"]
            elif c is None:
                gaps = ["missing"]
            else:
                gaps = target_gaps(p, c)
            targets.append(TargetPair(p, c, how, min(score, 1.0) if how != "indicator" else 1.0, gaps))
        pairs = _pair(p_tasks, c_tasks[child.pk], task_decisions[child.pk], _task_score(task_words))
        tasks = [TaskPair(p, c, how, score) for p, c, how, score in sorted(pairs, key=_order)]
        found[child.pk] = Alignment(parent, child, targets, tasks)
    return found


def as_api(alignment: Alignment) -> dict:
    def target(t: Target | None) -> dict | None:
        if t is None:
            return None
        return {
            "id": t.pk,
            "text": t.text,
            "indicator": t.indicator.code if t.indicator else "",
            "comparator": t.comparator,
            "value": float(t.value),
            "unit": t.unit,
            "phase": t.phase,
            "due_on": t.due_on,
        }

    def task(t: Task | None) -> dict | None:
        return None if t is None else {"id": t.pk, "no": t.no, "content": t.content, "area": t.area}

    return {
        "plan": alignment.child.pk,
        "with": alignment.parent.pk,
        "summary": alignment.summary,
        "targets": [
            {"parent": target(p.parent), "child": target(p.child), "how": p.how, "gaps": p.gaps}
            for p in alignment.targets
        ],
        "tasks": [
            {"parent": task(p.parent), "child": task(p.child), "how": p.how, "gap": p.gap} for p in alignment.tasks
        ],
    }
