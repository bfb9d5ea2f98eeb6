"""Word files typed the way officials type them read as Word shows them.

The generated fixtures are plain; real plans are not. Each file here is built with python-docx (raw XML
where python-docx has no API) and carries one habit: automatic numbering instead of typed numbers,
header rows repeated on each page and tables split across pages, cells merged down and across, text in
content controls, text boxes and tracked changes, breaks and special spaces, and the header block laid
out as a borderless two-column table. The last test puts them all in one plan and imports it.
"""

from __future__ import annotations

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from importer.pipeline import Limits, run
from importer.readers import read
from importer.readers.docx import format_number

MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
HEADER = ("TT", "Nội dung công việc", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Sản phẩm")


# --- building blocks ------------------------------------------------------------------------------


def _add_list(document, *levels: tuple[str, str, int], restart_at: int | None = None, of: str | None = None) -> str:
    """A list in numbering.xml, levels given as (numFmt, lvlText, start); ``of`` reuses another list's definition
    (``restart_at``: Word's "Restart at…"). Returns its numId."""
    numbering = document.part.numbering_part.element
    num_id = str(max((int(n.get(qn("w:numId"))) for n in numbering.iterchildren(qn("w:num"))), default=0) + 1)
    if of is None:
        abstract_id = str(
            1 + max((int(a.get(qn("w:abstractNumId"))) for a in numbering.iterchildren(qn("w:abstractNum"))), default=0)
        )
        lvls = "".join(
            f'<w:lvl w:ilvl="{i}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/></w:lvl>'
            for i, (fmt, text, start) in enumerate(levels)
        )
        first_num = numbering.find(qn("w:num"))
        abstract = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">{lvls}</w:abstractNum>')
        first_num.addprevious(abstract) if first_num is not None else numbering.append(abstract)
    else:
        abstract_id = (
            next(n for n in numbering.iterchildren(qn("w:num")) if n.get(qn("w:numId")) == of)
            .find(qn("w:abstractNumId"))
            .get(qn("w:val"))
        )
    override = (
        f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{restart_at}"/></w:lvlOverride>' if restart_at else ""
    )
    numbering.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{override}</w:num>'
        )
    )
    return num_id


def _numbered(paragraph, num_id: str, level: int = 0):
    paragraph._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>')
    )
    return paragraph


def _repeat_as_header(row) -> None:
    row._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))


def _runs(paragraph, xml: str):
    """Append raw runs (and run-level elements) to a paragraph."""
    for element in parse_xml(f"<w:p {nsdecls('w')}>{xml}</w:p>"):
        paragraph._p.append(element)
    return paragraph


def _texts(path) -> list[str]:
    return [block.text for block in read(path, Limits()).blocks]


# --- automatic numbering ------------------------------------------------------------------------------


def test_it_writes_automatic_numbers_in_front_of_paragraphs_as_word_shows_them(tmp_path):
    d = docx.Document()
    outline = _add_list(d, ("upperRoman", "%1.", 1), ("decimal", "%2.", 1), ("lowerLetter", "%3)", 1))
    dashes = _add_list(d, ("bullet", "-", 1))
    _numbered(d.add_paragraph("MỤC ĐÍCH, YÊU CẦU"), outline)
    _numbered(d.add_paragraph("Mục đích"), outline, 1)
    _numbered(d.add_paragraph("Đối với cơ quan"), outline, 2)
    _numbered(d.add_paragraph("Đối với người dân"), outline, 2)
    _numbered(d.add_paragraph("Gắn với nhiệm vụ chính trị."), dashes)
    _numbered(d.add_paragraph("Yêu cầu"), outline, 1)
    _numbered(d.add_paragraph("Bám sát chỉ đạo"), outline, 2)  # a level restarts under a new parent
    _numbered(d.add_paragraph("NHIỆM VỤ"), outline)
    _numbered(d.add_paragraph("Cải cách thể chế"), outline, 1)
    d.save(tmp_path / "plan.docx")

    assert _texts(tmp_path / "plan.docx") == [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích",
        "a) Đối với cơ quan",
        "b) Đối với người dân",
        "- Gắn với nhiệm vụ chính trị.",
        "2. Yêu cầu",
        "a) Bám sát chỉ đạo",
        "II. NHIỆM VỤ",
        "1. Cải cách thể chế",
    ]


