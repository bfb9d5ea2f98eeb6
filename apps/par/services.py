"""The yearly PAR cycle: the city opens a year, a unit self-scores with the evidence already collected and locks,
the city appraises (round 1), the unit explains once, round 2 gives the final points; then totals and ranking.

Every change happens in one ``transaction.atomic`` with its ``ScoreEntry`` (the history of the leaf) and its
audit entry; a score or an assessment changed since the version the user started from raises ``Conflict``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.shortcuts import get_object_or_404
from django.utils import timezone

from apps.audit.models import record
from apps.par.bands import DEFAULT as DEFAULT_BANDS
from apps.par.methods import Facts, MethodError, propose, pts
from apps.par.models import (
    Assessment,
    AssessmentState,
    AssessmentYear,
    CriterionTag,
    Framework,
    Part,
    Score,
    ScoreEntry,
    Stage,
    UnitGroup,
    YearFramework,
    block_name,
    group_of,
)
from apps.plans.models import ReportStatus
from apps.tracking.models import Measurement, PeriodKind
from apps.tracking.uploads import store_evidence, validate_upload
from apps.units.access import Access
from apps.units.models import Unit
from cchc.versioning import claim

FORBIDDEN_SELF = "Chỉ cán bộ thường trực CCHC của đơn vị được tự chấm điểm và khóa bản chấm."
FORBIDDEN_APPRAISE = "Chỉ cán bộ thẩm định của Sở Nội vụ được thẩm định, và không thẩm định đơn vị của chính mình."
FORBIDDEN_CITY = "Chỉ Sở Nội vụ (cán bộ thẩm định, quản trị) được việc này."
ZERO = Decimal(0)


class WorkflowError(Exception):
    """A step that cannot be taken now: the message says why and what to do."""


# --- who may do what ----------------------------------------------------------------------------------------


def can_self_score(access: Access, assessment: Assessment) -> bool:
    return access.can_manage(assessment.unit)


def can_appraise(access: Access, assessment: Assessment) -> bool:
    """A city reviewer, about another unit than their own: a unit never appraises itself."""
    if not access.is_reviewer:
        return False
    own = {m.unit.governing_unit.pk for m in access.memberships}
    return assessment.unit.governing_unit.pk not in own


def can_run_city(access: Access) -> bool:
    return access.is_city


# who may change an assessment in which role, and the refusal that says who may (pages answer it as 403, the API too)
SELF = (can_self_score, FORBIDDEN_SELF)
APPRAISE = (can_appraise, FORBIDDEN_APPRAISE)
CITY = (lambda access, assessment: can_run_city(access), FORBIDDEN_CITY)


def visible_assessment(access: Access, pk: int) -> Assessment:
    """The assessment ``pk`` if the user may read its unit's (else 404: not there, or not theirs to see)."""
    assessment = get_object_or_404(
        Assessment.objects.select_related("unit", "unit__parent", "year", "framework"), pk=pk
    )
    access.require_view(assessment.unit)
    return assessment


def refusal(access: Access, assessment: Assessment, role) -> str:
    """Why the user may not act on the assessment in ``role`` (SELF, APPRAISE, CITY); empty when they may."""
    may, refused = role
    return "" if may(access, assessment) else refused


# --- opening ------------------------------------------------------------------------------------------------


