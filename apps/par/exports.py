"""The PAR files: a unit's score sheet (.docx landscape in the ND30 format, and .xlsx) and the city's ranking
(.xlsx and .docx). The ND30 header and signature come from apps/reports/word.py; every .xlsx cell goes through
cchc/xlsx.py."""

from __future__ import annotations

import io

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font

from apps.par import services
from apps.par.methods import pts
from apps.par.models import Assessment, AssessmentYear, block_name
from apps.reports import word
from apps.units.models import Unit, UnitKind
from cchc import xlsx

SHEET_HEADERS = ["Mã", "Tiêu chí", "Điểm tối đa", "Tự chấm", "Thẩm định vòng 1", "Thẩm định vòng 2", "Ghi chú"]


def _p(value) -> str:
    return "" if value is None else pts(value)


def sheet_rows(assessment: Assessment) -> list[list[str]]:
    """The score sheet as rows of text: headings across (one value), leaves with their scores, then the totals."""
    scores = {s.criterion_id: s for s in assessment.scores.select_related("criterion")}
    rows: list[list[str]] = []
    for node in assessment.framework.nodes():
        if node.kids:
            rows += [[f"{node.code}. {node.title} ({pts(node.max_points)} điểm)"]]
            continue
        score = scores.get(node.pk)
        if score is None:
            continue
        notes = "; ".join(
            x
            for x in (
                "Không áp dụng" if not score.applicable else "",
                score.self_note,
                f"TĐ1: {score.round1_note}" if score.round1_note else "",
                f"Giải trình: {score.explanation}" if score.explanation else "",
                f"TĐ2: {score.round2_note}" if score.round2_note else "",
            )
            if x
        )
        rows += [
            [
                node.code,
                node.title,
                pts(node.max_points),
                _p(score.self_score) if score.applicable else "–",
                _p(score.round1),
                _p(score.round2),
                notes,
            ]
        ]
    return rows


def total_rows(assessment: Assessment) -> list[list[str]]:
    t = services.totals(assessment)
    return [
        [
            "",
            "Tổng điểm các nội dung (tối đa áp dụng)",
            pts(t.max_points),
            pts(t.self_points),
            _p(t.round1),
            _p(t.final),
            "",
        ],
        ["", "Điểm thưởng", "", "", "", pts(t.bonus), ""],
        ["", "Điểm trừ", "", "", "", pts(t.penalty), ""],
        ["", "Tổng điểm đạt", "", "", "", pts(t.points), ""],
        ["", "Chỉ số CCHC (điểm ÷ tối đa áp dụng × 100)", "", "", "", t.index_text, ""],
    ]


def score_sheet_docx(assessment: Assessment) -> bytes:
    unit = assessment.unit
    document = word.new_document(landscape=True)
    word.heading(
        document,
        unit,
        "Số:       /BC-UBND" if unit.kind != UnitKind.DEPARTMENT else "Số:       /BC",
        timezone.localdate(),
        "BẢNG ĐIỂM",
        f"Tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm {assessment.year.year}",
        widths=(9.0, 16.0),
    )
    if assessment.framework.is_sample:
        word.para(document, "(Theo bộ tiêu chí MẪU, chưa phải quyết định của thành phố.)", 12, italic=True)
    rows = sheet_rows(assessment) + total_rows(assessment)
    word.grid(document, SHEET_HEADERS, rows, [1.5, 9.5, 2.0, 2.0, 2.2, 2.2, 5.8], size=11)
    word.para(document, "", after=6)
    word.signature(document, unit, ["- Sở Nội vụ;", "- Lưu: VT."], widths=(11.0, 14.0))
    return word.to_bytes(document)


def _book(title: str):
    book = Workbook()
    sheet = book.active
    sheet.title = title
    return book, sheet


