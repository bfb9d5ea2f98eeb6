"""PAR Index pages: the years, frameworks, a unit's assessment (self-scoring, appraisal, explanation), the ranking,
and their files. Each view starts with ``Access``; the rules themselves live in apps/par/services.py."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from apps.par import bands, exports, frameworks, services
from apps.par.methods import METHODS
from apps.par.models import (
    Assessment,
    AssessmentState,
    AssessmentYear,
    Framework,
    Part,
    Score,
    UnitGroup,
    block_name,
    group_of,
)
from apps.par.services import WorkflowError
from apps.units.access import Access
from apps.units.models import GOVERNING_KINDS, Unit
from cchc.versioning import Conflict, parse_etag

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FRAMEWORK_MAX_BYTES = 2 * 1024 * 1024


def _version(request) -> int | None:
    try:
        return parse_etag(request.POST.get("version"))
    except ValueError:
        return None


def _acting(request, pk: int, role) -> Assessment:
    """The assessment ``pk`` for a change by ``request.user`` in ``role`` (``services.SELF`` …); else 403."""
    access = Access.of(request)
    assessment = services.visible_assessment(access, pk)
    if refused := services.refusal(access, assessment, role):
        raise PermissionDenied(refused)
    return assessment


def _score(assessment: Assessment, score_id: int) -> Score:
    return get_object_or_404(
        Score.objects.select_related("criterion", "assessment"), pk=score_id, assessment=assessment
    )


def _step(request, step, done: str) -> None:
    try:
        step()
    except (WorkflowError, Conflict) as error:
        messages.error(request, str(error))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done)


def download(data: bytes, name: str, content_type: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


# --- years and frameworks -----------------------------------------------------------------------------------


@login_required
def home(request):
    access = Access.of(request)
    unit = access.home_unit
    years = list(AssessmentYear.objects.all())
    own = {}
    if unit is not None:
        own = {a.year_id: a for a in Assessment.objects.filter(unit=unit)}
    rows = [
        {
            "year": y,
            "assessment": own.get(y.pk),
            "can_start": unit is not None
            and access.can_manage(unit)
            and y.framework_for(group_of(unit)) is not None
            and y.pk not in own,
        }
        for y in years
    ]
    context = {"rows": rows, "unit": unit, "can_run": services.can_run_city(access), "today": timezone.localdate()}
    return render(request, "par/home.html", context)


@login_required
def framework_list(request):
    access = Access.of(request)
    context = {"frameworks": Framework.objects.all(), "can_run": services.can_run_city(access)}
    return render(request, "par/frameworks.html", context)


@login_required
def framework_detail(request, pk: int):
    framework = get_object_or_404(Framework, pk=pk)
    nodes = framework.nodes()
    context = {
        "framework": framework,
        "nodes": nodes,
        "problems": frameworks.check_framework(framework),
        "can_edit": services.can_run_city(Access.of(request)),
        "in_use": framework.in_use(),
    }
    return render(request, "par/framework.html", context)


NEW_ROWS = 5  # blank rows the editor offers for new criteria (more after each save)
NEW_FIELDS = ("code", "title", "part", "max_points", "method", "params", "evidence")


def _typed_framework(request, nodes) -> tuple[dict[int, dict], set[int], list[dict]]:
    """From the editor's form: the changes by criterion id, the ids to remove, the rows to add (as typed)."""
    post = request.POST
    changes: dict[int, dict] = {}
    for node in nodes:
        typed = {
            key: post[f"{key}-{node.pk}"]
            for key in ("title", "max_points", "method", "params", "evidence")
            if f"{key}-{node.pk}" in post
        }
        if f"groups-shown-{node.pk}" in post:
            typed["groups"] = post.getlist(f"groups-{node.pk}")
        if typed:
            changes[node.pk] = typed
    removed = {node.pk for node in nodes if post.get(f"remove-{node.pk}")}
    indexes = sorted({int(k.split("-")[1]) for k in post if k.startswith("new-") and k.split("-")[1].isdigit()})
    added = []
    for i in indexes[:200]:
        row = {key: post.get(f"new-{i}-{key}", "").strip() for key in NEW_FIELDS}
        if row["code"] or row["title"] or row["max_points"]:
            added.append(row | {"groups": post.getlist(f"new-{i}-groups")})
    return changes, removed, added