def open_year(
    year: int,
    self_deadline: dt.date,
    frameworks: dict[str, Framework],
    user,
    appraisal_start: dt.date | None = None,
    appraisal_end: dt.date | None = None,
    explanation_deadline: dt.date | None = None,
    bands: list | None = None,
) -> AssessmentYear:
    """Open (or change the dates of) a scoring year, with the framework of each unit group. ``bands`` are the new
    year's (the defaults when None); an opened year's are changed with ``apps.par.bands.set_bands`` only."""
    if not frameworks:
        raise WorkflowError("Hãy chọn bộ tiêu chí cho ít nhất một khối đơn vị.")
    with transaction.atomic():
        row, created = AssessmentYear.objects.update_or_create(
            year=year,
            defaults={
                "self_deadline": self_deadline,
                "appraisal_start": appraisal_start,
                "appraisal_end": appraisal_end,
                "explanation_deadline": explanation_deadline,
                "opened_by": user,
            },
            create_defaults={
                "self_deadline": self_deadline,
                "appraisal_start": appraisal_start,
                "appraisal_end": appraisal_end,
                "explanation_deadline": explanation_deadline,
                "opened_by": user,
                "bands": bands if bands is not None else DEFAULT_BANDS,
            },
        )
        for group, framework in frameworks.items():
            if group not in UnitGroup.values:
                raise WorkflowError(f"Không có khối “{group}”.")
            if row.assessments.filter(group=group).exclude(framework=framework).exists():
                raise WorkflowError(f"{block_name(group)} đã có đơn vị chấm theo bộ tiêu chí khác; không đổi được nữa.")
            YearFramework.objects.update_or_create(year=row, group=group, defaults={"framework": framework})
        record(user, "par.year_opened" if created else "par.year_changed", row, None, summary=str(row))
    return row


def open_assessment(year: AssessmentYear, unit: Unit, user) -> tuple[Assessment, bool]:
    """The unit's assessment of the year, made with one score row per leaf of its group's framework."""
    group = group_of(unit)
    framework = year.framework_for(group)
    if framework is None:
        raise WorkflowError(f"Năm {year.year} chưa có bộ tiêu chí cho khối của {unit.name}; hãy báo Sở Nội vụ.")
    with transaction.atomic():
        Unit.objects.select_for_update().filter(pk=unit.pk).first()  # one opening at a time per unit
        assessment, created = Assessment.objects.get_or_create(
            year=year, unit=unit, defaults={"framework": framework, "group": group}
        )
        if created:
            Score.objects.bulk_create(
                Score(assessment=assessment, criterion=leaf) for leaf in framework.leaves() if leaf.applies_to(group)
            )
            refresh_proposals(assessment)
            record(user, "par.assessment_opened", assessment, unit, summary=str(assessment))
    return assessment, created


# --- the evidence already collected -------------------------------------------------------------------------


def survey_points(unit: Unit, year: int) -> Decimal | None:
    """The satisfaction rate (%) the survey points are computed from: the rate the city entered on the assessment
    (a survey run outside cchc), else the unit's SIPAS results in cchc for the year (None without an answer)."""
    from apps.surveys.results import satisfaction

    assessment = Assessment.objects.filter(unit=unit, year__year=year).only("survey_rate").first()
    if assessment is not None and assessment.survey_rate is not None:
        return assessment.survey_rate
    result = satisfaction(unit, year)
    return result.overall if result.responses else None


@dataclass
class LeafEvidence:
    tasks: list = field(default_factory=list)  # (task, status, evidence files)
    targets: list = field(default_factory=list)  # (target, measurement or None)
    facts: Facts | None = None


def evidence(assessment: Assessment) -> dict[int, LeafEvidence]:
    """Per criterion id: the tagged tasks (with their status and files) and targets (with the year's figure) of the
    unit, and the facts they give the method."""
    unit_ids = assessment.unit.descendant_ids()
    year = assessment.year.year
    found: dict[int, LeafEvidence] = {}
    tags = CriterionTag.objects.filter(criterion__framework=assessment.framework).select_related(
        "task__plan", "task__lead", "target__plan"
    )
    tags = tags.filter(task__plan__unit_id__in=unit_ids) | tags.filter(target__plan__unit_id__in=unit_ids)
    end = dt.date(year, 12, 31)
    for tag in tags:
        leaf = found.setdefault(tag.criterion_id, LeafEvidence())
        if tag.task_id:
            task = tag.task
            files = [f for u in task.updates.all() for f in u.evidence.all()]
            leaf.tasks.append((task, ReportStatus(task.report_status(min(end, timezone.localdate()))), files))
        else:
            figures = Measurement.objects.filter(target=tag.target, period__year=year).select_related("period")
            yearly = figures.filter(period__kind=PeriodKind.YEAR).first()
            leaf.targets.append((tag.target, yearly or figures.order_by("-period_end").first()))
    for leaf in found.values():
        leaf.facts = _facts(leaf)
    return found


