"""Survey pages. The public ones (the form, the thank-you page) need no login and no script: one small HTML page
with its style inline, so it opens fast on a cheap phone. The results pages start with ``Access`` like every other.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import require_POST

from apps.dashboards import charts
from apps.surveys import editing, excel, qr, results, services
from apps.surveys import questionnaire as q
from apps.surveys.models import Questionnaire, Response
from apps.tracking.figures import FigureError, parse_period, period_label
from apps.tracking.models import Period
from apps.units.access import Access
from apps.units.models import Unit
from apps.units.throttling import client_address
from cchc.listing import paged
from cchc.versioning import Conflict, parse_etag

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
RESPONSES_PAGE = 100  # survey responses a page (a commune gets 300–400 a quarter)


def _surveyed_or_404(unit_id: int) -> Unit:
    return get_object_or_404(services.surveyed_units(), pk=unit_id)


def _desk(unit: Unit, raw) -> Unit | None:
    """The service desk named by ``?quay=`` (an agency of the unit); anything else is the unit itself."""
    try:
        return unit.agencies().filter(pk=int(raw)).first() if raw else None
    except (TypeError, ValueError):
        return None


# --- the public survey ---------------------------------------------------------------------------------------


def _questions(form: q.Form, values: dict, errors: dict) -> list[dict]:
    def row(item: q.Item) -> dict:
        return {"item": item, "chosen": str(values.get(item.code, "")), "error": errors.get(item.code, "")}

    return [{"factor": f, "rows": [row(item) for item in f.items]} for f in form.factors]


@csrf_exempt  # anonymous, no session to ride on: the signed, single-use visit token is what a submission must carry
@gzip_page  # 20 KB of HTML is 3 KB gzipped, on a slow phone network
def survey_form(request, unit_id: int):
    unit = _surveyed_or_404(unit_id)
    desk = _desk(unit, request.GET.get("quay") or request.POST.get("desk"))
    questionnaire = Questionnaire.current()
    form = questionnaire.form
    values, errors, status, message, retry_after = {}, {}, 200, "", None
    token = services.visit_token(unit)
    if request.method == "POST":
        post = request.POST
        sent = services.Submission(
            token=post.get("token", ""),
            items={item.code: post.get(f"q-{item.code}", "") for item in form.items},
            respondent={question.code: post.get(f"r-{question.code}", "") for question in form.respondent},
            improve=post.getlist("improve"),
            comment=post.get("comment", ""),
            honeypot=post.get(services.HONEYPOT, ""),
            desk=desk.pk if desk else None,
        )
        try:
            services.submit(unit, sent, client_address(request))
        except services.AlreadyReceived:
            return redirect(_thanks_url(unit, desk))
        except services.Throttled as refused:
            status, message, retry_after = 429, str(refused), refused.lock.retry_after
        except services.SurveyError as refused:
            status, message, errors = 400, str(refused), refused.errors
        else:
            return redirect(_thanks_url(unit, desk))
        values = {item.code: sent.items[item.code] for item in form.items} | {
            f"r-{code}": value for code, value in sent.respondent.items()
        }
        values |= {"improve": set(sent.improve), "comment": sent.comment}
    context = {
        "unit": unit,
        "desk": desk,
        "form": form,
        "questions": _questions(form, values, errors),
        "overall": {
            "item": form.overall,
            "chosen": str(values.get(form.overall.code, "")),
            "error": errors.get(form.overall.code, ""),
        },
        "respondent": [
            {
                "question": question,
                "chosen": values.get(f"r-{question.code}", ""),
                "error": errors.get(question.code, ""),
            }
            for question in form.respondent
        ],
        "improve_chosen": values.get("improve", set()),
        "comment": values.get("comment", ""),
        "scale": q.SCALE,
        "no_opinion": q.NO_OPINION,
        "token": token,
        "honeypot": services.HONEYPOT,
        "errors": errors,
        "message": message,
        "comment_max": q.COMMENT_MAX,
    }
    response = render(request, "surveys/form.html", context, status=status)
    if retry_after is not None:
        response["Retry-After"] = str(retry_after)
    response["Cache-Control"] = "no-store"  # each opening carries its own visit token
    return response


def _thanks_url(unit: Unit, desk: Unit | None) -> str:
    url = reverse("surveys-thanks", args=[unit.pk])
    return f"{url}?quay={desk.pk}" if desk else url


def thanks(request, unit_id: int):
    if request.method != "GET":
        return HttpResponse(status=405)
    unit = _surveyed_or_404(unit_id)
    return render(request, "surveys/thanks.html", {"unit": unit, "desk": _desk(unit, request.GET.get("quay"))})


@login_required
def poster(request, unit_id: int):
    """An A4 poster for the one-stop desk: the unit's name, a QR code to the survey, the address as text."""
    unit = _surveyed_or_404(unit_id)
    Access.of(request).require_view(unit)
    desk = _desk(unit, request.GET.get("quay"))
    url = request.build_absolute_uri(reverse("surveys-form", args=[unit.pk]) + (f"?quay={desk.pk}" if desk else ""))
    return render(request, "surveys/poster.html", {"unit": unit, "desk": desk, "url": url, "qr": qr.svg(url)})


