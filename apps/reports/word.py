"""The report as a .docx in the State's format (Nghị định 30/2020), with its tables and charts as a landscape appendix.

A4; margins top/bottom 20 mm, left 30 mm, right 15 mm; Times New Roman 14 pt (13 pt in the header blocks, 12 in
the tables); issuing body top left, national motto top right with its rule; number, italic place and date;
BÁO CÁO and the subject; the body along the outline; "Nơi nhận:" bottom left, signature bottom right; page
numbers top centre from page 2.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import io

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from apps.plans.models import Area
from apps.reports import charts
from apps.reports.content import ATTAINMENTS, BUCKETS
from apps.reports.models import outline_entries
from apps.tracking.models import period_words
from apps.units.models import Unit, UnitKind
from cchc.numbers import num

FONT = "Times New Roman"
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")


def vietnamese_date(day: dt.date) -> str:
    """'ngày 05 tháng 02 năm 2026': a leading zero for days 1–9 and for months 1 and 2 (Nghị định 30/2020)."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def place_name(unit: Unit) -> str:
    if unit.kind in (UnitKind.DEPARTMENT, UnitKind.CITY):
        city = unit if unit.kind == UnitKind.CITY else unit.parent
        name = city.name if city else unit.name
        return name.removeprefix("Thành phố ").strip()
    for prefix in ("Xã ", "Phường ", "Đặc khu "):
        if unit.name.startswith(prefix):
            return unit.name[len(prefix) :]
    return unit.name


def issuer_lines(unit: Unit) -> tuple[str, str]:
    """The governing body above, and the issuing body, as the top-left block prints them."""
    if unit.kind == UnitKind.DEPARTMENT:
        parent = unit.parent.name.upper() if unit.parent else ""
        return f"UBND {parent}".strip(), unit.name.upper()
    return "ỦY BAN NHÂN DÂN", unit.name.upper()


def recipients(unit: Unit) -> list[str]:
    """The "Nơi nhận:" list: a city reports to the Ministry, a commune or department to Sở Nội vụ."""
    if unit.kind == UnitKind.CITY:
        return ["- Bộ Nội vụ;", "- Thường trực Thành ủy, HĐND thành phố;", "- Chủ tịch, các PCT UBND thành phố;"]
    return ["- Sở Nội vụ;", "- Thường trực Đảng ủy, HĐND;", "- Chủ tịch, các PCT UBND;"]


def signature_lines(unit: Unit) -> list[str]:
    if unit.kind == UnitKind.DEPARTMENT:
        return ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]
    return ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]


# --- low-level helpers --------------------------------------------------------------------------------------


@functools.cache
def _run_properties(size: float, bold: bool, italic: bool):
    """The run properties of a font (Times New Roman, also for East Asian text), built once per size and style: a
    city report writes thousands of table cells, and python-docx's property setters each search the element."""
    props = OxmlElement("w:rPr")
    fonts = OxmlElement("w:rFonts")
    for name in ("w:ascii", "w:hAnsi", "w:eastAsia"):
        fonts.set(qn(name), FONT)
    props.append(fonts)
    for tag, on in (("w:b", bold), ("w:i", italic)):
        element = OxmlElement(tag)
        if not on:
            element.set(qn("w:val"), "0")
        props.append(element)
    size_element = OxmlElement("w:sz")
    size_element.set(qn("w:val"), str(round(size * 2)))
    props.append(size_element)
    return props


def _font(run, size: float, bold: bool = False, italic: bool = False) -> None:
    if run._r.rPr is not None:
        run._r.remove(run._r.rPr)
    run._r.insert(0, copy.deepcopy(_run_properties(size, bool(bold), bool(italic))))