def _facts(leaf: LeafEvidence) -> Facts | None:
    figures = [m for target, m in leaf.targets if m is not None and (m.denominator or target.unit.strip() == "%")]
    if figures:
        numerator = sum((m.numerator for m in figures if m.numerator is not None), ZERO)
        denominator = sum((m.denominator for m in figures if m.denominator is not None), ZERO)
        if all(m.numerator is not None and m.denominator is not None for m in figures):
            return Facts(numerator=numerator, denominator=denominator)
        return Facts(value=figures[0].value)
    if leaf.tasks:
        done = sum(1 for _, status, _ in leaf.tasks if status in (ReportStatus.DONE_ON_TIME, ReportStatus.DONE_LATE))
        total = len(leaf.tasks)
        return Facts(numerator=Decimal(done), denominator=Decimal(total), missing=total - done, done=done == total)
    return None


def refresh_proposals(assessment: Assessment) -> None:
    """Recompute each leaf's proposed score from the evidence (kept apart from the scores people give)."""
    found = evidence(assessment)
    rate = survey_points(assessment.unit, assessment.year.year)
    for score in assessment.scores.select_related("criterion"):
        criterion = score.criterion
        facts = found.get(criterion.pk, LeafEvidence()).facts
        if criterion.method == "survey":
            facts = Facts(value=rate) if rate is not None else None
        try:
            proposal = propose(criterion.method, criterion.max_points, criterion.params, facts)
        except MethodError:
            proposal = None
        proposed, text = (proposal.score, proposal.computation) if proposal else (None, "")
        if (score.proposed, score.computation) != (proposed, text):
            Score.objects.filter(pk=score.pk).update(proposed=proposed, computation=text[:300])


# --- self-assessment ----------------------------------------------------------------------------------------


