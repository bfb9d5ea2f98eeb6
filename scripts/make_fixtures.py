#!/usr/bin/env python3
"""Generate the per-format test fixtures from the seed plans and their gold annotations.

For each seed tests/fixtures/seeds/<name>.txt (gold in seeds/gold/<name>.json) this writes into
tests/fixtures/generated/:

- <name>.docx: the plan typed as an official would, Times New Roman 14, body paragraphs from the
  seed text (its flattened task table cut off, target sentences given with the diacritics the gold
  restores), and the task catalogue as a real Word table in a landscape section: header row,
  merged section rows "I | CẢI CÁCH THỂ CHẾ", one row per gold task. Seed 002's table is split in
  two Word tables.
- <name>.pdf: that .docx printed to PDF by LibreOffice (``soffice --headless --convert-to pdf``).
- tiny_table.docx/.pdf (one page: paragraph, ruled table with a merged section row, paragraph) and
  protected.pdf (the same, with an opening password) for the readers' and bad-input tests.

The scanned variant (each PDF page rasterised at 300 dpi, 1-bit, saved as an image-only PDF) is
made on the fly by the tests and the benchmark with ``scan_pdf()``; ``--scanned DIR`` writes them too.

    .venv/bin/python scripts/make_fixtures.py [--scanned DIR]

The gold of every variant is the seed's gold (same content).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
OUT = ROOT / "tests" / "fixtures" / "generated"

HEADER = ("TT", "Nội dung công việc", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Sản phẩm")
WIDTHS_CM = (1.2, 9.0, 3.8, 3.8, 2.8, 4.4)  # landscape A4 less margins: 25 cm

AREA_SECTIONS = {
    "I": "CẢI CÁCH THỂ CHẾ",
    "II": "CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
    "III": "CẢI CÁCH TỔ CHỨC BỘ MÁY",
    "IV": "CẢI CÁCH CHẾ ĐỘ CÔNG VỤ",
    "V": "CẢI CÁCH TÀI CHÍNH CÔNG",
    "VI": "XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ",
    "VII": "CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH",
}
# Section headings as the seeds' tables print them (roman numeral -> heading).
SECTIONS = {
    "001": {
        "I": "Chỉ đạo điều hành, kiểm tra và tuyên truyền",
        "II": "Cải cách thể chế",
        "III": "Cải cách thủ tục hành chính",
        "IV": "Xây dựng Chính quyền điện tử, Chính quyền số",
    },
    "002": AREA_SECTIONS,
    "004": AREA_SECTIONS,
}
# Where the flattened task table starts in the seed text (its column header; the table's title
# above it stays in the body) and, optionally, the first line after it.
TABLE_START = {"001": r"^TT\s*$", "002": r"^e n \. Co quan", "004": r"^TT\s*$"}
TABLE_TITLE = {"001": r"^THE TRIEN KHA", "002": r"^DANH MUC NHIEM VU", "004": r"^DANH MỤC NHIỆM VỤ CỤ THỂ"}
TABLE_END = {"001": r"^Danh muc gom \d+ nhiém vu"}
SPLIT_TABLE = {"002": "IV"}  # seed -> section that starts the second Word table


def seeds() -> list[tuple[Path, dict]]:
    out = []
    for gold_path in sorted((SEEDS / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        out.append((SEEDS / gold["doc"], gold))
    return out


def split_seed(key: str, text: str) -> tuple[list[str], list[str]]:
    """The seed's lines before its flattened task table, and after it."""
    lines = text.splitlines()
    if key not in TABLE_START:
        return lines, []
    anchor = next(i for i, line in enumerate(lines) if re.search(TABLE_TITLE[key], line.strip()))
    start = next(i for i in range(anchor, len(lines)) if re.search(TABLE_START[key], lines[i].strip()))
    tail: list[str] = []
    if key in TABLE_END:
        end = next(i for i in range(start, len(lines)) if re.search(TABLE_END[key], lines[i].strip()))
        tail = lines[end:]
    return lines[:start], tail