def _para(container, text: str = "", size: float = 14, bold=False, italic=False, align=None, indent=False, after=6):
    paragraph = container.add_paragraph()
    if text:
        _font(paragraph.add_run(text), size, bold, italic)
    fmt = paragraph.paragraph_format
    fmt.space_before, fmt.space_after = Pt(0), Pt(after)
    if align is not None:
        paragraph.alignment = align
    if indent:
        fmt.first_line_indent = Cm(1.27)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    return paragraph


def _rule(container, inset: float) -> None:
    """A thin line, ``inset`` cm shorter than the column on each side (the rule under the motto, the subject)."""
    paragraph = container.add_paragraph()
    _font(paragraph.add_run(""), 2)
    fmt = paragraph.paragraph_format
    fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(0), Pt(0), Pt(2)
    paragraph.paragraph_format.left_indent = Cm(inset)
    paragraph.paragraph_format.right_indent = Cm(inset)
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)


def _no_borders(table) -> None:
    props = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    props.append(borders)


def _cell(cell, text: str = "", size=13, bold=False, italic=False, align=WD_ALIGN_PARAGRAPH.CENTER):
    """Write into a cell's first paragraph (later calls add paragraphs)."""
    paragraph = cell.paragraphs[0] if not cell.paragraphs[0].text and len(cell.paragraphs) == 1 else None
    if paragraph is None:
        paragraph = cell.add_paragraph()
    if text:
        _font(paragraph.add_run(text), size, bold, italic)
    if paragraph._p.pPr is None:  # a new cell's paragraph: the properties built once (see _run_properties)
        paragraph._p.insert(0, copy.deepcopy(_cell_paragraph_properties(align)))
    else:
        paragraph.alignment = align
        paragraph.paragraph_format.space_after = Pt(0)
    return paragraph


@functools.cache
def _cell_paragraph_properties(align):
    props = OxmlElement("w:pPr")
    spacing = OxmlElement("w:spacing")
    spacing.set(qn("w:after"), "0")
    props.append(spacing)
    justify = OxmlElement("w:jc")
    justify.set(qn("w:val"), {WD_ALIGN_PARAGRAPH.LEFT: "left", WD_ALIGN_PARAGRAPH.CENTER: "center"}[align])
    props.append(justify)
    return props


def _page_number(paragraph) -> None:
    run = paragraph.add_run()
    _font(run, 13)
    for kind, text in (("begin", None), ("instr", "PAGE"), ("separate", None), ("end", None)):
        if kind == "instr":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        run._r.append(element)


def _widths(table, widths_cm: list[float]) -> None:
    """Column widths in the grid (what LibreOffice reads) and in every cell (what Word reads)."""
    table.autofit = False
    for column, width in zip(table.columns, widths_cm, strict=False):
        column.width = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm, strict=False):
            cell.width = Cm(width)


def grid(container, headers: list[str], rows: list[list[str]], widths: list[float], size=12) -> None:
    table = container.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, header in zip(table.rows[0].cells, headers, strict=True):
        _cell(cell, header, size, bold=True)
    _repeat_header(table.rows[0])
    for values in rows:
        cells = table.add_row().cells
        if len(values) == 1:  # a group heading across the table
            merged = cells[0].merge(cells[-1])
            _cell(merged, values[0], size, bold=True, align=WD_ALIGN_PARAGRAPH.LEFT)
            continue
        for i, (cell, value) in enumerate(zip(cells, values, strict=True)):
            align = WD_ALIGN_PARAGRAPH.LEFT if i == 1 else WD_ALIGN_PARAGRAPH.CENTER
            _cell(cell, value, size, align=align)
    _widths(table, widths)


def _repeat_header(row) -> None:
    element = OxmlElement("w:tblHeader")
    element.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(element)


def _setup(section, landscape: bool = False) -> None:
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance = Mm(10)


def _num(value) -> str:
    return "–" if value is None else num(value)


# --- the document -------------------------------------------------------------------------------------------


