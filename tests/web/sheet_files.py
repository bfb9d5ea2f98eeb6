"""Workbooks made byte by byte for the reading tests: as big, as broken or as strange as a hostile file can be,
written in streaming so a million rows take a second and little memory."""

from __future__ import annotations

import io
import zipfile

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
TASK_HEADER = ["ID", "TT", "Nội dung", "Chủ trì", "Hạn", "Tình trạng", "Tiến độ %", "Ghi chú"]


def _parts(sheet_name: str, workbook: str) -> dict[str, str]:
    return {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
        ),
        "_rels/.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{RELS}">'
            f'<Relationship Id="rId1" Type="{OFFICE}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": workbook
        or (
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{OFFICE}"><sheets>'
            f'<sheet name="{sheet_name}" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{RELS}">'
            f'<Relationship Id="rId1" Type="{OFFICE}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
        ),
    }


def _text_row(values: list[str]) -> str:
    return "<row>" + "".join(f'<c t="inlineStr"><is><t>{v}</t></is></c>' for v in values) + "</row>"


def task_sheet(
    rows: int = 0, dimension: str = "", extra: list[list[str]] = (), workbook: str = "", raw: bytes = b""
) -> bytes:
    """A workbook with a “Nhiệm vụ” sheet: its header, ``rows`` rows holding an ID, the ``extra`` rows written
    as text, then ``raw`` XML; ``dimension`` is the size the sheet states ("A1:H10"; "auto" for its true size,
    as Excel and openpyxl write it; none by default)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in _parts("Nhiệm vụ", workbook).items():
            archive.writestr(name, text)
        with archive.open("xl/worksheets/sheet1.xml", "w") as sheet:
            if dimension == "auto":
                dimension = f"A1:H{rows + len(extra) + 1}"
            size = f'<dimension ref="{dimension}"/>' if dimension else ""
            sheet.write(f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}">{size}<sheetData>'.encode())
            sheet.write(_text_row(TASK_HEADER).encode())
            chunk = b"<row><c><v>1</v></c></row>" * 10_000
            for _ in range(rows // 10_000):
                sheet.write(chunk)
            sheet.write(b"<row><c><v>1</v></c></row>" * (rows % 10_000))
            for values in extra:
                sheet.write(_text_row(values).encode())
            sheet.write(raw)
            sheet.write(b"</sheetData></worksheet>")
    return out.getvalue()
