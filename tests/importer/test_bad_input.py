"""Bad input ends in one clear Vietnamese line (an ImporterError), never a traceback; the CLI exits 2."""

from __future__ import annotations

import subprocess
import sys
import time
import zipfile
from pathlib import Path

import docx
import pypdfium2 as pdfium
import pytest

from importer.errors import ImporterError, NotAPlan, UnreadableDocument, UnsupportedFormat
from importer.pipeline import Limits, run

GENERATED = Path(__file__).resolve().parents[1] / "fixtures" / "generated"


def _refused(path: Path, kind: type[ImporterError], *words: str, limits: Limits | None = None) -> str:
    with pytest.raises(kind) as caught:
        run(path, limits or Limits())
    message = str(caught.value)
    assert "\n" not in message
    for word in words:
        assert word in message
    return message


def _many_pages(path: Path, count: int) -> Path:
    pdf = pdfium.PdfDocument.new()
    for _ in range(count):
        pdf.new_page(595, 842)
    pdf.save(path)
    return path


def _bomb(path: Path, size: int) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            block = b"\0" * (1024 * 1024)
            for _ in range(size // len(block)):
                member.write(block)
    return path


def test_it_refuses_a_type_it_does_not_read(tmp_path):
    (tmp_path / "plan.odt").write_bytes(b"PK\x03\x04 whatever")
    _refused(tmp_path / "plan.odt", UnsupportedFormat, ".odt", "LibreOffice Writer", "Lưu thành", ".docx")


def test_it_tells_a_libreoffice_text_named_docx_by_its_content(tmp_path):
    """A ward's plan kept as .odt (tests/fixtures/other-unseen2) renamed .docx: what it is and how to save it."""
    with zipfile.ZipFile(tmp_path / "plan.docx", "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    _refused(tmp_path / "plan.docx", UnsupportedFormat, "OpenDocument", "Lưu thành", ".docx")


def test_it_refuses_an_empty_file(tmp_path):
    (tmp_path / "plan.docx").write_bytes(b"")
    _refused(tmp_path / "plan.docx", UnreadableDocument, "rỗng")


def test_it_refuses_a_docx_that_is_not_a_zip(tmp_path):
    (tmp_path / "plan.docx").write_text("Kế hoạch cải cách hành chính", encoding="utf-8")
    _refused(tmp_path / "plan.docx", UnreadableDocument, "hỏng")


def test_it_refuses_a_broken_zip_named_docx(tmp_path):
    (tmp_path / "plan.docx").write_bytes(b"PK\x03\x04" + b"\x01" * 500)
    _refused(tmp_path / "plan.docx", UnreadableDocument, "hỏng")


def test_it_refuses_an_excel_workbook_named_docx(tmp_path):
    with zipfile.ZipFile(tmp_path / "plan.docx", "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    _refused(tmp_path / "plan.docx", UnsupportedFormat, "Excel")


def test_it_refuses_garbage_named_pdf(tmp_path):
    (tmp_path / "plan.pdf").write_bytes(b"this is not a pdf at all" * 40)
    _refused(tmp_path / "plan.pdf", UnreadableDocument, "hỏng")


def test_it_refuses_a_broken_pdf(tmp_path):
    (tmp_path / "plan.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 20)
    _refused(tmp_path / "plan.pdf", UnreadableDocument, "hỏng")


def test_it_tells_a_zip_named_pdf_by_its_content(tmp_path):
    (tmp_path / "plan.pdf").write_bytes((GENERATED / "tiny_table.docx").read_bytes())
    _refused(tmp_path / "plan.pdf", UnsupportedFormat, "ZIP", ".pdf")


def test_it_refuses_a_password_protected_pdf():
    _refused(GENERATED / "protected.pdf", UnreadableDocument, "mật khẩu", "gỡ mật khẩu")


def test_it_refuses_a_docx_zip_bomb_before_unpacking_it(tmp_path):
    bomb = _bomb(tmp_path / "bomb.docx", 20 * 1024 * 1024)  # 20 MB of zeros, some 20 KB packed
    assert bomb.stat().st_size < 100 * 1024
    _refused(bomb, UnreadableDocument, "giải nén")


def test_it_refuses_a_docx_that_unpacks_beyond_the_limit(tmp_path):
    _refused(GENERATED / "tiny_table.docx", UnreadableDocument, "giải nén", limits=Limits(max_unzipped_bytes=10_000))


def test_it_refuses_a_pdf_longer_than_the_page_limit_before_any_work(tmp_path):
    pdf = _many_pages(tmp_path / "long.pdf", 500)
    started = time.monotonic()
    _refused(pdf, UnreadableDocument, "500 trang", "--max-pages")
    assert time.monotonic() - started < 2


def test_it_refuses_a_file_that_is_not_a_plan(tmp_path):
    (tmp_path / "notes.txt").write_text("Danh sách mua sắm: gạo, muối, nước mắm.\nTổng cộng 250.000 đồng.\n")
    _refused(tmp_path / "notes.txt", NotAPlan, "không giống một kế hoạch")


def test_it_refuses_an_invoice_typed_in_word(tmp_path):
    invoice = docx.Document()
    invoice.add_paragraph("HÓA ĐƠN GIÁ TRỊ GIA TĂNG")
    invoice.add_paragraph("Đơn vị bán hàng: Công ty TNHH Thương mại Hải Phòng")
    table = invoice.add_table(rows=2, cols=4)
    for cell, text in zip(table.rows[0].cells, ("STT", "Tên hàng hóa", "Số lượng", "Thành tiền"), strict=True):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ("1", "Giấy A4", "10", "750.000"), strict=True):
        cell.text = text
    invoice.save(tmp_path / "invoice.docx")
    _refused(tmp_path / "invoice.docx", NotAPlan)


def test_it_survives_a_truncated_pdf(tmp_path):
    data = (GENERATED / "001_abf02ef8f9447b69.pdf").read_bytes()
    (tmp_path / "cut.pdf").write_bytes(data[: len(data) // 2])
    try:
        run(tmp_path / "cut.pdf")
    except ImporterError as error:
        assert "\n" not in str(error)


@pytest.mark.parametrize(
    "name, content",
    [
        ("plan.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"),
        ("plan.docx", b"not a zip"),
        ("plan.pdf", b"PK\x03\x04\x14\x00"),
        ("empty.pdf", b""),
    ],
)
def test_it_prints_one_line_and_exits_2_from_the_cli(tmp_path, name, content):
    (tmp_path / name).write_bytes(content)
    done = subprocess.run(
        [sys.executable, "-m", "importer.cli", "import", str(tmp_path / name)],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.startswith("Lỗi: ") and done.stderr.count("\n") == 1
    assert "Traceback" not in done.stderr


def test_it_says_what_to_install_when_the_vietnamese_ocr_model_is_missing(tmp_path, monkeypatch):
    from PIL import Image

    Image.new("L", (200, 100), 255).save(tmp_path / "scan.png")
    monkeypatch.setenv("TESSDATA_PREFIX", str(tmp_path))  # a folder without vie.traineddata
    done = subprocess.run(
        [sys.executable, "-m", "importer.cli", "import", str(tmp_path / "scan.png")],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    assert "tesseract-ocr-vie" in done.stderr and "Traceback" not in done.stderr


def test_it_takes_the_page_limit_from_the_cli(tmp_path):
    pdf = _many_pages(tmp_path / "long.pdf", 12)
    done = subprocess.run(
        [sys.executable, "-m", "importer.cli", "import", str(pdf), "--max-pages", "10"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode == 2 and "vượt giới hạn 10 trang" in done.stderr


def test_it_takes_a_plan_that_so_far_states_only_its_purpose(tmp_path):
    """A plan's first part typed so far (its title and 'Mục đích, yêu cầu') is a plan to review, with nothing to
    track yet — not "not a plan"."""
    (tmp_path / "du-thao.txt").write_text(
        "ỦY BAN NHÂN DÂN\nXÃ NAM ĐÔNG\nSố:   /KH-UBND\nKẾ HOẠCH\nPhòng, chống tham nhũng năm 2026\n"
        "I. MỤC ĐÍCH, YÊU CẦU\nNâng cao nhận thức của cán bộ, công chức.\n",
        encoding="utf-8",
    )

    plan = run(tmp_path / "du-thao.txt")

    assert plan.meta.title and (plan.targets, plan.tasks) == ((), ())