def parse_points(raw) -> Decimal | None:
    """'1,5' or 1.5 → Decimal('1.50'); '' → None; ValueError (Vietnamese) otherwise."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    try:
        value = Decimal(str(raw).strip().replace(",", "."))
    except InvalidOperation:
        raise ValueError(f"“{raw}” không phải là số điểm; hãy nhập số, VD 1,5.") from None
    if not value.is_finite():
        raise ValueError(f"“{raw}” không phải là số điểm.")
    return value.quantize(Decimal("0.01"))


def _check_range(score: Score, value: Decimal | None) -> None:
    if value is None:
        return
    maximum = score.criterion.max_points
    if value < 0 or value > maximum:
        raise WorkflowError(f"Tiêu chí {score.criterion.code}: điểm phải từ 0 đến {pts(maximum)}.")


def set_self_score(
    score: Score,
    user,
    value: Decimal | None,
    note: str = "",
    applicable: bool = True,
    expected_version: int | None = None,
    files=(),
) -> Score:
    assessment = score.assessment
    if not assessment.self_open():
        if assessment.state == AssessmentState.SELF:
            raise WorkflowError("Đã quá hạn tự chấm; đơn vị chỉ sửa được khi Sở Nội vụ mở lại.")
        raise WorkflowError("Bản tự chấm đã khóa; không sửa được nữa.")
    if applicable:
        _check_range(score, value)
    for upload in files:
        validate_upload(upload)
    with transaction.atomic():
        claim(score, expected_version)
        before = {"self_score": score.self_score, "applicable": score.applicable, "self_note": score.self_note}
        score.self_score = value if applicable else None
        score.self_note = note.strip()
        score.applicable = applicable
        Score.objects.filter(pk=score.pk).update(
            self_score=score.self_score, self_note=score.self_note, applicable=applicable
        )
        for upload in files:
            store_evidence(score, upload, user)
        ScoreEntry.objects.create(
            score=score, stage=Stage.SELF, points=score.self_score, applicable=applicable, note=score.self_note, by=user
        )
        record(
            user,
            "par.self_scored",
            score,
            assessment.unit,
            before=before,
            after={"self_score": score.self_score, "applicable": applicable, "self_note": score.self_note},
            summary=f"Tự chấm {score.criterion.code}: {pts(value) if value is not None else 'không áp dụng'}",
        )
    return score


def missing_for_lock(assessment: Assessment) -> list[str]:
    """Leaves that stop the lock: no score, or neither evidence nor an explanation."""
    problems = []
    with_files = set(Score.objects.filter(assessment=assessment, evidence__isnull=False).values_list("pk", flat=True))
    for score in assessment.scores.select_related("criterion"):
        if not score.applicable:
            if not score.self_note:
                problems.append(f"{score.criterion.code}: ghi lý do không áp dụng")
            continue
        if score.self_score is None:
            problems.append(f"{score.criterion.code}: chưa chấm điểm")
        elif score.pk not in with_files and not score.self_note:
            problems.append(f"{score.criterion.code}: cần tài liệu kiểm chứng hoặc giải thích")
    return problems


NEED_SIGNED = "Hãy gửi kèm bản tự chấm đã ký (PDF hoặc ảnh chụp) để khóa."


def lock(assessment: Assessment, user, signed=None, expected_version: int | None = None) -> Assessment:
    if not assessment.self_open():
        raise WorkflowError("Bản tự chấm không còn mở (đã khóa, hoặc đã quá hạn mà chưa được mở lại).")
    problems = missing_for_lock(assessment)
    if problems:
        raise WorkflowError("Chưa khóa được. " + "; ".join(problems[:12]) + ("…" if len(problems) > 12 else "") + ".")
    if signed is None:  # each lock with the file signed for it: after a reopen, the scores signed before changed
        raise WorkflowError(NEED_SIGNED)
    validate_upload(signed)
    with transaction.atomic():
        claim(assessment, expected_version)
        assessment.signed_file.save(f"tu-cham-{assessment.pk}-{signed.name[-60:]}", signed, save=False)
        assessment.signed_name = signed.name[:255]
        assessment.state = AssessmentState.LOCKED
        assessment.reopened = False
        assessment.locked_at, assessment.locked_by = timezone.now(), user
        Assessment.objects.filter(pk=assessment.pk).update(
            state=assessment.state,
            reopened=False,
            signed_file=assessment.signed_file.name or "",
            signed_name=assessment.signed_name,
            locked_at=assessment.locked_at,
            locked_by=user,
        )
        record(user, "par.locked", assessment, assessment.unit, summary=f"Khóa bản tự chấm {assessment}")
    return assessment


def reopen(assessment: Assessment, user) -> Assessment:
    """The city reopens a unit's self-assessment (after the deadline, or a locked one before appraisal)."""
    if assessment.state not in (AssessmentState.SELF, AssessmentState.LOCKED):
        raise WorkflowError("Bản chấm đã được thẩm định; không mở lại tự chấm được.")
    with transaction.atomic():
        claim(assessment)
        assessment.state, assessment.reopened = AssessmentState.SELF, True
        Assessment.objects.filter(pk=assessment.pk).update(state=assessment.state, reopened=True)
        record(user, "par.reopened", assessment, assessment.unit, summary=f"Mở lại tự chấm {assessment}")
    return assessment


# --- appraisal ----------------------------------------------------------------------------------------------