def test_it_honours_start_values_multilevel_texts_restarts_and_numbering_by_style(tmp_path):
    d = docx.Document()
    from_three = _add_list(d, ("decimal", "%1.", 3), ("decimal", "%1.%2.", 1))
    _numbered(d.add_paragraph("Ba"), from_three)
    _numbered(d.add_paragraph("Ba chấm một"), from_three, 1)
    _numbered(d.add_paragraph("Ba chấm hai"), from_three, 1)
    _numbered(d.add_paragraph("Bốn"), from_three)
    _numbered(d.add_paragraph("Bốn chấm một"), from_three, 1)
    again = _add_list(d, restart_at=1, of=from_three)  # Word's "Restart at 1" makes a new list on the same definition
    _numbered(d.add_paragraph("Một lại"), again)
    _numbered(d.add_paragraph("Tiếp tục"), from_three)  # the definition's counter goes on
    d.add_paragraph("Văn bản thường", style="List Number")  # the template's style carries its numbering
    d.add_paragraph("Văn bản thường tiếp", style="List Number")
    _numbered(d.add_paragraph("Bỏ số"), "0")  # numId 0: numbering switched off
    d.save(tmp_path / "plan.docx")

    assert _texts(tmp_path / "plan.docx") == [
        "3. Ba",
        "3.1. Ba chấm một",
        "3.2. Ba chấm hai",
        "4. Bốn",
        "4.1. Bốn chấm một",
        "1. Một lại",
        "2. Tiếp tục",
        "1. Văn bản thường",
        "2. Văn bản thường tiếp",
        "Bỏ số",
    ]