def new_document(landscape: bool = False):
    """An empty A4 document in the ND30 layout: Times New Roman 14, the margins, page numbers from page 2."""
    document = Document()
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(14)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    section = document.sections[0]
    _setup(section, landscape)
    section.different_first_page_header_footer = True
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_number(header)
    return document


def heading(document, unit: Unit, number_line: str, day: dt.date, type_name: str, subject: str, widths=None) -> None:
    """The ND30 top: issuing body and number left, national motto and italic place and date right, then the type
    name in bold caps and the subject in bold with its rule. ``widths`` of the two blocks (wider in landscape)."""
    table = document.add_table(rows=1, cols=2)
    _no_borders(table)
    left, right = table.rows[0].cells
    above, issuer = issuer_lines(unit)
    _cell(left, above, 13)
    _cell(left, issuer, 13, bold=True)
    _rule(left, 1.8)
    _cell(left, "", 8)
    _cell(left, number_line, 13)
    _cell(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, bold=True)
    _cell(right, "Độc lập - Tự do - Hạnh phúc", 13, bold=True)
    _rule(right, 2.6)
    _cell(right, "", 8)
    _cell(right, f"{place_name(unit)}, {vietnamese_date(day)}", 14, italic=True)
    if widths is None:
        first = 6.5 if len(issuer) > 16 else 6.0  # "THÀNH PHỐ HẢI PHÒNG" on one line, the motto too
        widths = (first, 16.5 - first)
    _widths(table, list(widths))

    _para(document, "", after=6)
    _para(document, type_name, 14, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=0)
    _para(document, subject, 14, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=0)
    _rule(document, 6.0 if widths[0] + widths[1] < 20 else 10.0)
    _para(document, "", after=6)


def signature(document, unit: Unit, recipients: list[str], signer: str = "", widths=(7.5, 9.0)) -> None:
    """ "Nơi nhận:" bottom left, the signature block bottom right."""
    table = document.add_table(rows=1, cols=2)
    _no_borders(table)
    left, right = table.rows[0].cells
    _cell(left, "Nơi nhận:", 12, bold=True, italic=True, align=WD_ALIGN_PARAGRAPH.LEFT)
    for line in recipients:
        _cell(left, line, 11, align=WD_ALIGN_PARAGRAPH.LEFT)
    for line in signature_lines(unit):
        _cell(right, line, 14, bold=True)
    for _ in range(3):
        _cell(right, "")
    _cell(right, signer, 14, bold=True)
    _widths(table, list(widths))


def para(container, text: str = "", size: float = 14, bold=False, italic=False, align=None, indent=False, after=6):
    return _para(container, text, size, bold, italic, align, indent, after)