def appraise(
    score: Score,
    user,
    round_: int,
    value: Decimal | None,
    note: str = "",
    ask_explanation: bool = False,
    expected_version: int | None = None,
) -> Score:
    """Round 1 accepts or adjusts a leaf (a reason when it differs from the self-score) and may ask for an
    explanation; round 2 gives the final points."""
    assessment = score.assessment
    allowed = {1: (AssessmentState.LOCKED,), 2: (AssessmentState.ROUND1, AssessmentState.EXPLAINED)}
    if round_ not in allowed:
        raise WorkflowError("Vòng thẩm định phải là 1 hoặc 2.")
    if assessment.state not in allowed[round_]:
        raise WorkflowError(
            f"Bản chấm đang ở bước “{assessment.get_state_display()}”, chưa thẩm định vòng {round_} được."
        )
    if value is None:
        raise WorkflowError(f"Tiêu chí {score.criterion.code}: hãy nhập điểm thẩm định.")
    _check_range(score, value)
    previous = score.self_score if round_ == 1 else (score.round1 if score.round1 is not None else score.self_score)
    if value != previous and not note.strip():
        raise WorkflowError(
            f"Tiêu chí {score.criterion.code}: điểm khác điểm {'tự chấm' if round_ == 1 else 'vòng 1'}, hãy ghi lý do."
        )
    with transaction.atomic():
        claim(score, expected_version)
        if round_ == 1:
            score.round1, score.round1_note, score.explanation_asked = value, note.strip(), ask_explanation
            changes = {"round1": value, "round1_note": score.round1_note, "explanation_asked": ask_explanation}
        else:
            score.round2, score.round2_note = value, note.strip()
            changes = {"round2": value, "round2_note": score.round2_note}
        Score.objects.filter(pk=score.pk).update(**changes)
        stage = Stage.ROUND1 if round_ == 1 else Stage.ROUND2
        ScoreEntry.objects.create(score=score, stage=stage, points=value, note=note.strip(), by=user)
        record(
            user,
            f"par.round{round_}",
            score,
            assessment.unit,
            after=changes,
            summary=f"Thẩm định vòng {round_} {score.criterion.code}: {pts(value)}",
        )
    return score


def finish_round(assessment: Assessment, user, round_: int) -> Assessment:
    """Close a round: leaves not appraised keep the earlier score. Round 1 → the unit may explain; round 2 → final."""
    expected = {1: (AssessmentState.LOCKED,), 2: (AssessmentState.ROUND1, AssessmentState.EXPLAINED)}[round_]
    if assessment.state not in expected:
        raise WorkflowError(f"Bản chấm đang ở bước “{assessment.get_state_display()}”.")
    with transaction.atomic():
        claim(assessment)
        for score in assessment.scores.filter(applicable=True):
            if round_ == 1 and score.round1 is None:
                Score.objects.filter(pk=score.pk).update(round1=score.self_score, version=score.version + 1)
            if round_ == 2 and score.round2 is None:
                earlier = score.round1 if score.round1 is not None else score.self_score
                Score.objects.filter(pk=score.pk).update(round2=earlier, version=score.version + 1)
        assessment.state = AssessmentState.ROUND1 if round_ == 1 else AssessmentState.FINAL
        Assessment.objects.filter(pk=assessment.pk).update(state=assessment.state)
        record(user, f"par.round{round_}_closed", assessment, assessment.unit, summary=f"Kết thúc vòng {round_}")
    return assessment


def explain(score: Score, user, text: str, files=(), expected_version: int | None = None) -> Score:
    """The unit's explanation of a leaf the city asked about: once, before the explanation is locked."""
    assessment = score.assessment
    if assessment.state != AssessmentState.ROUND1:
        raise WorkflowError("Chỉ giải trình được sau thẩm định vòng 1 và trước khi khóa giải trình.")
    if not score.explanation_asked:
        raise WorkflowError(f"Sở Nội vụ không yêu cầu giải trình tiêu chí {score.criterion.code}.")
    if not text.strip() and not files:
        raise WorkflowError("Hãy viết nội dung giải trình hoặc gửi kèm tài liệu.")
    for upload in files:
        validate_upload(upload)
    with transaction.atomic():
        claim(score, expected_version)
        score.explanation = text.strip()
        Score.objects.filter(pk=score.pk).update(explanation=score.explanation)
        for upload in files:
            store_evidence(score, upload, user)
        ScoreEntry.objects.create(
            score=score, stage=Stage.EXPLANATION, points=score.round1, note=score.explanation, by=user
        )
        record(user, "par.explained", score, assessment.unit, summary=f"Giải trình {score.criterion.code}")
    return score