@login_required
def framework_edit(request, pk: int):
    """The city edits a framework's criteria in the browser — changes, removes, adds — and the totals are checked
    before anything is saved. A framework an opened year uses is not changed: the page offers a copy instead."""
    access = Access.of(request)
    if not services.can_run_city(access):
        raise PermissionDenied(services.FORBIDDEN_CITY)
    framework = get_object_or_404(Framework, pk=pk)
    nodes = framework.nodes()
    problems: list[str] = []
    added: list[dict] = []
    if request.method == "POST":
        changes, removed, added = _typed_framework(request, nodes)
        try:
            problems = frameworks.edit(framework, changes, _version(request), removed, added, request.user)
        except Conflict as error:
            problems = [str(error)]
        if not problems:
            messages.success(request, "Đã lưu bộ tiêu chí; tổng điểm khớp.")
            return redirect("par-framework", pk=framework.pk)
        for node in nodes:  # show what was typed, with the problems
            for key, value in changes.get(node.pk, {}).items():
                setattr(node, f"typed_{key}", value)
            node.typed_remove = node.pk in removed
    for node in nodes:
        node.shown_groups = getattr(node, "typed_groups", node.groups)
    new_rows = [row | {"index": i} for i, row in enumerate(added)]
    new_rows += [{"index": i, "groups": []} for i in range(len(added), len(added) + NEW_ROWS)]
    context = {
        "framework": framework,
        "nodes": nodes,
        "problems": problems,
        "methods": METHODS,
        "groups": UnitGroup.choices,
        "parts": Part.choices,
        "new_rows": new_rows,
        "in_use": framework.in_use(),
        "in_use_text": frameworks.IN_USE,
        "next_year": framework.year + 1,
    }
    return render(request, "par/framework_edit.html", context)


@login_required
@require_POST
def framework_copy(request, pk: int):
    """A new version of a framework, by copying it under another decision, to edit before a year uses it."""
    access = Access.of(request)
    if not services.can_run_city(access):
        raise PermissionDenied(services.FORBIDDEN_CITY)
    framework = get_object_or_404(Framework, pk=pk)
    try:
        made = frameworks.copy(
            framework, request.POST.get("decision_number", ""), request.POST.get("year"), request.user
        )
    except frameworks.FrameworkError as error:
        messages.error(request, "Chưa sao chép được: " + " ".join(error.problems))
        return redirect("par-framework-edit", pk=framework.pk)
    messages.success(request, f"Đã tạo {made} từ {framework}; hãy sửa rồi lưu.")
    return redirect("par-framework-edit", pk=made.pk)


@login_required
def framework_file(request, pk: int, kind: str):
    framework = get_object_or_404(Framework, pk=pk)
    name = f"bo-tieu-chi-{framework.year}-{framework.pk}"
    if kind == "yaml":
        return download(frameworks.dump_yaml(framework).encode(), f"{name}.yaml", "application/yaml; charset=utf-8")
    if kind == "xlsx":
        return download(frameworks.dump_xlsx(framework), f"{name}.xlsx", XLSX)
    raise Http404("Không tìm thấy.")


@login_required
@require_POST
def framework_import(request):
    access = Access.of(request)
    if not services.can_run_city(access):
        raise PermissionDenied(services.FORBIDDEN_CITY)
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, "Hãy chọn tệp bộ tiêu chí (.xlsx hoặc .yaml).")
        return redirect("par-frameworks")
    if upload.size > FRAMEWORK_MAX_BYTES:
        messages.error(request, "Tệp bộ tiêu chí quá lớn (tối đa 2 MB).")
        return redirect("par-frameworks")
    name = upload.name.lower()
    try:
        if name.endswith(".xlsx"):
            framework = frameworks.load_xlsx(upload.read())
        elif name.endswith((".yaml", ".yml")):
            framework = frameworks.load_yaml(upload.read())
        else:
            messages.error(request, "Chỉ nhận tệp .xlsx hoặc .yaml (.yml).")
            return redirect("par-frameworks")
    except frameworks.FrameworkError as error:
        messages.error(request, "Chưa nhập được bộ tiêu chí: " + "; ".join(error.problems[:15]))
        return redirect("par-frameworks")
    messages.success(request, f"Đã nhập {framework}: tổng điểm khớp.")
    return redirect("par-framework", pk=framework.pk)


def _date(raw: str) -> dt.date | None:
    raw = (raw or "").strip()
    if not raw:
        return None
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(raw, pattern).date()
        except ValueError:
            continue
    raise WorkflowError(f"Ngày “{raw}” không đúng dạng (VD 15/12/2025).")