def to_bytes(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def build_docx(unit: Unit, content: dict, day: dt.date, appendix=None) -> bytes:
    """The report; ``appendix(document, unit, content, day)`` writes its landscape tables (a unit's by default)."""
    document = new_document()
    _heading_blocks(document, unit, content, day)
    _body(document, unit, content)
    _signature(document, unit, content)
    appendix_section(document, unit, content, day)
    (appendix or _appendix)(document, unit, content, day)
    return to_bytes(document)


def _number_line(content: dict) -> str:
    return f"Số: {content.get('number') or '      '}/BC-UBND"


def _heading_blocks(document, unit: Unit, content: dict, day: dt.date) -> None:
    subject = f"Kết quả thực hiện công tác cải cách hành chính {_period_words(content)}"
    heading(document, unit, _number_line(content), day, "BÁO CÁO", subject)


def _period_words(content: dict) -> str:
    return period_words(content["period"]["code"])


def _sections(content: dict) -> dict[str, str]:
    return {s["key"]: s["text"] for s in content.get("sections", [])}


def _text_paragraphs(document, text: str) -> None:
    for line in (text or "").splitlines() or [""]:
        if line.strip():
            _para(document, line.strip(), indent=True)


def _body(document, unit: Unit, content: dict) -> None:
    texts = _sections(content)
    outline = outline_entries(content.get("outline"))  # what the report was frozen with
    period = content["period"]
    start, end = (dt.date.fromisoformat(period[k]).strftime("%d/%m/%Y") for k in ("start", "end"))
    _para(
        document,
        f"Thực hiện chế độ báo cáo định kỳ về công tác cải cách hành chính (CCHC), {unit.name_in_sentence} báo cáo "
        f"kết quả thực hiện công tác CCHC {_period_words(content)} (số liệu từ ngày {start} đến ngày {end}) như sau:",
        indent=True,
    )
    for entry in outline:
        part, title = entry["part"], entry["title"]
        sub = part == "shortcomings"  # a sub-heading of the assessment
        _para(document, title, italic=sub, bold=not sub, indent=sub)
        if part == "direction":
            _text_paragraphs(document, texts.get(f"results-{Area.CHI_DAO_DIEU_HANH}", ""))
        elif part == "results":
            for i, area in enumerate([a for a in Area if a != Area.CHI_DAO_DIEU_HANH], start=1):
                _para(document, f"{i}. {area.label}", bold=True)
                _text_paragraphs(document, texts.get(f"results-{area.value}", ""))
        elif part == "assessment":
            totals = {bucket: sum(a["tasks"][bucket] for a in content["areas"]) for bucket in BUCKETS}
            _para(
                document,
                f"Tổng số {content.get('tasks_total', len(content['tasks']))} nhiệm vụ: "
                + "; ".join(f"{label.lower()} {totals[b]}" for b, label in BUCKETS.items())
                + ".",
                indent=True,
            )
        else:
            _text_paragraphs(document, texts.get(entry["key"], ""))
    _para(
        document,
        f"Trên đây là báo cáo kết quả thực hiện công tác CCHC {_period_words(content)} của {unit.name_in_sentence}"
        " (có phụ lục kèm theo)./.",
        indent=True,
    )


def _signature(document, unit: Unit, content: dict) -> None:
    signature(document, unit, [*recipients(unit), "- Lưu: VT."], content.get("signer") or "")


def appendix_section(document, unit: Unit, content: dict, day: dt.date) -> None:
    """The landscape section the appendix tables go in, with its title."""
    section = document.add_section(WD_SECTION.NEW_PAGE)
    _setup(section, landscape=True)
    section.different_first_page_header_footer = False
    _para(document, "PHỤ LỤC", 14, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=0)
    _para(
        document,
        f"(Kèm theo Báo cáo số {_number_line(content).removeprefix('Số: ')} {vietnamese_date(day)} "
        f"của {unit.name_in_sentence})",
        13,
        italic=True,
        align=WD_ALIGN_PARAGRAPH.CENTER,
    )


def statistics_table(document, content: dict, title: str = "Biểu 1. Số liệu thống kê") -> None:
    _para(document, title, 13, bold=True)
    stats = [
        [str(i), row["label"], row["unit"], _num(row["value"]), _num(row["numerator"]), _num(row["denominator"])]
        for i, row in enumerate(content["statistics"], start=1)
    ]
    grid(document, ["TT", "Nội dung", "Đơn vị tính", "Kết quả", "Tử số", "Mẫu số"], stats, [1.2, 12, 3, 2.8, 2.8, 2.8])


def chart_pictures(document, content: dict) -> None:
    _para(document, "", after=6)
    _para(document, "Biểu đồ", 13, bold=True).paragraph_format.keep_with_next = True  # not alone at a page foot
    for image in (charts.task_chart(content), charts.target_chart(content)):
        document.add_picture(io.BytesIO(image), width=Cm(16))
        document.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER


def _appendix(document, unit: Unit, content: dict, day: dt.date) -> None:
    area_labels = {a.value: a.label for a in Area}

    statistics_table(document, content)

    _para(document, "", after=6)
    _para(document, "Biểu 2. Tình hình thực hiện nhiệm vụ", 13, bold=True)
    rows: list[list[str]] = []
    for roman, area in zip(ROMAN, Area, strict=False):
        tasks = [t for t in content["tasks"] if t["area"] == area]
        if not tasks:
            continue
        rows.append([f"{roman}. {area.label}"])
        for i, task in enumerate(tasks, start=1):
            output = "; ".join(x for x in [task["output"], *task["evidence"]] if x)
            rows.append([str(i), task["content"], task["lead"], task["deadline"], BUCKETS[task["status"]], output])
    others = [t for t in content["tasks"] if t["area"] not in area_labels]
    if others:
        rows.append(["Chưa phân lĩnh vực"])
        rows += [
            [str(i), t["content"], t["lead"], t["deadline"], BUCKETS[t["status"]], t["output"]]
            for i, t in enumerate(others, start=1)
        ]
    headers = ["TT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời hạn", "Tình trạng", "Sản phẩm"]
    grid(document, headers, rows, [1.2, 9.5, 4, 3, 3.5, 4.4])

    _para(document, "", after=6)
    _para(document, "Biểu 3. Kết quả thực hiện chỉ tiêu", 13, bold=True)
    targets = [
        [str(i), t["text"], area_labels.get(t["area"], ""), t["goal"], _num(t["value"]), ATTAINMENTS[t["attainment"]]]
        for i, t in enumerate(content["targets"], start=1)
    ]
    headers = ["TT", "Chỉ tiêu", "Lĩnh vực", "Mục tiêu", "Kết quả kỳ", "Mức độ đạt"]
    grid(document, headers, targets, [1.2, 10.5, 4.2, 3, 2.6, 4.1])
    chart_pictures(document, content)


def city_appendix(document, unit: Unit, content: dict, day: dt.date) -> None:
    """The city's appendix: the consolidated statistics, every unit's report and figures, the city's targets."""
    statistics_table(document, content, "Biểu 1. Số liệu thống kê tổng hợp (tỷ lệ tính từ tổng tử số, mẫu số)")

    _para(document, "", after=6)
    _para(document, "Biểu 2. Tình hình báo cáo và kết quả của các đơn vị", 13, bold=True)
    rows: list[list[str]] = []
    block = None
    for i, row in enumerate(content["units"], start=1):
        if row["block"] != block:
            block = row["block"]
            rows.append([block])
        tasks = row["tasks"]
        counts = [_num(tasks[key]) if tasks else "–" for key in BUCKETS]
        rows.append(
            [str(i), row["name"], row["state"], *counts, _num(row["completion"]), row["targets_met"] or "–"]
            + [_num(row["rank"])]
        )
    headers = ["TT", "Đơn vị", "Báo cáo", "HT đúng hạn", "HT quá hạn", "Đang làm, trong hạn", "Quá hạn chưa HT"]
    headers += ["Tỷ lệ HT (%)"]
    grid(document, [*headers, "Chỉ tiêu đạt", "Xếp hạng"], rows, [1.1, 5.6, 3.6, 1.9, 1.9, 1.9, 2.2, 2.3, 2.1, 1.7])

    _para(document, "", after=6)
    _para(document, "Biểu 3. Chỉ tiêu của thành phố, tính từ số liệu các đơn vị", 13, bold=True)
    indicators = [
        [str(i), r["label"], r["goal"] or "–", _num(r["value"]), f"{_num(r['numerator'])}/{_num(r['denominator'])}"]
        + [str(r["units_counted"]), r["attainment"] or "–"]
        for i, r in enumerate(content["indicators"], start=1)
    ]
    headers = ["TT", "Chỉ tiêu / chỉ số", "Mục tiêu", "Kết quả", "Tử số/mẫu số", "Số đơn vị", "Mức độ đạt"]
    grid(document, headers, indicators, [1.1, 9.6, 3, 2.4, 3.4, 2.2, 3.5])
    chart_pictures(document, content)