def lock_explanation(assessment: Assessment, user, signed=None) -> Assessment:
    if assessment.state != AssessmentState.ROUND1:
        raise WorkflowError("Không có giải trình nào đang mở để khóa.")
    unanswered = [
        s.criterion.code
        for s in assessment.scores.filter(explanation_asked=True, explanation="").select_related("criterion")
        if not s.evidence.exists()
    ]
    if unanswered:
        raise WorkflowError(f"Còn tiêu chí chưa giải trình: {', '.join(unanswered)}.")
    if signed is not None:
        validate_upload(signed)
    with transaction.atomic():
        claim(assessment)
        if signed is not None:
            assessment.explanation_file.save(f"giai-trinh-{assessment.pk}-{signed.name[-60:]}", signed, save=False)
            assessment.explanation_name = signed.name[:255]
        assessment.state = AssessmentState.EXPLAINED
        assessment.explained_at, assessment.explained_by = timezone.now(), user
        Assessment.objects.filter(pk=assessment.pk).update(
            state=assessment.state,
            explanation_file=assessment.explanation_file.name or "",
            explanation_name=assessment.explanation_name,
            explained_at=assessment.explained_at,
            explained_by=user,
        )
        record(user, "par.explanation_locked", assessment, assessment.unit, summary="Khóa giải trình")
    return assessment


def set_survey_rate(assessment: Assessment, user, rate: Decimal | None) -> Assessment:
    if rate is not None and not ZERO <= rate <= 100:
        raise WorkflowError("Tỷ lệ hài lòng phải từ 0 đến 100%.")
    with transaction.atomic():
        claim(assessment)
        assessment.survey_rate = rate
        Assessment.objects.filter(pk=assessment.pk).update(survey_rate=rate)
        refresh_proposals(assessment)
        said = f"{pts(rate)}%" if rate is not None else "(trống)"
        record(
            user,
            "par.survey_rate",
            assessment,
            assessment.unit,
            after={"survey_rate": rate},
            summary=f"Ghi tỷ lệ hài lòng khảo sát: {said}",
        )
    return assessment


# --- totals and ranking -------------------------------------------------------------------------------------


@dataclass
class Totals:
    max_points: Decimal  # the applicable maximum of the main part
    self_points: Decimal
    round1: Decimal | None
    final: Decimal | None
    bonus: Decimal
    penalty: Decimal
    points: Decimal  # main + bonus − penalty, from the latest scores
    index: Decimal | None  # points ÷ applicable maximum × 100

    @property
    def index_text(self) -> str:
        return "–" if self.index is None else pts(self.index)


def _capped(scores: list[Score], part: str, value) -> Decimal:
    rows = [s for s in scores if s.criterion.part == part and s.applicable]
    total = sum((value(s) or ZERO for s in rows), ZERO)
    roots = {}
    for s in rows:
        root = s.criterion
        while root.parent_id and root.parent is not None:
            root = root.parent
        roots[root.pk] = root.max_points
    return min(total, sum(roots.values(), ZERO)) if roots else total


def totals(assessment: Assessment, scores: list[Score] | None = None) -> Totals:
    scores = (
        scores if scores is not None else list(assessment.scores.select_related("criterion__parent__parent__parent"))
    )
    main = [s for s in scores if s.criterion.part == Part.MAIN and s.applicable]
    maximum = sum((s.criterion.max_points for s in main), ZERO)
    self_points = sum((s.self_score or ZERO for s in main), ZERO)
    appraised = assessment.state in (AssessmentState.ROUND1, AssessmentState.EXPLAINED, AssessmentState.FINAL)
    round1 = sum((s.round1 or ZERO for s in main), ZERO) if appraised else None
    final = sum((s.final or ZERO for s in main), ZERO) if assessment.state == AssessmentState.FINAL else None
    bonus = _capped(scores, Part.BONUS, lambda s: s.final)
    penalty = _capped(scores, Part.PENALTY, lambda s: s.final)
    points = sum((s.final or ZERO for s in main), ZERO) + bonus - penalty
    index = (points * 100 / maximum).quantize(Decimal("0.01")) if maximum else None
    return Totals(maximum, self_points, round1, final, bonus, penalty, points, index)