@login_required
def year_open(request):
    access = Access.of(request)
    if not services.can_run_city(access):
        raise PermissionDenied(services.FORBIDDEN_CITY)
    usable = [f for f in Framework.objects.all() if not frameworks.check_framework(f)]
    if request.method == "POST":
        try:
            year = int(request.POST.get("year", ""))
            if not 2000 <= year <= 2100:
                raise ValueError
        except ValueError:
            messages.error(request, "Năm đánh giá phải là một năm, VD 2025.")
        else:
            try:
                chosen = {}
                for group in UnitGroup.values:
                    raw = request.POST.get(f"framework-{group}")
                    if raw:
                        chosen[group] = next((f for f in usable if str(f.pk) == raw), None)
                        if chosen[group] is None:
                            raise WorkflowError("Bộ tiêu chí đã chọn không dùng được (tổng điểm chưa khớp).")
                deadline = _date(request.POST.get("self_deadline", ""))
                if deadline is None:
                    raise WorkflowError("Hãy nhập hạn tự chấm.")
                row = services.open_year(
                    year,
                    deadline,
                    chosen,
                    request.user,
                    appraisal_start=_date(request.POST.get("appraisal_start", "")),
                    appraisal_end=_date(request.POST.get("appraisal_end", "")),
                    explanation_deadline=_date(request.POST.get("explanation_deadline", "")),
                    bands=bands.parse(request.POST.get("bands", "")),
                )
            except (WorkflowError, bands.BandError) as error:
                messages.error(request, str(error))
            else:
                messages.success(request, f"Đã mở {row}; các đơn vị đã có thể tự chấm.")
                return redirect("par-ranking", year_id=row.pk)
    context = {
        "frameworks": usable,
        "groups": UnitGroup.choices,
        "today": timezone.localdate(),
        "bands": request.POST.get("bands", bands.text(bands.DEFAULT)),
    }
    return render(request, "par/year_open.html", context)


# --- one unit's assessment ----------------------------------------------------------------------------------


@login_required
@require_POST
def start(request, year_id: int, unit_id: int):
    access = Access.of(request)
    unit = get_object_or_404(Unit, pk=unit_id, kind__in=GOVERNING_KINDS)
    access.require_manage(unit, services.FORBIDDEN_SELF)
    year = get_object_or_404(AssessmentYear, pk=year_id)
    try:
        assessment, _ = services.open_assessment(year, unit, request.user)
    except WorkflowError as error:
        messages.error(request, str(error))
        return redirect("par-home")
    return redirect("par-assessment", pk=assessment.pk)


def leaf_rows(assessment: Assessment) -> list[dict]:
    """The framework's tree with, on each leaf, its score, evidence and history."""
    scores = {
        s.criterion_id: s
        for s in assessment.scores.select_related("criterion").prefetch_related("evidence", "entries__by")
    }
    found = services.evidence(assessment)
    rows = []
    for node in assessment.framework.nodes():
        score = scores.get(node.pk)
        if node.kids:
            rows.append({"node": node, "heading": True})
        elif score is not None:
            rows.append({"node": node, "score": score, "found": found.get(node.pk)})
    return rows


@login_required
def assessment_detail(request, pk: int):
    access = Access.of(request)
    assessment = services.visible_assessment(access, pk)
    state = assessment.state
    can_self = services.can_self_score(access, assessment)
    can_appraise = services.can_appraise(access, assessment)
    context = {
        "assessment": assessment,
        "rows": leaf_rows(assessment),
        "totals": services.totals(assessment),
        "days_left": assessment.year.days_left(),
        "self_open": can_self and assessment.self_open(),
        "can_explain": can_self and state == AssessmentState.ROUND1,
        "round": (1 if state == AssessmentState.LOCKED else 2 if state in ("round1", "explained") else 0)
        if can_appraise
        else 0,
        "can_reopen": services.can_run_city(access) and state in ("self", "locked"),
        "can_survey": services.can_run_city(access) and state != AssessmentState.FINAL,
        "missing": services.missing_for_lock(assessment) if can_self and assessment.self_open() else [],
        "Part": Part,
    }
    if context["can_survey"]:
        from apps.surveys.results import satisfaction

        context["sipas"] = satisfaction(assessment.unit, assessment.year.year)
    return render(request, "par/assessment.html", context)