def paragraphs(lines: list[str]) -> list[str]:
    """Join wrapped lines back into paragraphs: a line that starts in lower case after a long line
    that does not end a sentence continues it; headings, items and header lines stay apart."""
    out: list[str] = []
    previous_long = False
    for raw in lines:
        line = raw.replace("**", "").strip().strip("*").strip()
        if not line:
            continue
        continues = (
            out and previous_long and not re.search(r"[.:;!?]$", out[-1]) and (line[0].islower() or line[0] in "(,;")
        )
        if continues:
            out[-1] += " " + line
        else:
            out.append(line)
        previous_long = len(line) >= 50
    return out


def restore_targets(body: list[str], gold: dict) -> list[str]:
    """Give target sentences the diacritics the gold restores (OCR seeds print them without)."""
    text = "\n".join(body)
    for target in gold.get("targets") or []:
        printed, restored = target.get("text"), target.get("text_vi")
        if not printed or not restored or printed == restored:
            continue
        pattern = r"\s+".join(re.escape(word) for word in printed.split())
        text = re.sub(pattern, lambda _m, restored=restored: restored, text, count=1)
    return text.split("\n")


def write_docx(path: Path, key: str, body: list[str], tail: list[str], tasks: list[dict]) -> None:
    import docx
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(14)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "Times New Roman")
    style.paragraph_format.space_after = Pt(6)
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin = section.bottom_margin = Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(2)

    for text in body:
        paragraph = document.add_paragraph(text)
        if text.isupper():
            paragraph.runs[0].bold = True
        if text.isupper() and len(text) < 80:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        else:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY

    if tasks:
        landscape = document.add_section(WD_SECTION.NEW_PAGE)
        landscape.orientation = WD_ORIENT.LANDSCAPE
        landscape.page_width, landscape.page_height = Cm(29.7), Cm(21)
        landscape.left_margin = landscape.right_margin = Cm(2)
        landscape.top_margin = landscape.bottom_margin = Cm(2)
        sections = SECTIONS[key]
        split = SPLIT_TABLE.get(key)
        groups: list[list[dict]] = [[]]
        for task in tasks:
            if split and task["section"] == split and groups[-1] and groups[-1][-1]["section"] != split:
                groups.append([])
            groups[-1].append(task)
        for number, group in enumerate(groups):
            if number:
                document.add_paragraph("")
            table = document.add_table(rows=0, cols=len(HEADER))
            table.style = "Table Grid"
            table.autofit = False
            if number == 0:
                _row(table, HEADER, bold=True, header=True)
            seen = None
            for task in group:
                if task["section"] != seen:
                    seen = task["section"]
                    cells = table.add_row().cells
                    merged = cells[1].merge(cells[-1])
                    _fill(cells[0], seen, bold=True)
                    _fill(merged, sections.get(seen, seen).upper(), bold=True)
                fields = (task.get("no"), task.get("content_vi") or task["content"], task.get("lead"))
                fields += (task.get("partners"), task.get("deadline"), task.get("output"))
                _row(table, tuple(value or "" for value in fields))
            for column, width in zip(table.columns, WIDTHS_CM, strict=True):
                column.width = Cm(width)
            for row in table.rows:
                for cell, width in zip(row.cells, WIDTHS_CM, strict=False):
                    cell.width = Cm(width)
        for text in tail or [""]:  # Word always ends a document with a paragraph
            document.add_paragraph(text.strip())

    document.save(path)


def _fill(cell, text: str, bold: bool = False) -> None:
    from docx.shared import Pt

    paragraph = cell.paragraphs[0]
    run = paragraph.add_run(text)
    run.bold = bold
    run.font.size = Pt(12)
    paragraph.paragraph_format.space_after = Pt(0)


def _row(table, values, bold=False, header=False) -> None:
    from docx.oxml import OxmlElement

    cells = table.add_row().cells
    for cell, value in zip(cells, values, strict=True):
        _fill(cell, value, bold=bold)
    if header:
        table.rows[-1]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))