BAND_PENDING = "chờ vòng 2"


@dataclass
class RankRow:
    assessment: Assessment
    totals: Totals
    rank: int = 0
    band: str = ""
    change: Decimal | None = None

    @property
    def band_text(self) -> str:
        """The band as the ranking's page and files show it: none before round 2 closes, so they say so."""
        return self.band if self.assessment.state == AssessmentState.FINAL else BAND_PENDING


def _scores_by_assessment(assessments: list[Assessment]) -> dict[int, list[Score]]:
    """Every score of these assessments in one query, with the criteria (and their parents) they need."""
    grouped: dict[int, list[Score]] = {}
    rows = Score.objects.filter(assessment__in=assessments).select_related("criterion__parent__parent__parent")
    for score in rows:
        grouped.setdefault(score.assessment_id, []).append(score)
    return grouped


def ranking(year: AssessmentYear) -> dict[str, list[RankRow]]:
    """Per unit group, the units by index (highest first), with rank, band and change from last year."""
    assessments = list(year.assessments.select_related("unit", "year"))
    last = {
        a.unit_id: a
        for a in Assessment.objects.filter(year__year=year.year - 1, unit__in=[a.unit_id for a in assessments])
    }
    scores = _scores_by_assessment([*assessments, *last.values()])
    blocks: dict[str, list[RankRow]] = {}
    for assessment in assessments:
        row = RankRow(assessment, totals(assessment, scores.get(assessment.pk, [])))
        row.band = year.band(row.totals.index) if assessment.state == AssessmentState.FINAL else ""
        before = last.get(assessment.unit_id)
        if before is not None and row.totals.index is not None:
            previous = totals(before, scores.get(before.pk, [])).index
            row.change = None if previous is None else row.totals.index - previous
        blocks.setdefault(assessment.group, []).append(row)
    for rows in blocks.values():
        rows.sort(key=lambda r: (-(r.totals.index or ZERO), r.assessment.unit.name))
        for position, row in enumerate(rows, start=1):
            row.rank = position
    return {g: blocks[g] for g in UnitGroup.values if g in blocks}


def board(year: AssessmentYear, today: dt.date | None = None) -> list[dict]:
    """Every unit of the year's groups that has not locked its self-assessment yet, with whether it is late."""
    from apps.par.models import GROUP_OF_KIND

    today = today or timezone.localdate()
    groups = set(year.frameworks.values_list("group", flat=True))
    kinds = [kind for kind, group in GROUP_OF_KIND.items() if group in groups]
    started = {a.unit_id: a for a in year.assessments.all()}
    rows = []
    for unit in Unit.objects.filter(kind__in=kinds, dissolved_on__isnull=True).order_by("kind", "name"):
        assessment = started.get(unit.pk)
        if assessment is not None and assessment.state != AssessmentState.SELF:
            continue
        late = today > year.self_deadline and not (assessment and assessment.reopened)
        rows.append({"unit": unit, "assessment": assessment, "late": late})
    return rows


def weakest(year: AssessmentYear, limit: int = 5) -> list[dict]:
    """The criteria units lost most on, across the appraised units of the year: share of the points reached, lowest
    first."""
    per: dict[int, dict] = {}
    appraised = (AssessmentState.ROUND1, AssessmentState.EXPLAINED, AssessmentState.FINAL)
    scores = Score.objects.filter(assessment__year=year, assessment__state__in=appraised, applicable=True)
    for score in scores.select_related("criterion"):
        if score.criterion.part != Part.MAIN or score.final is None:
            continue
        row = per.setdefault(score.criterion_id, {"criterion": score.criterion, "got": ZERO, "max": ZERO, "units": 0})
        row["got"] += score.final
        row["max"] += score.criterion.max_points
        row["units"] += 1
    rows = [r | {"rate": r["got"] * 100 / r["max"]} for r in per.values() if r["max"]]
    rows.sort(key=lambda r: (r["rate"], r["criterion"].code))
    return rows[:limit]