@login_required
@require_POST
def score_self(request, pk: int, score_id: int):
    assessment = _acting(request, pk, services.SELF)
    score = _score(assessment, score_id)
    try:
        value = services.parse_points(request.POST.get("score"))
    except ValueError as error:
        messages.error(request, f"Tiêu chí {score.criterion.code}: {error}")
        return redirect(f"{assessment_url(assessment)}#leaf-{score.pk}")
    applicable = request.POST.get("applicable", "1") == "1"
    _step(
        request,
        lambda: services.set_self_score(
            score,
            request.user,
            value,
            request.POST.get("note", ""),
            applicable,
            _version(request),
            request.FILES.getlist("files"),
        ),
        f"Đã lưu điểm tự chấm tiêu chí {score.criterion.code}.",
    )
    return redirect(f"{assessment_url(assessment)}#leaf-{score.pk}")


def assessment_url(assessment: Assessment) -> str:
    from django.urls import reverse

    return reverse("par-assessment", args=[assessment.pk])


@login_required
def tags(request, pk: int):
    """Tag the unit's tasks and targets with the criteria they serve, so their evidence shows on the leaves."""
    assessment = _acting(request, pk, services.SELF)
    tasks, targets = services.taggable(assessment)
    if request.method == "POST":
        chosen = {}
        for key, raw in request.POST.items():
            if key.startswith(("task-", "target-")):
                chosen[key] = int(raw) if raw.isdigit() else None
        try:
            changed = services.set_tags(assessment, request.user, chosen, _version(request))
        except Conflict as error:
            messages.error(request, str(error))
            return redirect("par-tags", pk=assessment.pk)
        messages.success(request, f"Đã lưu gắn tiêu chí ({changed} thay đổi); điểm đề xuất đã được tính lại.")
        return redirect("par-assessment", pk=assessment.pk)
    current = services.tags_of(assessment)
    rows = [{"key": f"task-{t.pk}", "kind": "Nhiệm vụ", "obj": t, "label": str(t)} for t in tasks]
    rows += [{"key": f"target-{t.pk}", "kind": "Chỉ tiêu", "obj": t, "label": str(t)} for t in targets]
    for row in rows:
        row["current"] = current.get(row["key"])
    context = {"assessment": assessment, "rows": rows, "leaves": assessment.framework.leaves()}
    return render(request, "par/tags.html", context)


@login_required
@require_POST
def lock(request, pk: int):
    assessment = _acting(request, pk, services.SELF)
    _step(
        request,
        lambda: services.lock(assessment, request.user, request.FILES.get("signed"), _version(request)),
        "Đã khóa bản tự chấm và gửi Sở Nội vụ thẩm định.",
    )
    return redirect("par-assessment", pk=assessment.pk)


@login_required
@require_POST
def reopen(request, pk: int):
    assessment = _acting(request, pk, services.CITY)
    _step(request, lambda: services.reopen(assessment, request.user), "Đã mở lại bản tự chấm cho đơn vị.")
    return redirect("par-assessment", pk=assessment.pk)


@login_required
@require_POST
def survey(request, pk: int):
    assessment = _acting(request, pk, services.CITY)
    try:
        rate = services.parse_points(request.POST.get("rate"))
    except ValueError as error:
        messages.error(request, str(error))
    else:
        _step(request, lambda: services.set_survey_rate(assessment, request.user, rate), "Đã lưu tỷ lệ hài lòng.")
    return redirect("par-assessment", pk=assessment.pk)


@login_required
@require_POST
def appraise(request, pk: int, score_id: int):
    assessment = _acting(request, pk, services.APPRAISE)
    score = _score(assessment, score_id)
    round_ = 1 if assessment.state == AssessmentState.LOCKED else 2
    try:
        value = services.parse_points(request.POST.get("score"))
    except ValueError as error:
        messages.error(request, f"Tiêu chí {score.criterion.code}: {error}")
    else:
        _step(
            request,
            lambda: services.appraise(
                score,
                request.user,
                round_,
                value,
                request.POST.get("note", ""),
                request.POST.get("ask") == "1",
                _version(request),
            ),
            f"Đã lưu điểm thẩm định vòng {round_} tiêu chí {score.criterion.code}.",
        )
    return redirect(f"{assessment_url(assessment)}#leaf-{score.pk}")


@login_required
@require_POST
def finish_round(request, pk: int):
    assessment = _acting(request, pk, services.APPRAISE)
    round_ = 1 if assessment.state == AssessmentState.LOCKED else 2
    _step(
        request,
        lambda: services.finish_round(assessment, request.user, round_),
        f"Đã kết thúc thẩm định vòng {round_}.",
    )
    return redirect("par-assessment", pk=assessment.pk)