@login_required
def qr_png(request, unit_id: int):
    """The survey's QR code as a PNG, for a leaflet or the unit's web page."""
    unit = _surveyed_or_404(unit_id)
    Access.of(request).require_view(unit)
    desk = _desk(unit, request.GET.get("quay"))
    url = request.build_absolute_uri(reverse("surveys-form", args=[unit.pk]) + (f"?quay={desk.pk}" if desk else ""))
    response = HttpResponse(qr.png(url), content_type="image/png")
    response["Content-Disposition"] = f'attachment; filename="ma-qr-khao-sat-{unit.code}.png"'
    return response


# --- results -------------------------------------------------------------------------------------------------


def _period(request) -> Period:
    raw = request.GET.get("ky") or request.POST.get("ky")
    if raw:
        try:
            return parse_period(raw)
        except FigureError:
            pass
    return results.this_year()


def _periods() -> list[Period]:
    year = timezone.localdate().year
    for y in (year - 1, year):
        Period.ensure_year(y)
    return list(Period.objects.filter(year__in=(year - 1, year)).order_by("-end"))


@login_required
def home(request):
    access = Access.of(request)
    if not access.is_city:
        unit = access.home_unit
        if unit is None or unit.kind == "city":
            raise Http404("Không tìm thấy.")
        return redirect("surveys-unit", unit_id=unit.pk)
    period = _period(request)
    rows = [results.satisfaction(unit, period) for unit in services.surveyed_units().order_by("kind", "name")]
    return render(request, "surveys/home.html", {"rows": rows, "period": period, "periods": _periods()})


def _unit_for(request, unit_id: int) -> tuple[Access, Unit]:
    access = Access.of(request)
    unit = _surveyed_or_404(unit_id)
    access.require_view(unit)
    return access, unit


@login_required
def unit_results(request, unit_id: int):
    access, unit = _unit_for(request, unit_id)
    period = _period(request)
    desk = _desk(unit, request.GET.get("quay"))
    result = results.satisfaction(unit, period, desk)
    targets = results.satisfaction_targets(unit)
    trend = results.trend(unit, [period.year - 1, period.year])
    chart = charts.line_chart(
        [p.overall for p in trend],
        [period_label(p.period) for p in trend],
        title="Biểu đồ tỷ lệ hài lòng chung theo kỳ; số liệu ở bảng dưới biểu đồ.",
    )
    context = {
        "unit": unit,
        "desk": desk,
        "desks": list(unit.agencies()),
        "period": period,
        "periods": _periods(),
        "result": result,
        "trend": trend,
        "trend_chart": chart,
        "targets": [
            {
                "target": t,
                "current": t.measurements.filter(period=period).first(),
                "may": access.can_enter_measurement(t),
            }
            for t in targets
        ],
        "can_manage": access.can_manage(unit),
        "scale": q.SCALE,
        "public_url": request.build_absolute_uri(reverse("surveys-form", args=[unit.pk])),
    }
    return render(request, "surveys/unit.html", context)


@login_required
def responses(request, unit_id: int):
    access, unit = _unit_for(request, unit_id)
    period = _period(request)
    shown = request.GET.get("loc", "flagged")
    queryset = results.responses_in(unit, period).select_related("desk", "excluded_by")
    if shown == "flagged":
        queryset = queryset.filter(Q(flagged=True) | Q(excluded=True))
    listing = paged(request, queryset.order_by("-submitted_at", "-pk"), per_page=RESPONSES_PAGE)
    context = {
        "unit": unit,
        "period": period,
        "periods": _periods(),
        "listing": listing,
        "shown": shown,
        "can_exclude": access.is_city,
    }
    return render(request, "surveys/responses.html", context)