# --- tags of tasks and targets ------------------------------------------------------------------------------


def taggable(assessment: Assessment) -> tuple[list, list]:
    """The unit's published plans' tasks and targets whose period touches the assessment's year."""
    from apps.plans.models import PlanStatus, Target, Task

    year = assessment.year.year
    plans = {
        "plan__unit_id__in": assessment.unit.descendant_ids(),
        "plan__status__in": (PlanStatus.PUBLISHED, PlanStatus.SUPERSEDED),
    }
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    window = {"plan__period_start__lte": end, "plan__period_end__gte": start}
    tasks = Task.objects.filter(**plans).select_related("plan").order_by("plan__pk", "position")
    targets = Target.objects.filter(**plans).select_related("plan").order_by("plan__pk", "position")
    dated_tasks = tasks.filter(**window)
    dated_targets = targets.filter(**window)
    return list(dated_tasks or tasks), list(dated_targets or targets)


def tags_of(assessment: Assessment) -> dict[str, int]:
    """The criterion each tagged task and target serves, by key (``"task-12"``, ``"target-7"``)."""
    return {
        f"task-{tag.task_id}" if tag.task_id else f"target-{tag.target_id}": tag.criterion_id
        for tag in CriterionTag.objects.filter(criterion__framework=assessment.framework)
    }


def set_tags(
    assessment: Assessment,
    user,
    chosen: dict[str, int | None],
    expected_version: int | None = None,
    strict: bool = False,
) -> int:
    """Tag tasks and targets (``"task-12"``, ``"target-7"``) with one leaf of the assessment's framework each (None
    removes the tag); returns how many changed. Only the unit's own tasks and targets, only leaves: others are left
    out, or with ``strict`` refused (``WorkflowError`` naming them). The tags are the assessment's: a change moves it
    to its next version (``Conflict`` when it is not at ``expected_version``)."""
    tasks, targets = taggable(assessment)
    rows = {f"task-{t.pk}": ("task", t) for t in tasks} | {f"target-{t.pk}": ("target", t) for t in targets}
    leaves = {c.pk: c for c in assessment.framework.leaves()}
    if strict:
        names = {"task": "Nhiệm vụ", "target": "Chỉ tiêu"}
        problems = [
            f"{names[key.partition('-')[0]]} {key.partition('-')[2]} không thuộc kế hoạch đã ban hành của "
            f"{assessment.unit.name} nên không gắn được."
            for key in chosen
            if key not in rows
        ]
        problems += [
            f"Tiêu chí {criterion_id} không phải tiêu chí được chấm điểm của bộ tiêu chí {assessment.framework}."
            for criterion_id in {c for c in chosen.values() if c is not None and c not in leaves}
        ]
        if problems:
            raise WorkflowError(" ".join(problems))
    changed = 0
    with transaction.atomic():
        if expected_version is not None:
            claim(assessment, expected_version)
        for key, criterion_id in chosen.items():
            if key not in rows or (criterion_id is not None and criterion_id not in leaves):
                continue
            kind, obj = rows[key]
            current = CriterionTag.objects.filter(criterion__framework=assessment.framework, **{kind: obj})
            if criterion_id is not None and current.filter(criterion_id=criterion_id).exists():
                continue
            if criterion_id is None and not current.exists():
                continue
            current.delete()
            if criterion_id is not None:
                CriterionTag.objects.create(criterion=leaves[criterion_id], **{kind: obj})
            changed += 1
        if changed:
            if expected_version is None:
                claim(assessment)
            record(user, "par.tagged", assessment, assessment.unit, summary=f"Gắn tiêu chí cho {changed} mục")
            refresh_proposals(assessment)
    return changed