def _bytes(book) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def score_sheet_xlsx(assessment: Assessment) -> bytes:
    book, sheet = _book("Bảng điểm")
    xlsx.append(sheet, [f"Bảng điểm Chỉ số CCHC năm {assessment.year.year} – {assessment.unit.name}"])
    xlsx.append(sheet, [f"Bộ tiêu chí: {assessment.framework}; trạng thái: {assessment.get_state_display()}"])
    xlsx.append(sheet, SHEET_HEADERS)
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    scores = {s.criterion_id: s for s in assessment.scores.select_related("criterion")}
    for node in assessment.framework.nodes():
        score = scores.get(node.pk)
        if node.kids:
            xlsx.append(sheet, [node.code, node.title, node.max_points])
            for cell in sheet[sheet.max_row]:
                cell.font = Font(bold=True)
        elif score is not None:
            xlsx.append(
                sheet,
                [
                    node.code,
                    node.title,
                    node.max_points,
                    score.self_score if score.applicable else "Không áp dụng",
                    score.round1,
                    score.round2,
                    "; ".join(
                        x for x in (score.self_note, score.round1_note, score.explanation, score.round2_note) if x
                    ),
                ],
            )
    t = services.totals(assessment)
    for label, value in (
        ("Tối đa áp dụng", t.max_points),
        ("Điểm thưởng", t.bonus),
        ("Điểm trừ", t.penalty),
        ("Tổng điểm đạt", t.points),
        ("Chỉ số CCHC", t.index),
    ):
        xlsx.append(sheet, ["", label, value])
    for letter, width in zip("ABCDEFG", (8, 70, 11, 11, 14, 14, 50), strict=True):
        sheet.column_dimensions[letter].width = width
    return _bytes(book)


RANK_HEADERS = ["Hạng", "Đơn vị", "Trạng thái", "Điểm đạt", "Tối đa áp dụng", "Chỉ số", "Xếp loại", "So với năm trước"]


def ranking_xlsx(year: AssessmentYear) -> bytes:
    book, sheet = _book("Xếp hạng")
    xlsx.append(sheet, [f"Kết quả Chỉ số CCHC năm {year.year}"])
    for group, rows in services.ranking(year).items():
        xlsx.append(sheet, [])
        xlsx.append(sheet, [block_name(group)])
        xlsx.append(sheet, RANK_HEADERS)
        for r in rows:
            xlsx.append(
                sheet,
                [
                    r.rank,
                    r.assessment.unit.name,
                    r.assessment.get_state_display(),
                    r.totals.points,
                    r.totals.max_points,
                    r.totals.index,
                    r.band_text,
                    r.change,
                ],
            )
    weakest = services.weakest(year)
    if weakest:
        xlsx.append(sheet, [])
        xlsx.append(sheet, ["Các tiêu chí đạt thấp nhất"])
        for w in weakest:
            xlsx.append(sheet, [w["criterion"].code, w["criterion"].title, w["units"], round(float(w["rate"]), 1)])
    for letter, width in zip("ABCDEFGH", (8, 40, 30, 11, 14, 10, 14, 16), strict=True):
        sheet.column_dimensions[letter].width = width
    return _bytes(book)


def ranking_docx(year: AssessmentYear) -> bytes:
    city = Unit.objects.filter(kind=UnitKind.CITY).first()
    issuer = Unit.objects.filter(kind=UnitKind.DEPARTMENT, name__icontains="Nội vụ").first() or city
    document = word.new_document(landscape=True)
    if issuer is not None:
        word.heading(
            document,
            issuer,
            "Số:       /BC-SNV",
            timezone.localdate(),
            "BÁO CÁO",
            f"Kết quả xác định Chỉ số cải cách hành chính năm {year.year}",
            widths=(9.0, 16.0),
        )
    for group, rows in services.ranking(year).items():
        word.para(document, block_name(group), 13, bold=True)
        values = [
            [
                str(r.rank),
                r.assessment.unit.name,
                pts(r.totals.points),
                pts(r.totals.max_points),
                r.totals.index_text,
                r.band_text,
                "–" if r.change is None else ("+" if r.change >= 0 else "") + pts(r.change),
            ]
            for r in rows
        ]
        headers = ["Hạng", "Đơn vị", "Điểm đạt", "Tối đa áp dụng", "Chỉ số", "Xếp loại", "So với năm trước"]
        word.grid(document, headers, values, [1.5, 9.0, 2.6, 2.8, 2.4, 3.0, 3.2], size=11)
        word.para(document, "", after=6)
    if issuer is not None:
        word.signature(document, issuer, ["- UBND thành phố;", "- Các đơn vị;", "- Lưu: VT."], widths=(11.0, 14.0))
    return word.to_bytes(document)
