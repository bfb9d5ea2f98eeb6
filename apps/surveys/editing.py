"""The city edits the questionnaire in the browser: each factor's items one per line, the respondent questions as
"Question: choice; choice", the method's choices. Saving a version nobody has answered changes it; once answered,
saving makes a new version (the answers keep the version they answered) and the public page asks the new one.

An item keeps its code while its text stays (so results of two versions line up); a new text gets a new code.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from apps.audit.models import record
from apps.surveys import questionnaire as q
from apps.surveys.models import Questionnaire
from cchc.versioning import claim

FACTOR_SLOTS = 6  # the five factors and one more the city may add


def _lines(text: str) -> list[str]:
    return [line.strip(" -•\t") for line in (text or "").splitlines() if line.strip(" -•\t")]


@dataclass
class Draft:
    """The editor's fields, as shown and as posted."""

    name: str
    decision: str
    factors: list[tuple[str, str]]  # (name, items one per line), FACTOR_SLOTS of them
    overall: str
    improve: str
    respondent: str
    comment: str
    satisfied: list[int]
    overall_method: str

    @classmethod
    def of(cls, questionnaire: Questionnaire) -> Draft:
        form = questionnaire.form
        factors = [(f.name, "\n".join(i.text for i in f.items)) for f in form.factors]
        factors += [("", "")] * (FACTOR_SLOTS - len(factors))
        return cls(
            name=questionnaire.name,
            decision=questionnaire.decision,
            factors=factors,
            overall=form.overall.text,
            improve="\n".join(form.improve.choices),
            respondent="\n".join(f"{c.text}: {'; '.join(c.choices)}" for c in form.respondent),
            comment=form.comment,
            satisfied=sorted(form.method.satisfied),
            overall_method=form.method.overall,
        )

    @classmethod
    def posted(cls, post) -> Draft:
        levels = []
        for raw in post.getlist("satisfied"):
            if raw.isdigit():
                levels.append(int(raw))
        return cls(
            name=post.get("name", "").strip(),
            decision=post.get("decision", "").strip(),
            factors=[(post.get(f"f{n}-name", "").strip(), post.get(f"f{n}-items", "")) for n in range(FACTOR_SLOTS)],
            overall=post.get("overall", "").strip(),
            improve=post.get("improve", ""),
            respondent=post.get("respondent", ""),
            comment=post.get("comment", "").strip(),
            satisfied=levels,
            overall_method=post.get("overall_method", ""),
        )


def _slug(text: str, taken: set[str], prefix: str) -> str:
    n = 1
    while f"{prefix}{n}" in taken:
        n += 1
    return f"{prefix}{n}"


def build(draft: Draft, base: Questionnaire) -> tuple[dict, dict]:
    """The content and method the draft describes, reusing the base version's codes for unchanged texts;
    QuestionnaireError when it cannot be used."""
    old = base.form
    old_factors = {f.name: f for f in old.factors}
    old_items = {i.text: i.code for f in old.factors for i in f.items}
    factors, used = [], {old.overall.code, old.improve.code}
    for n, (name, items) in enumerate(draft.factors, 1):
        texts = _lines(items)
        if not name and not texts:
            continue
        if not name:
            raise q.QuestionnaireError(f"Yếu tố thứ {n} có tiêu chí nhưng chưa có tên.")
        if not texts:
            raise q.QuestionnaireError(f"Yếu tố “{name}” cần ít nhất một tiêu chí (mỗi dòng một tiêu chí).")
        code = old_factors[name].code if name in old_factors else _slug(name, used, "factor")
        used.add(code)
        rows = []
        for text in texts:
            item_code = old_items.get(text)
            if item_code is None or item_code in used:
                item_code = _slug(text, used, f"{code}.")
            used.add(item_code)
            rows.append({"code": item_code, "text": text})
        factors.append({"code": code, "name": name, "items": rows})
    respondent = []
    for n, line in enumerate(_lines(draft.respondent), 1):
        text, _, choices = line.partition(":")
        options = [c.strip() for c in re.split(r"[;|]", choices) if c.strip()]
        if not text.strip() or not options:
            raise q.QuestionnaireError(
                f"Câu hỏi về người trả lời, dòng {n}: hãy viết “Câu hỏi: lựa chọn 1; lựa chọn 2”, ví dụ "
                "“Giới tính: Nam; Nữ”."
            )
        known = {c.text: c.code for c in old.respondent}
        code = known.get(text.strip()) or _slug(text, used, "respondent")
        used.add(code)
        respondent.append({"code": code, "text": text.strip(), "choices": options})
    content = {
        "respondent": respondent,
        "factors": factors,
        "overall": {"code": old.overall.code, "text": draft.overall},
        "improve": {"code": old.improve.code, "text": old.improve.text, "choices": _lines(draft.improve)},
        "comment": {"text": draft.comment or old.comment},
    }
    method = {**base.method, "satisfied": draft.satisfied, "overall": draft.overall_method}
    q.read(content, method)  # raises with what to fix
    if not draft.name:
        raise q.QuestionnaireError("Hãy đặt tên cho phiếu khảo sát.")
    return content, method


def save(base: Questionnaire, draft: Draft, user, expected_version: int | None) -> tuple[Questionnaire, bool]:
    """Save the draft over ``base`` (not yet answered) or as a new active version; (questionnaire, is_new).
    ``Conflict`` when someone saved ``base`` since the editor opened."""
    content, method = build(draft, base)
    with transaction.atomic():
        if expected_version is not None:
            base.version = expected_version
        if base.responses.exists():
            claim(base)  # the version the editor opened, or Conflict
            Questionnaire.objects.filter(pk=base.pk).update(active=False)
            saved = Questionnaire.objects.create(
                name=draft.name,
                decision=draft.decision,
                valid_from=timezone.localdate(),
                active=True,
                content=content,
                method=method,
            )
            Questionnaire.objects.filter(active=True).exclude(pk=saved.pk).update(active=False)
            is_new = True
        else:
            base.name, base.decision, base.content, base.method = draft.name, draft.decision, content, method
            base.valid_from = base.valid_from or dt.date.today()
            base.save()
            saved, is_new = base, False
        record(
            user,
            "questionnaire.new_version" if is_new else "questionnaire.update",
            saved,
            None,
            after={"name": saved.name, "factors": [f["name"] for f in content["factors"]], "method": method},
            summary=f"{'Tạo phiên bản mới' if is_new else 'Sửa'} phiếu khảo sát SIPAS: {saved.name}",
        )
    return saved, is_new