def write_tiny_docx(path: Path) -> None:
    """A one-page document for the PDF reader's tests: a paragraph, a ruled table with a merged
    section row, a paragraph."""
    import docx

    document = docx.Document()
    document.add_paragraph("KẾ HOẠCH thử nghiệm đọc bảng")
    table = document.add_table(rows=0, cols=3)
    table.style = "Table Grid"
    _row(table, ("TT", "Nội dung công việc", "Cơ quan chủ trì"), bold=True)
    cells = table.add_row().cells
    _fill(cells[0], "I", bold=True)
    _fill(cells[1].merge(cells[2]), "CẢI CÁCH THỂ CHẾ", bold=True)
    _row(table, ("1", "Rà soát văn bản quy phạm pháp luật", "Văn phòng HĐND và UBND"))
    _row(table, ("2", "Công bố thủ tục hành chính", "Phòng Văn hóa - Xã hội"))
    document.add_paragraph("Danh mục gồm 2 nhiệm vụ.")
    document.save(path)


def to_pdf(docx_path: Path, out_dir: Path, password: str | None = None) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise SystemExit("LibreOffice (soffice) is needed to print the .docx fixtures to PDF")
    target = "pdf"
    if password:
        target = (
            'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},'
            f'"DocumentOpenPassword":{{"type":"string","value":"{password}"}}}}'
        )
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", target]
            + ["--outdir", str(out_dir), str(docx_path)],
            check=True,
            capture_output=True,
            timeout=180,
        )
    return out_dir / (docx_path.stem + ".pdf")


def scan_pdf(source: Path, target: Path, dpi: int = 300, skew: float = 0.0) -> Path:
    """An image-only copy of a PDF, as a scanner would make it: each page at ``dpi``, 1-bit, turned
    ``skew`` degrees counter-clockwise (a sheet fed askew)."""
    import pypdfium2 as pdfium
    from PIL import Image

    pdf = pdfium.PdfDocument(str(source))
    try:
        pages = []
        for page in pdf:
            image = page.render(scale=dpi / 72, grayscale=True).to_pil()
            if skew:
                image = image.rotate(skew, resample=Image.Resampling.BILINEAR, fillcolor=255)
            pages.append(image.point(lambda v: 255 if v > 160 else 0).convert("1"))
    finally:
        pdf.close()
    pages[0].save(target, "PDF", resolution=dpi, save_all=True, append_images=pages[1:])
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scanned", type=Path, help="also write the scanned PDFs into this folder")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    write_tiny_docx(OUT / "tiny_table.docx")
    to_pdf(OUT / "tiny_table.docx", OUT)
    with tempfile.TemporaryDirectory() as tmp:
        protected = Path(tmp) / "protected.docx"
        shutil.copy(OUT / "tiny_table.docx", protected)
        shutil.move(to_pdf(protected, Path(tmp), password="matkhau"), OUT / "protected.pdf")
    print("tiny_table.docx, tiny_table.pdf, protected.pdf")
    for seed, gold in seeds():
        key = seed.name[:3]
        before, tail = split_seed(key, seed.read_text(encoding="utf-8"))
        body = restore_targets(paragraphs(before), gold)
        docx_path = OUT / (seed.stem + ".docx")
        write_docx(docx_path, key, body, paragraphs(tail), gold.get("tasks") or [])
        pdf_path = to_pdf(docx_path, OUT)
        line = f"{seed.stem}: {docx_path.stat().st_size // 1024} KB docx, {pdf_path.stat().st_size // 1024} KB pdf"
        if args.scanned:
            args.scanned.mkdir(parents=True, exist_ok=True)
            scanned = scan_pdf(pdf_path, args.scanned / (seed.stem + ".scanned.pdf"))
            line += f", {scanned.stat().st_size // 1024} KB scanned"
        print(line)


if __name__ == "__main__":
    main()