@login_required
@require_POST
def exclude(request, pk: int):
    access = Access.of(request)
    response = get_object_or_404(Response.objects.select_related("unit"), pk=pk)
    access.require_view(response.unit)
    if not access.is_city:
        raise PermissionDenied("Chỉ Sở Nội vụ loại hoặc tính lại phiếu khảo sát.")
    excluded = request.POST.get("action", "exclude") != "include"
    try:
        services.exclude(response, request.user, request.POST.get("reason", ""), excluded=excluded)
    except services.SurveyError as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, f"Đã {'loại' if excluded else 'tính lại'} phiếu số {response.pk}.")
    period = request.POST.get("ky", "")
    return redirect(reverse("surveys-responses", args=[response.unit_id]) + (f"?ky={period}" if period else ""))


def _back(unit: Unit, period: Period):
    return redirect(reverse("surveys-unit", args=[unit.pk]) + f"?ky={period.code}")


@login_required
@require_POST
def population(request, unit_id: int):
    access, unit = _unit_for(request, unit_id)
    access.require_manage(unit, "Chỉ cán bộ thường trực CCHC của đơn vị nhập số người được phục vụ.")
    period = _period(request)
    raw = request.POST.get("population", "").strip().replace(".", "").replace(",", "").replace(" ", "")
    if raw and (not raw.isdigit() or int(raw) > 10_000_000):
        messages.error(request, f"“{raw[:20]}” không phải là số người hợp lệ: hãy nhập một số nguyên, ví dụ 4500.")
        return _back(unit, period)
    services.set_population(unit, period.year, int(raw) if raw else None, request.user)
    messages.success(request, f"Đã lưu số người được phục vụ năm {period.year}.")
    return _back(unit, period)


@login_required
@require_POST
def apply_to_targets(request, unit_id: int):
    """Write the period's overall rate as the value of the targets the officer ticked (an explicit action)."""
    access, unit = _unit_for(request, unit_id)
    access.require_manage(unit, "Chỉ cán bộ thường trực CCHC của đơn vị ghi kết quả khảo sát vào chỉ tiêu.")
    period = _period(request)
    chosen = set(request.POST.getlist("target"))
    targets = [t for t in results.satisfaction_targets(unit) if str(t.pk) in chosen]
    if not targets:
        messages.error(request, "Hãy đánh dấu ít nhất một chỉ tiêu để ghi kết quả khảo sát.")
        return _back(unit, period)
    outcome = results.apply_to_targets(unit, period, targets, request.user, replace=request.POST.get("replace") == "1")
    for line in outcome.problems:
        messages.error(request, line)
    if outcome.written:
        messages.success(request, f"Đã ghi kết quả khảo sát vào {outcome.written} chỉ tiêu cho {period}.")
    return _back(unit, period)


@login_required
def download_xlsx(request, unit_id: int):
    _, unit = _unit_for(request, unit_id)
    period = _period(request)
    result = results.satisfaction(unit, period)
    response = HttpResponse(excel.build_xlsx(result), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="khao-sat-sipas-{unit.code}-{period.file_part}.xlsx"'
    return response


@login_required
def questionnaire(request):
    """The questionnaire in force: everyone signed in reads it, the city (Sở Nội vụ) edits it."""
    access = Access.of(request)
    current = Questionnaire.current()
    draft, problem = editing.Draft.of(current), ""
    if request.method == "POST":
        if not access.is_city:
            raise PermissionDenied("Chỉ Sở Nội vụ sửa phiếu khảo sát.")
        draft = editing.Draft.posted(request.POST)
        try:
            saved, is_new = editing.save(current, draft, request.user, parse_etag(request.POST.get("version")))
        except q.QuestionnaireError as error:
            problem = str(error)
        except (Conflict, ValueError):
            problem = "Người khác vừa sửa phiếu này. Hãy tải lại trang để xem bản mới rồi sửa lại."
        else:
            messages.success(
                request,
                "Đã lưu thành phiên bản mới; trang khảo sát hỏi theo bản này từ bây giờ, phiếu đã trả lời giữ bản cũ."
                if is_new
                else "Đã lưu phiếu khảo sát.",
            )
            return redirect("surveys-questionnaire")
    context = {
        "questionnaire": current,
        "draft": draft,
        "problem": problem,
        "can_edit": access.is_city,
        "answered": current.responses.exists(),
        "scale": q.SCALE,
        "overall_methods": q.OVERALL_METHODS,
        "versions": Questionnaire.objects.order_by("-pk")[:10],
    }
    return render(request, "surveys/questionnaire.html", context, status=400 if problem else 200)