def test_it_follows_a_list_that_takes_its_levels_from_a_list_style(tmp_path):
    """Word's multilevel list kept as a style (Home > Multilevel list > Define new list style): the lists
    the paragraphs use only name the style (``w:numStyleLink``); the style's own list holds the levels."""
    d = docx.Document()
    styled = _add_list(d, ("upperRoman", "%1.", 1), ("decimal", "%2.", 1))
    numbering = d.part.numbering_part.element
    definition = next(n for n in numbering.iterchildren(qn("w:num")) if n.get(qn("w:numId")) == styled)
    defining = definition.find(qn("w:abstractNumId")).get(qn("w:val"))
    next(a for a in numbering.iterchildren(qn("w:abstractNum")) if a.get(qn("w:abstractNumId")) == defining).insert(
        0, parse_xml(f'<w:styleLink {nsdecls("w")} w:val="DeMuc"/>')
    )
    d.styles.element.append(
        parse_xml(
            f'<w:style {nsdecls("w")} w:type="numbering" w:styleId="DeMuc"><w:name w:val="Đề mục"/>'
            f'<w:pPr><w:numPr><w:numId w:val="{styled}"/></w:numPr></w:pPr></w:style>'
        )
    )
    numbering.find(qn("w:num")).addprevious(
        parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90"><w:numStyleLink w:val="DeMuc"/></w:abstractNum>')
    )
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    _numbered(d.add_paragraph("MỤC ĐÍCH, YÊU CẦU"), "90")
    _numbered(d.add_paragraph("Mục đích"), "90", 1)
    _numbered(d.add_paragraph("NHIỆM VỤ"), styled)  # the style's own list counts on with it
    d.save(tmp_path / "plan.docx")

    assert _texts(tmp_path / "plan.docx") == ["I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "II. NHIỆM VỤ"]


def test_it_formats_counters_like_word():
    assert [format_number(n, "upperRoman") for n in (1, 4, 9, 14, 40)] == ["I", "IV", "IX", "XIV", "XL"]
    assert [format_number(n, "lowerLetter") for n in (1, 26, 27, 28)] == ["a", "z", "aa", "bb"]
    assert (format_number(5, "decimalZero"), format_number(5, "upperLetter"), format_number(5, "ordinal")) == (
        "05",
        "E",
        "5",
    )


def test_it_numbers_section_rows_and_the_tt_column_of_a_table(tmp_path):
    d = docx.Document()
    sections = _add_list(d, ("upperRoman", "%1", 1))
    tasks = _add_list(d, ("decimal", "%1.", 1))
    table = d.add_table(rows=0, cols=3)
    for kind, text in (
        ("section", "CẢI CÁCH THỂ CHẾ"),
        ("task", "Rà soát"),
        ("section", "CẢI CÁCH TTHC"),
        ("task", "Công bố"),
    ):
        cells = table.add_row().cells
        _numbered(cells[0].paragraphs[0], sections if kind == "section" else tasks)
        if kind == "section":
            cells[1].merge(cells[2]).text = text
        else:
            cells[1].text, cells[2].text = text, "Văn phòng"
    d.save(tmp_path / "plan.docx")

    (rows,) = [table.rows for table in read(tmp_path / "plan.docx", Limits()).tables]
    assert rows == (
        ("I", "CẢI CÁCH THỂ CHẾ", ""),
        ("1.", "Rà soát", "Văn phòng"),
        ("II", "CẢI CÁCH TTHC", ""),
        ("2.", "Công bố", "Văn phòng"),
    )


# --- header rows, split tables, merged cells ------------------------------------------------------------


def _two_row_header(table) -> None:
    """'TT | Nội dung | Cơ quan thực hiện (over Chủ trì | Phối hợp) | Thời gian | Sản phẩm', then '(1) … (6)'."""
    top, bottom, numbers = table.add_row(), table.add_row(), table.add_row()
    for column in (0, 1, 4, 5):
        top.cells[column].merge(bottom.cells[column]).text = HEADER[column].replace(" công việc", "")
    top.cells[2].merge(top.cells[3]).text = "Cơ quan thực hiện"
    bottom.cells[2].text, bottom.cells[3].text = "Chủ trì", "Phối hợp"
    for column, cell in enumerate(numbers.cells, 1):
        cell.text = f"({column})"
    for row in (top, bottom, numbers):
        _repeat_as_header(row)


def test_it_gives_header_rows_repeated_on_each_page_as_one_row_under_its_title_without_the_column_numbers(tmp_path):
    d = docx.Document()
    table = d.add_table(rows=0, cols=6)
    caption = table.add_row()
    caption.cells[0].merge(caption.cells[5]).text = "DANH MỤC NHIỆM VỤ"
    _repeat_as_header(caption)
    _two_row_header(table)
    for cell, text in zip(table.add_row().cells, ("1", "Rà soát", "Văn phòng", "", "Quý I", "Báo cáo"), strict=True):
        cell.text = text
    d.save(tmp_path / "plan.docx")

    (rows,) = [table.rows for table in read(tmp_path / "plan.docx", Limits()).tables]
    assert rows == (
        ("DANH MỤC NHIỆM VỤ", "", "", "", "", ""),
        ("TT", "Nội dung", "Cơ quan thực hiện\nChủ trì", "Phối hợp", "Thời gian hoàn thành", "Sản phẩm"),
        ("1", "Rà soát", "Văn phòng", "", "Quý I", "Báo cáo"),
    )


def test_it_leaves_a_table_whose_every_row_repeats_as_it_is(tmp_path):
    d = docx.Document()
    table = d.add_table(rows=2, cols=2)
    for row, texts in zip(table.rows, (("Số: 15/KH-UBND", "An Hòa, ngày 20/01/2026"), ("KẾ HOẠCH", "")), strict=True):
        row.cells[0].text, row.cells[1].text = texts
        _repeat_as_header(row)
    d.save(tmp_path / "plan.docx")

    assert read(tmp_path / "plan.docx", Limits()).tables[0].rows == (
        ("Số: 15/KH-UBND", "An Hòa, ngày 20/01/2026"),
        ("KẾ HOẠCH", ""),
    )


def test_it_gives_a_cell_merged_down_to_every_row_and_a_row_merged_across_once(tmp_path):
    d = docx.Document()
    table = d.add_table(rows=4, cols=4)
    table.cell(0, 0).text = "I"
    table.cell(0, 1).merge(table.cell(0, 3)).text = "CẢI CÁCH THỂ CHẾ"
    for row, text in zip(table.rows[1:], ("Rà soát", "Công bố", "Kiểm tra"), strict=True):
        row.cells[1].text = text
    table.cell(1, 2).merge(table.cell(3, 2)).text = "Văn phòng"  # one lead for three tasks
    table.cell(1, 3).merge(table.cell(2, 3)).text = "Quý II/2026"
    table.cell(3, 3).text = "Năm 2026"
    d.save(tmp_path / "plan.docx")

    (rows,) = [table.rows for table in read(tmp_path / "plan.docx", Limits()).tables]
    assert rows == (
        ("I", "CẢI CÁCH THỂ CHẾ", "", ""),
        ("", "Rà soát", "Văn phòng", "Quý II/2026"),
        ("", "Công bố", "Văn phòng", "Quý II/2026"),
        ("", "Kiểm tra", "Văn phòng", "Năm 2026"),
    )


# --- text where Word hides it --------------------------------------------------------------------------


def test_it_reads_content_controls_text_boxes_and_the_final_version_of_tracked_changes(tmp_path):
    d = docx.Document()
    _runs(
        d.add_paragraph("Thời hạn: "),
        "<w:sdt><w:sdtPr/><w:sdtContent><w:r><w:t>Quý I/2026</w:t></w:r></w:sdtContent></w:sdt>",
    )
    _runs(
        d.add_paragraph("Cơ quan chủ trì: "),
        '<w:del w:id="1" w:author="A"><w:r><w:delText>Phòng Kinh tế</w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="A"><w:r><w:t>Văn phòng</w:t></w:r></w:ins>'
        '<w:moveFrom w:id="3" w:author="A"><w:r><w:t> (cũ)</w:t></w:r></w:moveFrom>',
    )
    _runs(
        d.add_paragraph("Trước hộp"),
        f"<w:r><mc:AlternateContent {MC}>"
        '<mc:Choice Requires="wps"><w:drawing><w:txbxContent>'
        "<w:p><w:r><w:t>Chữ trong hộp</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>"
        "<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Chữ trong hộp</w:t></w:r></w:p></w:txbxContent>"
        "</w:pict></mc:Fallback></mc:AlternateContent></w:r>",
    )
    body = d.element.body
    body.insert(
        len(body) - 1,  # before the section properties
        parse_xml(
            f"<w:sdt {nsdecls('w')}><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>Đoạn trong điều khiển nội dung</w:t></w:r>"
            "</w:p></w:sdtContent></w:sdt>"
        ),
    )
    deleted = d.add_paragraph()
    _numbered(deleted, _add_list(d, ("decimal", "%1.", 1)))
    deleted._p.pPr.append(parse_xml(f'<w:rPr {nsdecls("w")}><w:del w:id="4" w:author="A"/></w:rPr>'))
    _runs(deleted, '<w:del w:id="5" w:author="A"><w:r><w:delText>Đoạn đã xóa</w:delText></w:r></w:del>')
    d.save(tmp_path / "plan.docx")

    assert _texts(tmp_path / "plan.docx") == [
        "Thời hạn: Quý I/2026",
        "Cơ quan chủ trì: Văn phòng",
        "Trước hộp",
        "Chữ trong hộp",
        "Đoạn trong điều khiển nội dung",
    ]


def test_it_drops_a_table_row_deleted_with_changes_tracked(tmp_path):
    d = docx.Document()
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "1", "Giữ lại"
    table.cell(1, 0).text, table.cell(1, 1).text = "2", "Đã xóa"
    table.rows[1]._tr.get_or_add_trPr().append(parse_xml(f'<w:del {nsdecls("w")} w:id="1" w:author="A"/>'))
    d.save(tmp_path / "plan.docx")

    assert read(tmp_path / "plan.docx", Limits()).tables[0].rows == (("1", "Giữ lại"),)


def test_it_breaks_lines_alike_in_the_body_and_in_cells_and_prints_special_spaces_and_hyphens(tmp_path):
    d = docx.Document()
    typed = "Rà\u00a0soát văn bản quy\u00adphạm Phòng Văn hóa\u2011Xã hội"
    _runs(d.add_paragraph(typed), "<w:r><w:br/><w:t>dòng hai</w:t><w:softHyphen/><w:noBreakHyphen/></w:r>")
    cell = d.add_table(rows=1, cols=1).cell(0, 0)
    _runs(cell.paragraphs[0], f'<w:r><w:t xml:space="preserve">{typed}</w:t><w:br/><w:t>dòng hai</w:t></w:r>')
    cell.add_paragraph("đoạn sau")
    d.save(tmp_path / "plan.docx")
    document = read(tmp_path / "plan.docx", Limits())

    printed = "Rà soát văn bản quyphạm Phòng Văn hóa-Xã hội"
    assert [block.text for block in document.blocks] == [printed, "dòng hai-"]
    assert document.tables[0].rows == ((f"{printed}\ndòng hai\nđoạn sau",),)


# --- the header block as a borderless table ---------------------------------------------------------------

HEADER_LAYOUTS = {
    "row by row": (
        ("UBND THÀNH PHỐ HẢI PHÒNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        ("SỞ NỘI VỤ", "Độc lập - Tự do - Hạnh phúc"),
        ("Số: 21/KH-SNV", "Hải Phòng, ngày 05 tháng 02 năm 2026"),
    ),
    "one cell each": (
        (
            "ỦY BAN NHÂN DÂN\nPHƯỜNG HỒNG BÀNG\n______\nSố: 07/KH-UBND",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n______\n"
            "Hồng Bàng, ngày 9 tháng 3 năm 2026",
        ),
    ),
}


@pytest.mark.parametrize(
    ("layout", "expected"),
    [
        ("row by row", ("21/KH-SNV", "2026-02-05", "Sở Nội vụ thành phố Hải Phòng", "so")),
        ("one cell each", ("07/KH-UBND", "2026-03-09", "UBND phường Hồng Bàng", "xa")),
    ],
)
def test_it_reads_the_header_block_laid_out_as_a_borderless_table(tmp_path, layout, expected):
    d = docx.Document()
    rows = HEADER_LAYOUTS[layout]
    table = d.add_table(rows=len(rows), cols=2)
    for row, texts in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, texts, strict=True):
            cell.text = text  # python-docx writes each \n as a line break
    for text in ("KẾ HOẠCH", "Cải cách hành chính năm 2026", "I. MỤC TIÊU", "Hồ sơ giải quyết đúng hạn đạt 100%."):
        d.add_paragraph(text)
    d.save(tmp_path / "plan.docx")

    meta = run(tmp_path / "plan.docx").meta
    assert (meta.number, meta.date, meta.issuer, meta.issuer_level) == expected
    assert meta.title == "Cải cách hành chính năm 2026"


# --- a whole plan with every habit --------------------------------------------------------------------


def _official_plan(path):
    d = docx.Document()
    top = d.add_table(rows=2, cols=2)  # the default table style has no borders
    top.cell(0, 0).text = "ỦY BAN NHÂN DÂN"
    top.cell(0, 0).add_paragraph("XÃ AN HÒA")
    top.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    top.cell(0, 1).add_paragraph("Độc lập - Tự do - Hạnh phúc")
    top.cell(1, 0).text = "Số:\u00a015/KH-UBND"
    top.cell(1, 1).text = "An Hòa, ngày 20 tháng 01 năm 2026"
    d.add_paragraph("KẾ HOẠCH")
    d.add_paragraph("Cải cách hành chính năm 2026 trên địa bàn xã An Hòa")
    d.add_paragraph(
        "Thực hiện Kế hoạch số 1234/KH-UBND ngày 26/12/2025 của Ủy ban nhân dân thành phố, "
        "Ủy ban nhân dân xã ban hành Kế hoạch cải cách hành chính năm 2026 như sau:"
    )
    parts = _add_list(d, ("upperRoman", "%1.", 1), ("decimal", "%2.", 1))
    _numbered(d.add_paragraph("MỤC ĐÍCH, YÊU CẦU"), parts)
    _numbered(d.add_paragraph("Mục đích"), parts, 1)
    d.add_paragraph("Nâng cao chất lượng phục vụ người dân, doanh nghiệp.")
    _numbered(d.add_paragraph("MỤC TIÊU"), parts)
    d.add_paragraph("Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn đạt 100%.")
    _numbered(d.add_paragraph("NHIỆM VỤ"), parts)
    d.add_paragraph("Các nhiệm vụ cụ thể tại bảng sau:")
    sections = _add_list(d, ("upperRoman", "%1", 1))
    numbers = _add_list(d, ("decimal", "%1", 1))
    pages = (
        ("CẢI CÁCH THỂ CHẾ", ("Rà soát văn bản quy phạm pháp luật", "Kiểm tra việc thực hiện văn bản")),
        ("CẢI CÁCH THỦ TỤC HÀNH CHÍNH", ("Công bố, công khai thủ tục hành chính",)),
    )
    for section, contents in pages:  # the table goes on in a second Word table, its header copied
        table = d.add_table(rows=0, cols=6)
        table.style = "Table Grid"
        _two_row_header(table)
        cells = table.add_row().cells
        _numbered(cells[0].paragraphs[0], sections)
        cells[1].merge(cells[5]).text = section
        first = len(table.rows)
        for content in contents:
            cells = table.add_row().cells
            _numbered(cells[0].paragraphs[0], numbers)
            cells[1].text, cells[3].text, cells[5].text = content, "Các đoàn thể", "Báo cáo"
        table.cell(first, 2).merge(table.cell(len(table.rows) - 1, 2)).text = "Văn phòng HĐND và UBND"
        table.cell(first, 4).merge(table.cell(len(table.rows) - 1, 4)).text = "Quý II/2026"
        d.add_paragraph("")
    _numbered(d.add_paragraph("TỔ CHỨC THỰC HIỆN"), parts)
    d.add_paragraph("Các cơ quan báo cáo kết quả hằng quý gửi Văn phòng HĐND và UBND.")
    d.add_paragraph("Nơi nhận:")
    d.add_paragraph("CHỦ TỊCH")
    d.add_paragraph("Nguyễn Văn An")
    d.save(path)
    return path


def test_it_imports_a_plan_with_every_habit_as_its_reader_would(tmp_path):
    plan = run(_official_plan(tmp_path / "ke-hoach.docx"))

    meta = plan.meta
    assert (meta.number, meta.date, meta.issuer, meta.issuer_level) == (
        "15/KH-UBND",
        "2026-01-20",
        "UBND xã An Hòa",
        "xa",
    )
    assert meta.title == "Cải cách hành chính năm 2026 trên địa bàn xã An Hòa"
    assert (meta.signer, meta.signer_title) == ("Nguyễn Văn An", "Chủ tịch")
    assert [(t.value, t.unit) for t in plan.targets] == [(100.0, "%")]
    lead, deadline = "Văn phòng HĐND và UBND", "Quý II/2026"
    assert [(t.section, t.no, t.content, t.lead, t.partners, t.deadline, t.output) for t in plan.tasks] == [
        ("I", "1", "Rà soát văn bản quy phạm pháp luật", lead, "Các đoàn thể", deadline, "Báo cáo"),
        ("I", "2", "Kiểm tra việc thực hiện văn bản", lead, "Các đoàn thể", deadline, "Báo cáo"),
        ("II", "3", "Công bố, công khai thủ tục hành chính", lead, "Các đoàn thể", deadline, "Báo cáo"),
    ]
    assert not [p for p in plan.problems if p.code.startswith("task")]