@login_required
@require_POST
def explain(request, pk: int, score_id: int):
    assessment = _acting(request, pk, services.SELF)
    score = _score(assessment, score_id)
    _step(
        request,
        lambda: services.explain(
            score, request.user, request.POST.get("explanation", ""), request.FILES.getlist("files"), _version(request)
        ),
        f"Đã lưu giải trình tiêu chí {score.criterion.code}.",
    )
    return redirect(f"{assessment_url(assessment)}#leaf-{score.pk}")


@login_required
@require_POST
def explanation_lock(request, pk: int):
    assessment = _acting(request, pk, services.SELF)
    _step(
        request,
        lambda: services.lock_explanation(assessment, request.user, request.FILES.get("signed")),
        "Đã khóa giải trình và gửi Sở Nội vụ thẩm định vòng 2.",
    )
    return redirect("par-assessment", pk=assessment.pk)


@login_required
def signed_file(request, pk: int, kind: str):
    assessment = services.visible_assessment(Access.of(request), pk)
    field, name = {
        "tu-cham": (assessment.signed_file, assessment.signed_name),
        "giai-trinh": (assessment.explanation_file, assessment.explanation_name),
    }.get(kind, (None, ""))
    if not field:
        raise Http404("Không tìm thấy.")
    try:
        handle = field.open("rb")
    except FileNotFoundError:
        raise Http404("Tệp không còn trên máy chủ; hãy báo quản trị hệ thống.") from None
    return FileResponse(handle, as_attachment=True, filename=name or "tep")


@login_required
def assessment_file(request, pk: int, kind: str):
    assessment = services.visible_assessment(Access.of(request), pk)
    name = f"chi-so-cchc-{assessment.year.year}-{assessment.unit.code}"
    if kind == "docx":
        return download(exports.score_sheet_docx(assessment), f"{name}.docx", DOCX)
    if kind == "xlsx":
        return download(exports.score_sheet_xlsx(assessment), f"{name}.xlsx", XLSX)
    raise Http404("Không tìm thấy.")


# --- the ranking --------------------------------------------------------------------------------------------


@login_required
def ranking(request, year_id: int):
    access = Access.of(request)
    year = get_object_or_404(AssessmentYear, pk=year_id)
    blocks = services.ranking(year)
    if not access.is_city:  # a unit sees the published results, not other units' assessments in progress
        blocks = {
            g: [r for r in rows if r.assessment.state == AssessmentState.FINAL or access.can_view(r.assessment.unit)]
            for g, rows in blocks.items()
        }
    context = {
        "year": year,
        "blocks": [(block_name(g), rows) for g, rows in blocks.items()],
        "weakest": services.weakest(year),
        "is_city": access.is_city,
        "board": services.board(year) if access.is_city else [],
    }
    return render(request, "par/ranking.html", context)


@login_required
def year_bands(request, year_id: int):
    """The city changes a year's bands at any time, without reopening it; the ranking follows at once."""
    if not services.can_run_city(Access.of(request)):
        raise PermissionDenied(services.FORBIDDEN_CITY)
    year = get_object_or_404(AssessmentYear, pk=year_id)
    typed = bands.text(year.bands)
    problem = ""
    if request.method == "POST":
        typed = request.POST.get("bands", "")
        try:
            chosen = bands.parse(typed)
            if chosen is None:
                raise bands.BandError(f"Hãy nhập các xếp loại; {bands.TEXT_FORMAT}.")
            bands.set_bands(year, request.user, chosen, _version(request))
        except (bands.BandError, Conflict) as error:
            problem = str(error)
        else:
            messages.success(request, f"Đã lưu xếp loại năm {year.year}: {bands.text(chosen)}; xếp hạng đã tính lại.")
            return redirect("par-ranking", year_id=year.pk)
    context = {"year": year, "typed": typed, "problem": problem, "format": bands.TEXT_FORMAT}
    return render(request, "par/bands.html", context)


@login_required
def ranking_file(request, year_id: int, kind: str):
    if not services.can_run_city(Access.of(request)):
        raise PermissionDenied(services.FORBIDDEN_CITY)
    year = get_object_or_404(AssessmentYear, pk=year_id)
    if kind == "xlsx":
        return download(exports.ranking_xlsx(year), f"xep-hang-chi-so-cchc-{year.year}.xlsx", XLSX)
    if kind == "docx":
        return download(exports.ranking_docx(year), f"xep-hang-chi-so-cchc-{year.year}.docx", DOCX)
    raise Http404("Không tìm thấy.")
